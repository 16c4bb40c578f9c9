/** `alliance time [paths…]`: how long each statement takes to deliver, and whether it fits its slot. */
import { Option, type Command } from 'commander';
import type { Concurrency } from '../../engine/run/pool.js';
import type { TimeOutcome } from '../../engine/run/tasks.js';
import { chalkFor } from '../color.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { colorFlag, concurrencyFlag, configFlag, noColorFlag, paceOption, slotOption } from '../options.js';
import { targetFiles } from '../targets.js';

interface TimeOptions {
  paragraphs?: boolean;
  format: 'table' | 'json';
  pace?: number;
  slot?: number;
  config?: string;
  watch?: boolean;
  color?: boolean;
  concurrency: Concurrency;
}

/** Registers `time` on the program. */
export function registerTime(program: Command, io: Io, state: RunState): void {
  program
    .command('time')
    .description('estimate how long each statement takes to deliver, paragraph by paragraph')
    .argument('[paths...]', "files, folders or globs (default: the config's statements, statements/**/*.md)")
    .option('-p, --paragraphs', "each paragraph's words, seconds and cumulative time")
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json']).default('table'))
    .option('--pace <wpm>', 'words per minute, for every statement', paceOption)
    .option('--slot <duration>', 'speaking slot for every statement, e.g. 3m or 2:30', slotOption)
    .addOption(configFlag())
    .option('-w, --watch', 're-time a statement each time it is saved')
    .addOption(concurrencyFlag())
    .addOption(colorFlag())
    .addOption(noColorFlag())
    .addHelpText('after', '\nExamples:\n  $ alliance time\n  $ alliance time statements/ccpcj-34/victims.md --paragraphs\n  $ alliance time --slot 3m --pace 100 --format json\n  $ alliance time statements/ccpcj-34/victims.md --paragraphs --watch')
    .action(async (patterns: string[], options: TimeOptions) => {
      const { contextFor } = await import('../../engine/project/context.js');
      const { timeFiles } = await import('../../engine/run/run.js');
      const context = contextFor(io.cwd, { pace: options.pace, slotSeconds: options.slot }, options.config);
      const files = await targetFiles(patterns, io.cwd, context.config);
      const run = async (paths: readonly string[]) => {
        const outcomes = await timeFiles(paths, context, options.concurrency);
        io.stdout.write(await format(outcomes, options, io));
        return exitCode(outcomes);
      };
      state.exitCode = await run(files);
      if (!options.watch) return;
      const { watchCommand } = await import('../watch.js');
      await watchCommand({ io, patterns, config: context.config, files, onChange: async (changed) => (state.exitCode = await run(changed)) });
    });
}

async function format(outcomes: readonly TimeOutcome[], options: TimeOptions, io: Io): Promise<string> {
  if (options.format === 'json') {
    const { timeJson } = await import('../reporters/time-json.js');
    return timeJson(outcomes);
  }
  const { timeTable } = await import('../reporters/time-table.js');
  return timeTable(outcomes, { cwd: io.cwd, chalk: chalkFor(io.stdout, io.env, options.color), paragraphs: options.paragraphs === true });
}

/** 2 on a failure of the tool, 1 when a statement runs over its slot or cannot be timed, else 0. */
function exitCode(outcomes: readonly TimeOutcome[]): number {
  if (outcomes.some((outcome) => outcome.internalErrors > 0)) return 2;
  const over = outcomes.some((outcome) => outcome.fit === null || outcome.fit.status === 'over');
  return over ? 1 : 0;
}
