/** `alliance check [paths…]`: runs the rules on statements and reports in the chosen format. */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { LoadContext } from '../../engine/project/context.js';
import type { Concurrency } from '../../engine/run/pool.js';
import { chalkFor } from '../color.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { colorFlag, concurrencyFlag, configFlag, countOption, noColorFlag, paceOption, slotOption } from '../options.js';
import { countMessages } from '../reporters/counts.js';
import { REPORT_FORMATS } from '../reporters/names.js';
import { targetFiles } from '../targets.js';

interface CheckOptions {
  format: string;
  maxWarnings?: number;
  quiet?: boolean;
  cache?: boolean;
  cacheLocation: string;
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
  program
    .command('check')
    .description('check statements: front matter, opening and closing, placeholders, speaking time')
    .argument('[paths...]', "files, folders or globs (default: the config's statements, statements/**/*.md)")
    .addOption(new Option('-f, --format <name>', 'report format: stylish, json (ESLint), github (annotations), sarif (code scanning)').choices(REPORT_FORMATS).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', countOption)
    .option('-q, --quiet', 'report errors only')
    .option('--cache', 'reuse the results of unchanged files')
    .option('--cache-location <path>', 'where the cache is kept', '.alliancecache')
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
      const { contextFor } = await import('../../engine/project/context.js');
      const context = contextFor(io.cwd, { pace: options.pace, slotSeconds: options.slot }, options.config);
      const files = await targetFiles(patterns, io.cwd, context.config, options.errorOnUnmatchedPattern);
      state.exitCode = await check(files, context, options, io);
      if (!options.watch) return;
      const { watchCommand } = await import('../watch.js');
      await watchCommand({ io, patterns, config: context.config, files, onChange: async (changed) => (state.exitCode = await check(changed, context, options, io)) });
    });
}

/** The cache file at `--cache-location`: inside it when it names a folder (as ESLint does), else the file it names. */
function cacheFile(location: string, given: string): string {
  let folder = /[\\/]$/.test(given);
  try {
    folder ||= statSync(location).isDirectory();
  } catch {
    // Not there yet: a file of that name.
  }
  return folder ? join(location, '.alliancecache') : location;
}

/** Checks files, prints the report, and returns the exit code. */
async function check(files: readonly string[], context: LoadContext, options: CheckOptions, io: Io): Promise<number> {
  const { ResultCache } = await import('../../engine/check/cache.js');
  const { checkFiles } = await import('../../engine/run/check-files.js');
  const { VERSION } = await import('../../engine/io/version.js');
  const cache = options.cache
    ? await ResultCache.open(cacheFile(resolve(io.cwd, options.cacheLocation), options.cacheLocation), JSON.stringify([VERSION, context.config.hash, options.pace, options.slot]))
    : undefined;
  const run = await checkFiles(files, context, { cache, concurrency: options.concurrency });
  try {
    await cache?.save();
  } catch (error) {
    // The cache only saves time: the check stands, and the next run checks again.
    io.stderr.write(`alliance: warning: could not write the cache at ${cache?.location}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
  }

  const results = options.quiet ? run.results.map((result) => ({ ...result, messages: result.messages.filter((message) => message.fatal) })) : run.results;
  const chalk = chalkFor(io.stdout, io.env, options.color);
  const { reporters } = await import('../reporters/index.js');
  io.stdout.write(await reporters[options.format]!({ results, cwd: io.cwd, chalk, env: io.env }));

  const counts = countMessages(results.flatMap((result) => result.messages));
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warnings > options.maxWarnings;
  if (tooManyWarnings && options.format === 'stylish') {
    io.stderr.write(`alliance: ${counts.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
  }
  return run.internalErrors > 0 ? 2 : counts.errors > 0 || tooManyWarnings ? 1 : 0;
}
