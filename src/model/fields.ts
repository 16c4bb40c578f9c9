/**
 * The front matter of a statement: the one table of its fields, read by the loader, every rule and
 * every command, and the parsing of each field's value into its typed form.
 */
import { nearest } from './suggest.js';
import { parseDurationSeconds } from './duration.js';
import { describeValue, listOr, quote } from './describe.js';

/** The kinds of statement: read out (`oral`) or circulated in writing (`written`). */
export const KINDS = ['oral', 'written'] as const;
/** The editorial states of a statement. */
export const STATUSES = ['draft', 'final'] as const;
/** The marks a handout carries at its top. */
export const MARKS = ['check-against-delivery', 'read-out-verbatim'] as const;

/** A statement's kind. */
export type Kind = (typeof KINDS)[number];
/** A statement's editorial state. */
export type Status = (typeof STATUSES)[number];
/** A handout's mark. */
export type Mark = (typeof MARKS)[number];

/** The typed front matter fields of a statement; a field absent or invalid in the file is absent here. */
export interface StatementFields {
  forum?: string;
  session?: string;
  speaker?: string;
  title?: string;
  agenda_item?: string;
  role?: string;
  /** `YYYY-MM-DD`, as written: never a `Date`, so no time zone can shift it. */
  date?: string;
  organization?: string;
  organizations?: string[];
  /** The BCP 47 tag as written (canonicalized), e.g. `en`, `fr-CH`. */
  language?: string;
  kind?: Kind;
  /** The speaking slot in seconds. */
  slotSeconds?: number;
  /** Words per minute. */
  pace?: number;
  status?: Status;
  mark?: Mark;
  template?: string;
  /** The statement this one is a language version of: a path from this file's folder. */
  version_of?: string;
  /** The source's spoken text this version was made from: a short hash of each of its paragraphs, joined by dots. */
  source_hash?: string;
}

/** What a field's parser needs to know about the installation (the languages that have phrase lists). */
export interface FieldContext {
  knownLanguages: readonly string[];
  /** Language names (`English`, `français`) to their code, for suggestions. */
  languageNames: ReadonlyMap<string, string>;
}

/** A parsed value, or the reason it could not be parsed ("Expected …, found …"). */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One front matter field: its name, whether it is required, what it means, how its value parses. */
export interface FieldSpec {
  name: string;
  required: boolean;
  description: string;
  parse(value: unknown, context: FieldContext): FieldResult<unknown>;
  assign(fields: StatementFields, value: unknown): void;
}

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = (reason: string): FieldResult<never> => ({ ok: false, reason });

function text(name: string): (value: unknown) => FieldResult<string> {
  return (value) => {
    if (typeof value === 'string') return ok(value.trim());
    if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
    if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') {
      // `speaker: [insert name]` is a list to YAML, and almost always a placeholder left in.
      const written = `[${value[0]}]`;
      return fail(
        `Expected \`${name}\` to be text, found \`${written}\`, which YAML reads as a list: a placeholder left in? Write the value, or quote it: \`${name}: "${written}"\``,
      );
    }
    return fail(`Expected \`${name}\` to be text, found ${describeValue(value)}`);
  };
}

function oneOf<T extends string>(name: string, values: readonly T[]): (value: unknown) => FieldResult<T> {
  return (value) => {
    const normalized =
      typeof value === 'string'
        ? value
            .trim()
            .toLowerCase()
            .replace(/[\s_]+/g, '-')
        : undefined;
    const match = values.find((candidate) => candidate === normalized);
    return match !== undefined
      ? ok(match)
      : fail(`Expected \`${name}\` to be ${listOr(values)}, found ${describeValue(value)}`);
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a date `YYYY-MM-DD` that exists in the calendar. */
export function parseDate(value: unknown): FieldResult<string> {
  const match = typeof value === 'string' ? DATE.exec(value.trim()) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return ok(match[0]);
    }
  }
  return fail(`Expected \`date\` to be a date \`YYYY-MM-DD\`, found ${describeValue(value)}`);
}

/** Parses a BCP 47 tag whose language has phrase lists, canonicalized (`EN-gb` → `en-GB`). */
export function parseLanguage(value: unknown, context: FieldContext): FieldResult<string> {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(
      `Expected \`language\` to be a BCP 47 tag such as ${listOr(context.knownLanguages)}, found ${describeValue(value)}`,
    );
  }
  const written = value.trim();
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(written)[0];
  } catch {
    canonical = undefined;
  }
  const primary = canonical?.split('-')[0];
  if (canonical !== undefined && primary !== undefined && context.knownLanguages.includes(primary))
    return ok(canonical);
  // A language's name (`French`, `français`), or the nearest name or tag to a misspelling (`frnch`).
  const near = nearest(written.toLowerCase(), [...context.languageNames.keys(), ...context.knownLanguages]);
  const named =
    context.languageNames.get(written.toLowerCase()) ??
    (near === undefined ? undefined : (context.languageNames.get(near) ?? near));
  const hint = named === undefined ? '' : `, did you mean \`${named}\`?`;
  return fail(
    `Expected \`language\` to be a language with phrase lists (${listOr(context.knownLanguages)}), found ${quote(written)}${hint}`,
  );
}

const MIN_PACE = 20;
const MAX_PACE = 600;

/** Parses a pace in words per minute (`110`, `"110 wpm"`). */
export function parsePace(value: unknown): FieldResult<number> {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim().replace(/\s*wpm$/i, '')) : NaN;
  if (Number.isFinite(number) && number >= MIN_PACE && number <= MAX_PACE) return ok(number);
  return fail(
    `Expected \`pace\` to be words per minute between ${MIN_PACE} and ${MAX_PACE}, found ${describeValue(value)}`,
  );
}

/** The longest speaking slot, in seconds (two hours): past it a slot is a mistake (`1e308`), not a slot. */
export const MAX_SLOT_SECONDS = 7200;

/** Parses a speaking slot into seconds, from 1 second to two hours. */
export function parseSlot(value: unknown): FieldResult<number> {
  const seconds = parseDurationSeconds(value);
  if (seconds === undefined) {
    return fail(
      `Expected \`slot\` to be a duration such as \`90s\`, \`3m\`, \`2m30s\` or \`3:00\`, found ${describeValue(value)}`,
    );
  }
  if (seconds < 1 || seconds > MAX_SLOT_SECONDS) {
    return fail(`Expected \`slot\` to be from \`1s\` to \`2h\`, found ${describeValue(value)}`);
  }
  return ok(seconds);
}

function parseOrganizations(value: unknown): FieldResult<string[]> {
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' || item.trim() === '') {
      return fail(`Expected \`organizations\` to be a list of names, found ${describeValue(item)} in it`);
    }
    names.push(item.trim());
  }
  return ok(names);
}

/** Parses a handout mark. */
export const parseMark = oneOf('mark', MARKS);

const TEMPLATE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Parses a template name: letters, digits, `-` and `_`, so it can only name a file inside `templates/`. */
export function parseTemplate(value: unknown): FieldResult<string> {
  return typeof value === 'string' && TEMPLATE_NAME.test(value.trim())
    ? ok(value.trim())
    : fail(
        `Expected \`template\` to be the name of a template in \`templates/\` (letters, digits, \`-\`, \`_\`), found ${describeValue(value)}`,
      );
}

function field<T>(
  name: string,
  description: string,
  parse: (value: unknown, context: FieldContext) => FieldResult<T>,
  assign: (fields: StatementFields, value: T) => void,
  required = false,
): FieldSpec {
  return { name, required, description, parse, assign: assign };
}

/** The front matter fields, in the order the README documents them. */
export const FIELDS: readonly FieldSpec[] = [
  field(
    'forum',
    'The meeting body, e.g. `CCPCJ`, `UNTOC COP` (required)',
    text('forum'),
    (f, v) => (f.forum = v),
    true,
  ),
  field('session', 'The session, e.g. `34` or `COP 12` (required)', text('session'), (f, v) => (f.session = v), true),
  field('speaker', 'Who delivers the statement (required)', text('speaker'), (f, v) => (f.speaker = v), true),
  field('title', "The statement's title", text('title'), (f, v) => (f.title = v)),
  field('agenda_item', 'The agenda item, e.g. `5` or `4 (b)`', text('agenda_item'), (f, v) => (f.agenda_item = v)),
  field('role', "The speaker's role, e.g. `Chair`", text('role'), (f, v) => (f.role = v)),
  field('date', 'The day of delivery, `YYYY-MM-DD`', parseDate, (f, v) => (f.date = v)),
  field(
    'organization',
    'The speaking organization (default from config)',
    text('organization'),
    (f, v) => (f.organization = v),
  ),
  field('organizations', 'The organizations of a joint statement', parseOrganizations, (f, v) => (f.organizations = v)),
  field('language', 'BCP 47 tag: `en` (default), `fr`, `es`', parseLanguage, (f, v) => (f.language = v)),
  field('kind', '`oral` (default) or `written`', oneOf('kind', KINDS), (f, v) => (f.kind = v)),
  field(
    'slot',
    'Speaking slot: `90s`, `3m`, `2m30s`, `3:00`; a bare number is seconds',
    parseSlot,
    (f, v) => (f.slotSeconds = v),
  ),
  field('pace', 'Words per minute', parsePace, (f, v) => (f.pace = v)),
  field('status', '`draft` or `final`', oneOf('status', STATUSES), (f, v) => (f.status = v)),
  field('mark', '`check-against-delivery` (default) or `read-out-verbatim`', parseMark, (f, v) => (f.mark = v)),
  field('template', "The handout template's name, in `templates/`", parseTemplate, (f, v) => (f.template = v)),
  field(
    'version_of',
    'The statement this one is a language version of, e.g. `victims.md` (a file `victims.fr.md` beside `victims.md` needs none)',
    text('version_of'),
    (f, v) => (f.version_of = v),
  ),
  field(
    'source_hash',
    "The source's spoken text this version was made from (written by `check`'s quick fix)",
    text('source_hash'),
    (f, v) => (f.source_hash = v),
  ),
];

/** The fields by name. */
export const FIELDS_BY_NAME: ReadonlyMap<string, FieldSpec> = new Map(FIELDS.map((spec) => [spec.name, spec]));

/** True when a front matter value counts as absent: nothing, or only spaces. */
export function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}
