/**
 * The model of a statement: made once per file by the loader and read by every rule, the timing
 * engine, the renderers and the commands.
 */
import type { Node, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { StatementFields, Mark, Kind } from './fields.js';
import type { Forum } from './forum.js';
import type { LanguageRecord } from './language.js';
import type { Phrases } from './phrases.js';

/** A place in the original file, 1-based, the front matter counted. */
export interface Point {
  line: number;
  column: number;
}

/** A range in the original file. */
export interface Span {
  start: Point;
  end: Point;
}

/** A problem the loader met in the front matter or the bytes of the file, reported by its rule. */
export interface LoadProblem {
  ruleId: 'front-matter' | 'encoding' | 'read-error' | 'markdown';
  reason: string;
  place: Point | Span;
}

/** The front matter as written and as typed, with where each field sits. */
export interface FrontMatter {
  /** True when the file opens with a `---` block that parsed to a mapping (possibly empty). */
  present: boolean;
  /** The raw mapping, as the YAML parser produced it. */
  data: Readonly<Record<string, unknown>>;
  /** The typed fields; a field absent or invalid in `data` is absent here. */
  fields: StatementFields;
  /** Where each key of `data` sits (its key's span). */
  positions: ReadonlyMap<string, Span>;
  /** Fields whose value could not be parsed, with the reason ("Expected …, found …"). */
  invalid: ReadonlyMap<string, string>;
  /** The lines the block takes, `---` to `---`, when present. */
  span?: Span;
}

/** What kind of block a spoken paragraph comes from. */
export type SpokenKind = 'paragraph' | 'listItem' | 'blockquote';

/** A block of text the speaker reads out, in document order. */
export interface SpokenParagraph {
  kind: SpokenKind;
  /** The text as said: Markdown syntax, comments, footnote markers and images removed, spaces collapsed. */
  text: string;
  /** Where the block starts and ends in the file. */
  span: Span;
  /** The mdast node it comes from. */
  node: Node;
  /** Headings met since the previous spoken paragraph (the timing engine pauses at them). */
  headingsBefore: number;
}

/** How severe a rule's messages are, or `off`. */
export type Severity = 'error' | 'warning' | 'off';

/** What config, forum registry, inline comments and flags decided for this file. */
export interface Settings {
  /** The full BCP 47 tag, e.g. `fr-CH`. */
  locale: string;
  /** The primary language subtag, which picks phrase lists and pace, e.g. `fr`. */
  language: string;
  kind: Kind;
  /** Words per minute, where that number came from, and that origin as a message says it ("Ana's pace in French, in the config"). */
  pace: number;
  paceSource: SettingSource;
  paceOrigin: string;
  /** Text the project allows in square brackets, lower case (its config's `placeholders.allow`). */
  allowedBrackets: readonly string[];
  /** The speaking slot in seconds, or null when none applies. */
  slotSeconds: number | null;
  slotSource: SettingSource | null;
  /** The forum's registry entry, or null when the forum is unknown or absent. */
  forum: Forum | null;
  /** The canonical names of the forums in the registry, for suggestions. */
  knownForums: string[];
  /** Every name of a known forum (aliases, full names) with its canonical name, for "did you mean". */
  forumNames: ReadonlyMap<string, string>;
  /** The speaking organizations (a joint statement has several). */
  organizations: string[];
  /** Other names of those organizations that count as naming them ("the Alliance", its names in other languages). */
  organizationAliases: string[];
  /** The config key that gives the project's organization its name in the statement's language, when it speaks. */
  organizationNameKey: string | undefined;
  mark: Mark;
  template: string;
  writtenWordCap: number;
  /** The share of the slot above which the margin warning fires. */
  marginShare: number;
  /** The severity of each rule for this file (config, then inline `alliance-disable`). */
  severities: ReadonlyMap<string, Severity>;
  /** Everything known of the statement's language (direction, script, pace, labels, speech). */
  languageRecord: LanguageRecord;
  phrases: Phrases;
  /** How acronyms are said (`letters`, `word`, or the words): the config's entries over the built-in list. */
  pronunciations: ReadonlyMap<string, string>;
}

/** Where a setting was decided, first match wins in this order. */
export type SettingSource = 'flag' | 'inline' | 'front-matter' | 'speaker' | 'config' | 'forum' | 'language';

/** An inline `<!-- alliance-… -->` comment that could not be understood. */
export interface DirectiveProblem {
  reason: string;
  place: Span;
}

/** A language version's link to its source: the source's path, and the source as loaded (null: it could not be). */
export interface VersionLink {
  sourcePath: string;
  source: Statement | null;
  /** Why the source could not be loaded. */
  problem?: string;
}

/** One statement: a file, its front matter, its Markdown tree, its spoken text and its settings. */
export interface Statement {
  /** Absolute path of the file. */
  path: string;
  /** The file, its text as `value`; rules add their messages to it. */
  file: VFile;
  /** The text of the file, BOM removed (positions count from here). */
  source: string;
  frontMatter: FrontMatter;
  /** The Markdown body; positions point at lines of the original file. */
  tree: Root;
  paragraphs: SpokenParagraph[];
  settings: Settings;
  /** Problems that stop the rules (unreadable file, broken front matter); reported by their rules. */
  loadProblems: LoadProblem[];
  /** Inline comments that could not be understood. */
  directiveProblems: DirectiveProblem[];
  /** Where this statement is a language version of another (`victims.fr.md` of `victims.md`). */
  version?: VersionLink;
}

/** True when the loader could not make sense of the file, so only its load problems are reported. */
export function isUnusable(statement: Statement): boolean {
  return statement.loadProblems.length > 0;
}

/**
 * True when the statement's `language` names no language the tool knows (`language: Spanish`, `pt`):
 * what depends on the language (its phrases, its numbers, its pace) is not guessed in another's.
 */
export function languageUnknown(statement: Statement): boolean {
  return statement.frontMatter.invalid.has('language');
}

/** True when the statement cannot be timed: not usable, or in a language the tool does not know. */
export function untimable(statement: Statement): boolean {
  return isUnusable(statement) || languageUnknown(statement);
}

/** The first spoken paragraph, which must address the presiding officer. */
export function opening(statement: Statement): SpokenParagraph | undefined {
  return statement.paragraphs[0];
}

/** The last spoken paragraph, which must close the statement. */
export function closing(statement: Statement): SpokenParagraph | undefined {
  return statement.paragraphs[statement.paragraphs.length - 1];
}
