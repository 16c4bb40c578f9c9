/**
 * What is done to one file, in the main thread or a worker: read, load, run the rules. Outcomes are
 * plain data so that they cross a worker boundary and sit in the cache unchanged.
 */
import { untimable, type LoadProblem } from '../../model/statement.js';
import { timeStatement } from '../../timing/estimate.js';
import type { Fit } from '../../timing/fit.js';
import type { BuildOutcome, BuildSettings } from '../build/build.js';
import { contentHash } from '../check/cache.js';
import type { LoadContext } from '../project/context.js';
import { parseStatement } from '../load/load.js';
import { readStatementFile } from '../load/read-statement.js';
import { storeMessage, type StoredMessage } from '../check/messages.js';
import { makeMessage, runRules } from '../check/run-rules.js';
import { untimedOutcome } from './failure.js';

/** The outcome of checking one file. */
export interface CheckOutcome {
  path: string;
  /** The content hash of the file (null when it could not be read). */
  hash: string | null;
  messages: StoredMessage[];
  /** Rules or the loader that threw on this file (a bug of the tool). */
  internalErrors: number;
}

/** Checks one file whose bytes (or read problem) are given; `withHash` false leaves out the content hash (only a cache needs it). */
export function checkOne(
  path: string,
  input: Uint8Array | LoadProblem,
  context: LoadContext,
  withHash = true,
): CheckOutcome {
  const hash = withHash && input instanceof Uint8Array ? contentHash(input) : null;
  try {
    const run = runRules(parseStatement(path, input, context));
    return { path, hash, messages: run.messages.map(storeMessage), internalErrors: run.internalErrors };
  } catch (error) {
    // A bug of the loader: reported on this file; the others are still checked.
    const reason = `Expected the file to load, found an internal error: ${(error as Error).message}`;
    return {
      path,
      hash,
      messages: [storeMessage(makeMessage(reason, 'read-error', 'error', undefined, path))],
      internalErrors: 1,
    };
  }
}

/** The timing of one paragraph, as `alliance time` reports it. */
export interface ParagraphTimeOutcome {
  line: number;
  writtenWords: number;
  spokenWords: number;
  seconds: number;
  cumulativeSeconds: number;
}

/** The outcome of timing one file; `seconds` is null when it cannot be timed. */
export interface TimeOutcome {
  path: string;
  language: string;
  writtenWords: number;
  spokenWords: number;
  seconds: number | null;
  slotSeconds: number | null;
  pace: number;
  /** Where the pace came from, in words ("the French default"). */
  paceOrigin: string;
  unit: 'words' | 'characters';
  paragraphs: ParagraphTimeOutcome[];
  /** How it fits its slot, null when it cannot be timed. */
  fit: Fit | null;
  messages: StoredMessage[];
  internalErrors: number;
}

/** The rules whose messages `alliance time` reports: why a file cannot be timed, and how it fits. */
const TIMING_RULES: ReadonlySet<string> = new Set([
  'read-error',
  'encoding',
  'front-matter',
  'field-type',
  'inline-directive',
  'empty-statement',
  'speaking-time',
  'speaking-time-margin',
]);

/** Times one file whose bytes (or read problem) are given. */
export function timeOne(path: string, input: Uint8Array | LoadProblem, context: LoadContext): TimeOutcome {
  const statement = parseStatement(path, input, context);
  const run = runRules(statement, TIMING_RULES);
  const { settings } = statement;
  const base = {
    path,
    language: settings.locale,
    slotSeconds: settings.slotSeconds,
    pace: settings.pace,
    paceOrigin: settings.paceOrigin,
    messages: run.messages.map(storeMessage),
    internalErrors: run.internalErrors,
  };
  if (untimable(statement))
    return { ...base, writtenWords: 0, spokenWords: 0, seconds: null, unit: 'words', paragraphs: [], fit: null };
  const timing = timeStatement(statement);
  return {
    ...base,
    writtenWords: timing.writtenWords,
    spokenWords: timing.spokenWords,
    seconds: timing.seconds,
    unit: timing.unit,
    fit: timing.fit,
    paragraphs: timing.paragraphs.map(({ line, writtenWords, spokenWords, seconds, cumulativeSeconds }) => ({
      line,
      writtenWords,
      spokenWords,
      seconds,
      cumulativeSeconds,
    })),
  };
}

/** One statement in the inventory of `alliance list`. */
export interface ListOutcome {
  path: string;
  forum: string | null;
  session: string | null;
  agendaItem: string | null;
  speaker: string | null;
  title: string | null;
  status: string | null;
  language: string;
  /** What `writtenWords` counts: words, or characters where the language counts them (Chinese). */
  unit: 'words' | 'characters';
  writtenWords: number;
  /** Estimated speaking time, null when the statement cannot be timed. */
  seconds: number | null;
  slotSeconds: number | null;
  /** How it fits its slot, null when it cannot be timed. */
  fit: Fit | null;
  errors: number;
  warnings: number;
  internalErrors: number;
}

/** Loads, checks and times one file for the inventory. */
export function listOne(path: string, input: Uint8Array | LoadProblem, context: LoadContext): ListOutcome {
  const statement = parseStatement(path, input, context);
  const run = runRules(statement);
  const { fields } = statement.frontMatter;
  const errors = run.messages.filter((message) => message.fatal).length;
  const timing = untimable(statement) ? undefined : timeStatement(statement);
  return {
    path,
    forum: statement.settings.forum?.id ?? fields.forum ?? null,
    session: fields.session ?? null,
    agendaItem: fields.agenda_item ?? null,
    speaker: fields.speaker ?? null,
    title: fields.title ?? null,
    status: fields.status ?? null,
    language: statement.settings.locale,
    unit: statement.settings.languageRecord.unit,
    writtenWords: timing?.writtenWords ?? 0,
    seconds: timing ? Math.round(timing.seconds) : null,
    slotSeconds: statement.settings.slotSeconds,
    fit: timing?.fit ?? null,
    errors,
    warnings: run.messages.length - errors,
    internalErrors: run.internalErrors,
  };
}

const TASKS = {
  check: (path: string, context: LoadContext, settings?: TaskOptions): CheckOutcome =>
    checkOne(
      path,
      readStatementFile(path, context.config.dir),
      context,
      settings === undefined || !('hash' in settings) || settings.hash,
    ),
  time: (path: string, context: LoadContext): TimeOutcome =>
    safely(path, () => timeOne(path, readStatementFile(path, context.config.dir), context)),
  list: (path: string, context: LoadContext): ListOutcome =>
    listOne(path, readStatementFile(path, context.config.dir), context),
  build: async (path: string, context: LoadContext, settings?: TaskOptions): Promise<BuildOutcome> => {
    try {
      // Loaded by builds only: check, time and list never load the renderers, images or fonts.
      const { buildOne } = await import('../build/build.js');
      return await buildOne(path, context, settings as BuildSettings);
    } catch (error) {
      const reason = `Expected the handouts to build, found an internal error: ${(error as Error).message}`;
      const message = storeMessage(makeMessage(reason, 'read-error', 'error', undefined, path));
      return {
        path,
        status: 'failed',
        messages: [message],
        written: [],
        writeErrors: [],
        staged: [],
        internalErrors: 1,
      };
    }
  },
};

/** Runs a task on a file, turning a bug of the tool into an internal error on that file. */
function safely(path: string, run: () => TimeOutcome): TimeOutcome {
  try {
    return run();
  } catch (error) {
    const reason = `Expected the file to load, found an internal error: ${(error as Error).message}`;
    const message = storeMessage(makeMessage(reason, 'read-error', 'error', undefined, path));
    return untimedOutcome(path, [message], 1);
  }
}

/** The tasks a worker can run, by name. */
export type TaskName = keyof typeof TASKS;

/** The outcome of a task on one file. */
export type TaskOutcome<T extends TaskName> = Awaited<ReturnType<(typeof TASKS)[T]>>;

/** What `check` needs besides the file and the context: whether outcomes carry the file's content hash. */
export interface CheckSettings {
  hash: boolean;
}

/** What a task needs besides the file and the context (the build's settings, the check's). */
export type TaskOptions = BuildSettings | CheckSettings | undefined;

/** Runs the task `name` on the file at `path`. */
export async function runTask<T extends TaskName>(
  name: T,
  path: string,
  context: LoadContext,
  options?: TaskOptions,
): Promise<TaskOutcome<T>> {
  return (await TASKS[name](path, context, options)) as TaskOutcome<T>;
}
