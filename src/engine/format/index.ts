/**
 * The one registry of report formats: for each command, its formats by name, each a small module
 * loaded only when chosen. The valid names of `--format` come from here, and the Node API's
 * `loadFormatter` (as ESLint's) finds a format by name.
 */
import { UsageError } from '../io/errors.js';
import type { MessagesInput, FormattedCommand, Formatter, FormatterInput, View } from './view.js';

type Loaders<C extends FormattedCommand> = Readonly<Record<string, () => Promise<Formatter<C>>>>;

/** A message format of `check` or `build`, loaded by its module. */
function messages<C extends 'check' | 'build'>(
  load: () => Promise<(input: MessagesInput) => string | Promise<string>>,
): () => Promise<Formatter<C>> {
  return async () => {
    const format = await load();
    return (input) => {
      const { cwd, chalk, env, isTTY } = input;
      if ('force' in input) {
        const results = input.result.statements.map((statement) => ({
          path: statement.path,
          messages: statement.messages,
        }));
        return format({ command: 'build', results, rules: input.rules, cwd, chalk, env, isTTY });
      }
      return format({
        command: 'check',
        results: input.result.results,
        rules: input.result.rules,
        cwd,
        chalk,
        env,
        isTTY,
      });
    };
  };
}

const FORMATTERS: { [C in FormattedCommand]: Loaders<C> } = {
  check: {
    stylish: async () => (await import('./check-stylish.js')).checkStylish,
    json: messages(async () => (await import('./json.js')).json),
    github: messages(async () => (await import('./github.js')).github),
    sarif: messages(async () => (await import('./sarif.js')).sarif),
    diff: messages(async () => (await import('./diff.js')).diff),
  },
  build: {
    stylish: async () => (await import('./build-stylish.js')).buildStylish,
    json: messages(async () => (await import('./json.js')).json),
    github: messages(async () => (await import('./github.js')).github),
    sarif: messages(async () => (await import('./sarif.js')).sarif),
  },
  time: {
    table: async () => (await import('./time-table.js')).timeTable,
    json: async () => (await import('./time-json.js')).timeJson,
  },
  list: {
    table: async () => (await import('./list-table.js')).listTable,
    json: async () => (await import('./list-json.js')).listJson,
    csv: async () => (await import('./list-csv.js')).listCsv,
    markdown: async () => (await import('./list-markdown.js')).listMarkdown,
  },
};

/** The format names of a command, the first its default. */
export function formatNames(command: FormattedCommand): string[] {
  return Object.keys(FORMATTERS[command]);
}

/**
 * A report format by name, for a script or an editor extension: a function from the command's result
 * to the text the CLI prints. Paths are shown relative to `view.cwd` (default: the process's folder),
 * without colours unless `view.chalk` brings them; `view.env` is what the format reads of the
 * environment (`GITHUB_WORKSPACE`, and `GITHUB_STEP_SUMMARY`, which the github format appends to): none
 * unless given. An unknown name is a `UsageError` naming the formats there are.
 */
export async function loadFormatter<C extends FormattedCommand>(
  command: C,
  name: string,
): Promise<
  (
    result: FormatterInput[C]['result'],
    view?: Partial<View> & Omit<FormatterInput[C], keyof View | 'result'>,
  ) => Promise<string>
> {
  if (!Object.hasOwn(FORMATTERS[command], name))
    throw new UsageError(`Expected a format of \`${command}\` (${formatNames(command).join(', ')}), found \`${name}\``);
  const { Chalk } = await import('chalk');
  return async (result, view) => {
    const input = {
      cwd: process.cwd(),
      env: {},
      isTTY: false,
      chalk: new Chalk({ level: 0 }),
      ...view,
      result,
    } as FormatterInput[C];
    return format(command, name, input);
  };
}

/** Formats a command's result in the format named (one of `formatNames(command)`). */
export async function format<C extends FormattedCommand>(
  command: C,
  name: string,
  input: FormatterInput[C],
): Promise<string> {
  const loaders: Loaders<C> = FORMATTERS[command];
  const load = Object.hasOwn(loaders, name) ? loaders[name] : undefined;
  if (!load)
    throw new Error(`Expected a format of \`${command}\` (${formatNames(command).join(', ')}), found \`${name}\``);
  return (await load())(input);
}
