/** `alliance check [paths…]`: runs the rules on statements and reports in the chosen format. */
import { Option, type Command } from 'commander';
import {
  check,
  checkText,
  format,
  formatNames,
  openProject,
  ruleInfo,
  UsageError,
  writeFixes,
  type CheckOptions as EngineCheckOptions,
  type Concurrency,
} from '../../engine/index.js';
import { exitCodeOf } from '../exit-code.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import {
  colorFlag,
  concurrencyFlag,
  configFlag,
  countOption,
  noColorFlag,
  paceOption,
  slotOption,
} from '../options.js';
import { runOrWatch } from '../run-or-watch.js';
import { viewOf } from '../view.js';

interface CheckOptions {
  format: string;
  maxWarnings?: number;
  quiet?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  errorOnUnmatchedPattern: boolean;
  config?: string;
  pace?: number;
  slot?: number;
  color?: boolean;
  concurrency: Concurrency;
  watch?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
}

/** Registers `check` on the program. */
export function registerCheck(program: Command, io: Io, state: RunState): void {
  const formats = formatNames('check');
  program
    .command('check')
    .description('check statements: front matter, opening and closing, placeholders, speaking time')
    .argument('[paths...]', "files, folders or globs (default: the config's statements, statements/**/*.md)")
    .addOption(
      new Option('-f, --format <name>', `report format: ${formats.join(', ')}`).choices(formats).default(formats[0]),
    )
    .option(
      '--max-warnings <n>',
      'exit 1 when there are more warnings than this (counted with --quiet too)',
      countOption,
    )
    .option('-q, --quiet', 'report errors only')
    .option('--cache', 'reuse the results of unchanged files')
    .option('--cache-location <path>', 'where the cache is kept (default: node_modules/.cache/alliance/)')
    .option('--no-error-on-unmatched-pattern', 'do not fail when a path or glob matches nothing')
    .addOption(configFlag())
    .option('--pace <wpm>', 'words per minute, for every statement', paceOption)
    .option('--slot <duration>', 'speaking slot for every statement, e.g. 3m or 2:30', slotOption)
    .option('--fix', 'apply the certain fixes (spaces, quotes, French spacing) and write the files')
    .option('--fix-dry-run', 'work out the fixes without writing (see them with --format diff or json)')
    .option('--stdin', 'check the text on standard input (with --fix, print the fixed text there)')
    .option('--stdin-filename <path>', 'the path the text on standard input stands for (its config, its name)')
    .option('-w, --watch', 'check again each time a statement is saved')
    .addOption(concurrencyFlag())
    .addOption(colorFlag())
    .addOption(noColorFlag())
    .addHelpText(
      'after',
      '\nExamples:\n  $ alliance check\n  $ alliance check --fix\n  $ alliance check --fix-dry-run --format diff\n  $ alliance check --stdin --stdin-filename statements/a.md --fix < a.md\n  $ alliance check statements/ccpcj-34 --format github\n  $ alliance check "statements/**/*.md" --max-warnings 0 --cache\n  $ alliance check --format sarif > alliance.sarif',
    )
    .action(async (patterns: string[], options: CheckOptions) => {
      if (options.stdin) {
        state.exitCode = await checkStdin(io, patterns, options);
        return;
      }
      if (options.stdinFilename !== undefined)
        throw new UsageError('Expected `--stdin` with `--stdin-filename`, found it alone', 'stdinFilename');
      if (options.fix && options.fixDryRun)
        throw new UsageError('Expected one of `--fix` and `--fix-dry-run`, found both', 'fixDryRun');
      if ((options.fix || options.fixDryRun || options.format === 'diff') && options.watch)
        throw new UsageError('Expected `--watch` without fixing (fixes are written once)', 'watch');
      const project = await openProject({
        cwd: io.cwd,
        config: options.config,
        pace: options.pace,
        slotSeconds: options.slot,
      });
      const run = (files?: readonly string[], current = project) =>
        report(io, options, {
          project: current,
          files,
          patterns,
          errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
          cache: options.cache,
          cacheLocation: options.cacheLocation,
          concurrency: options.concurrency,
          quiet: options.quiet,
          maxWarnings: options.maxWarnings,
          // `--format diff` shows what the fixes would change: it works them out, as --fix-dry-run.
          fix: options.fix === true || options.fixDryRun === true || options.format === 'diff',
        });
      await runOrWatch(
        { io, state, project, patterns, watch: options.watch },
        () => run(),
        (changed, current) => run(changed, current),
      );
    });
}

/** Checks, prints the report, and returns the files checked and the exit code. */
async function report(
  io: Io,
  options: CheckOptions,
  engineOptions: EngineCheckOptions,
): Promise<{ files: string[]; exitCode: number }> {
  const result = await check(engineOptions);
  for (const warning of result.toolWarnings) io.stderr.write(`alliance: warning: ${warning}\n`);
  if (options.fix) {
    const { skipped } = await writeFixes(result);
    for (const { path, reason } of skipped) io.stderr.write(`alliance: warning: ${path} not fixed: ${reason}\n`);
  }
  io.stdout.write(await format('check', options.format, { ...viewOf(io, options.color), result }));
  if (result.tooManyWarnings && options.format === 'stylish') {
    io.stderr.write(
      `alliance: ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}\n`,
    );
  }
  return { files: result.results.map((entry) => entry.path), exitCode: exitCodeOf(result.outcome) };
}

/** The most bytes read from standard input: past it the text is over any statement's bound, and reported so. */
const STDIN_LIMIT = 1 << 20;

/** Reads standard input, up to one byte past the limit. */
async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!io.stdin) return '';
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(bytes);
    size += bytes.length;
    if (size > STDIN_LIMIT) break;
  }
  return Buffer.concat(chunks)
    .subarray(0, STDIN_LIMIT + 1)
    .toString('utf8');
}

/**
 * `check --stdin`: the text on standard input checked as the statement at `--stdin-filename` (its
 * config found from there); with `--fix` or `--fix-dry-run` the fixed text goes to standard output
 * (the text as it was, when nothing is fixed) and the report to standard error, as an editor's
 * formatter or a pre-commit hook wants them.
 */
async function checkStdin(io: Io, patterns: readonly string[], options: CheckOptions): Promise<number> {
  if (patterns.length > 0)
    throw new UsageError(`Expected no paths with \`--stdin\`, found \`${patterns[0]}\``, 'stdin');
  const text = await readStdin(io);
  const fixing = options.fix === true || options.fixDryRun === true;
  const result = await checkText(text, {
    path: options.stdinFilename ?? '<stdin>.md',
    cwd: io.cwd,
    config: options.config,
    pace: options.pace,
    slotSeconds: options.slot,
    fix: fixing || options.format === 'diff',
  });
  const messages = options.quiet ? result.messages.filter((message) => message.fatal) : result.messages;
  const checkResult = {
    results: [{ ...result, messages }],
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    tooManyWarnings: options.maxWarnings !== undefined && result.warningCount > options.maxWarnings,
    internalErrors: 0,
    toolWarnings: [],
    rules: await ruleInfo(),
    outcome: result.errorCount > 0 ? ('findings' as const) : ('clean' as const),
  };
  const report = await format('check', options.format, { ...viewOf(io, options.color), result: checkResult });
  if (fixing) {
    io.stdout.write(result.output ?? text);
    io.stderr.write(report);
  } else io.stdout.write(report);
  const tooMany = checkResult.tooManyWarnings;
  return exitCodeOf(result.errorCount > 0 || tooMany ? 'findings' : 'clean');
}
