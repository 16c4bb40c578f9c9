/** `alliance check [paths…]`: runs the rules on statements and reports in the chosen format. */
import { Option, type Command } from 'commander';
import {
  check,
  format,
  formatNames,
  openProject,
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
    .option('-w, --watch', 'check again each time a statement is saved')
    .addOption(concurrencyFlag())
    .addOption(colorFlag())
    .addOption(noColorFlag())
    .addHelpText(
      'after',
      '\nExamples:\n  $ alliance check\n  $ alliance check statements/ccpcj-34 --format github\n  $ alliance check "statements/**/*.md" --max-warnings 0 --cache\n  $ alliance check --format sarif > alliance.sarif',
    )
    .action(async (patterns: string[], options: CheckOptions) => {
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
  io.stdout.write(await format('check', options.format, { ...viewOf(io, options.color), result }));
  if (result.tooManyWarnings && options.format === 'stylish') {
    io.stderr.write(
      `alliance: ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}\n`,
    );
  }
  return { files: result.results.map((entry) => entry.path), exitCode: exitCodeOf(result.outcome) };
}
