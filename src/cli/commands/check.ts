/** `alliance check [paths…]`: runs the rules on statements and reports in the chosen format. */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { ResultCache } from '../../engine/cache.js';
import { checkFiles } from '../../engine/check.js';
import type { Concurrency } from '../../engine/pool.js';
import { contextFor } from '../../engine/context.js';
import { VERSION } from '../../engine/version.js';
import { chalkFor } from '../color.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { concurrencyOption, countOption, paceOption, slotOption } from '../options.js';
import { reporters } from '../reporters/index.js';
import { countMessages } from '../reporters/counts.js';
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
}

/** Registers `check` on the program. */
export function registerCheck(program: Command, io: Io, state: RunState): void {
  program
    .command('check')
    .description('check statements: front matter, opening and closing, placeholders, speaking time')
    .argument('[paths...]', 'files, folders or globs (default: the config\'s statements, statements/**/*.md)')
    .addOption(new Option('-f, --format <name>', 'report format').choices(Object.keys(reporters)).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', countOption)
    .option('-q, --quiet', 'report errors only')
    .option('--cache', 'reuse the results of unchanged files')
    .option('--cache-location <path>', 'where the cache is kept', '.alliancecache')
    .option('--no-error-on-unmatched-pattern', 'do not fail when a path or glob matches nothing')
    .option('-c, --config <path>', 'use this config file instead of looking for alliance.config.yaml')
    .option('--pace <wpm>', 'words per minute, for every statement', paceOption)
    .option('--slot <duration>', 'speaking slot for every statement, e.g. 3m or 2:30', slotOption)
    .option('--concurrency <n>', 'worker threads: a number, `auto` (large batches) or `off`', concurrencyOption, 'auto')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .addHelpText('after', '\nExamples:\n  $ alliance check\n  $ alliance check statements/ccpcj-34 --format github\n  $ alliance check "statements/**/*.md" --max-warnings 0 --cache')
    .action(async (patterns: string[], options: CheckOptions) => {
      const context = contextFor(io.cwd, { pace: options.pace, slotSeconds: options.slot }, options.config);
      const files = await targetFiles(patterns, io.cwd, context.config, options.errorOnUnmatchedPattern);
      const cache = options.cache
        ? await ResultCache.open(resolve(io.cwd, options.cacheLocation), JSON.stringify([VERSION, context.config.hash, options.pace, options.slot]))
        : undefined;
      const run = await checkFiles(files, context, { cache, concurrency: options.concurrency });
      await cache?.save();

      const results = options.quiet ? run.results.map((result) => ({ ...result, messages: result.messages.filter((message) => message.fatal) })) : run.results;
      const chalk = chalkFor(io.stdout, io.env, options.color);
      io.stdout.write(await reporters[options.format]!({ results, cwd: io.cwd, chalk, env: io.env }));

      const counts = countMessages(results.flatMap((result) => result.messages));
      const tooManyWarnings = options.maxWarnings !== undefined && counts.warnings > options.maxWarnings;
      if (tooManyWarnings && options.format === 'stylish') {
        io.stderr.write(`alliance: ${counts.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
      }
      state.exitCode = run.internalErrors > 0 ? 2 : counts.errors > 0 || tooManyWarnings ? 1 : 0;
    });
}
