/**
 * The Node API's options and results (re-exported by the front door, src/engine/index.ts): the types a
 * script, an editor extension or a report format reads. Plain data and vfile messages.
 */
import type { VFileMessage } from 'vfile-message';
import type { BuildOutcome as StoredBuildOutcome, CopyName, Format } from './build/build.js';
import type { NewStatement } from './project/new-statement.js';
import type { Project, ProjectOptions } from './project/project.js';
import type { Concurrency } from './run/pool.js';
import type { ListOutcome, TimeOutcome } from './run/tasks.js';
import type { InspectOutcome } from './run/inspect.js';
import type { ListSort, SessionTotals } from '../model/list-order.js';

/** How a run ended: nothing to report, findings in statements, or a failure of the tool itself. */
export type Outcome = 'clean' | 'findings' | 'failure';

/** Which statements: files already found, or patterns (none: the config's `statements` globs). */
export interface TargetOptions {
  /** Absolute paths of statements, already found (as a watch gives them). */
  files?: readonly string[];
  /** Files, folders or globs, relative to `cwd`. */
  patterns?: readonly string[];
  /** A pattern that matches nothing is a `UsageError` (default: true). */
  errorOnUnmatchedPattern?: boolean;
}

/** Options every run takes: the project (opened, or where to open it) and the statements. */
export interface RunOptions extends ProjectOptions, TargetOptions {
  /** A project already opened; `cwd`, `config`, `pace` and `slotSeconds` are then not read. */
  project?: Project;
  /** Worker threads: a number, `auto` (large batches) or `off`. */
  concurrency?: Concurrency;
}

/** A rule as reports describe it. */
export interface RuleInfo {
  id: string;
  severity: 'error' | 'warning';
  summary: string;
  /** Its documentation. */
  url: string;
  /** A rule of the loader: its error means the file could not be used at all (ESLint's `fatal`). */
  fatal: boolean;
  /** Skipped for written statements. */
  deliveryOnly: boolean;
}

/** The messages of one file. */
export interface FileResult {
  /** Absolute path. */
  path: string;
  /** Its findings; each may carry its repair as data (`fix`, `suggestions`: see model/edit.ts). */
  messages: VFileMessage[];
  errorCount: number;
  warningCount: number;
  /** With `fix`: the fixed text, where a fix changed the file (nothing is written: see `writeFixes`). */
  output?: string;
  /** With `fix`, where a fix changed the file: the text the fixes were made from. */
  source?: string;
  /** With `fix`: how many fixes were applied. */
  fixedCount?: number;
  /** With `fix`: the hash of the bytes the fixes were made from. */
  sourceHash?: string;
}

/** How to check. */
export interface CheckOptions extends RunOptions {
  /** Reuse the results of unchanged files. */
  cache?: boolean;
  /** The cache file, or a folder to keep it in (default: node_modules/.cache/alliance/ in the project). */
  cacheLocation?: string;
  /** Report errors only; warnings are still counted (as ESLint counts them for `--max-warnings`). */
  quiet?: boolean;
  /** More warnings than this are a finding. */
  maxWarnings?: number;
  /**
   * Apply the certain fixes, in memory: each result then carries its fixed text, and its messages are
   * those of that text (ESLint's `fix`). The cache and worker threads are not used.
   */
  fix?: boolean;
}

/** What `check` found. */
export interface CheckResult {
  /** One entry per file, in order; with `quiet`, warnings left out. */
  results: FileResult[];
  /** Counted before `quiet` filters. */
  errorCount: number;
  warningCount: number;
  /** More warnings than `maxWarnings`. */
  tooManyWarnings: boolean;
  /** Failures of the tool on files (each also a message on its file). */
  internalErrors: number;
  /** What the tool itself warns about (a cache it could not write): the results stand. */
  toolWarnings: string[];
  rules: RuleInfo[];
  outcome: Outcome;
}

/** A timed statement, its messages as vfile messages. */
export type TimedStatement = Omit<TimeOutcome, 'messages'> & { messages: VFileMessage[] };

/** What `time` found. */
export interface TimeResult {
  statements: TimedStatement[];
  /** Statements over their slot. */
  overCount: number;
  /** Statements that cannot be timed. */
  untimedCount: number;
  totalSeconds: number;
  rules: RuleInfo[];
  outcome: Outcome;
}

/** How to list: filters and order. */
export interface ListOptions extends RunOptions {
  /** Only this forum (a name or an alias). */
  forum?: string;
  session?: string;
  status?: string;
  sort?: ListSort;
}

/** What `list` found. */
export interface ListResult {
  statements: ListOutcome[];
  totals: SessionTotals[];
  outcome: Outcome;
}

/** What happened to one statement's handouts, its messages as vfile messages. */
export type BuiltStatement = Omit<StoredBuildOutcome, 'messages' | 'staged' | 'entry'> & { messages: VFileMessage[] };

/** How to build. */
export interface BuildOptions extends RunOptions {
  /** The output folder (default: dist/ in the project); relative to `cwd`. */
  out?: string;
  /** The formats (default both). */
  to?: Format[];
  /** The copies (default: the config's `copies`, else the handout). */
  copies?: CopyName[];
  /** Build statements with errors too. */
  force?: boolean;
  /** Build everything, ignoring what is up to date. */
  rebuild?: boolean;
  pdfEngine?: 'pdfkit' | 'libreoffice';
  /** Seconds since 1970 for the documents' dates, as the `SOURCE_DATE_EPOCH` variable gives them. */
  sourceDateEpoch?: string;
  /** Called as statements are done. */
  onProgress?: (done: number, total: number) => void;
  /** The environment (LibreOffice's location; default: the process's). */
  env?: Record<string, string | undefined>;
}

/** What `build` did. */
export interface BuildResult {
  statements: BuiltStatement[];
  /** The output folder, absolute. */
  outDir: string;
  built: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Files written. */
  written: number;
  /** Why the manifest (dist/manifest.json) could not be written, if it could not: the handouts written stand. */
  manifestError?: string;
  outcome: Outcome;
}

/** How to watch. */
export interface WatchOptions {
  project: Project;
  /** The command's patterns (none: the config's globs). */
  patterns?: readonly string[];
  /** The files the command works on now. */
  files: readonly string[];
  /**
   * Called once the events settle with the statements to run again, and the project: read again, with
   * every statement, when its own files (config, templates, languages) changed.
   */
  onChange: (files: string[], project: Project) => Promise<unknown>;
  /** Called when the project's files, changed, cannot be read (the watch goes on with the project as it was). */
  onError?: (error: Error) => void;
  /** Called with the statements that were deleted or renamed away (absolute paths). */
  onRemove?: (files: string[]) => void;
  /** Called once the watch is in place: saves from then on are seen. */
  onReady?: () => void;
  /** Ends the watch. */
  signal?: AbortSignal;
}

/** A statement as the preview shows it: text, messages, timing by paragraph, and the handout as HTML. */
export type StatementView = Omit<InspectOutcome, 'messages'> & { messages: VFileMessage[] };

/** How to set up a project. */
export interface InitOptions {
  /** The folder (made if missing). */
  dir: string;
  organization?: string;
  /** A language tag (default `en`). */
  language?: string;
  /** Where the project installs the tool from (default: this version's release in its git repository). */
  tool?: string;
}

/** The front matter of a new statement: forum, session and speaker, and what else it gives. */
export type NewStatementFields = NewStatement;

/** What `newStatement` wrote, and what the author should know about it (a forum not in the registry). */
export interface NewStatementResult {
  path: string;
  warnings: string[];
}
