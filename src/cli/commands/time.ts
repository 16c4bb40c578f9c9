/** `alliance time [paths…]`: how long each statement takes to deliver, and whether it fits its slot. */
import { Option, type Command } from 'commander';
import { format, formatNames, openProject, time, type Concurrency } from '../../engine/index.js';
import { exitCodeOf } from '../exit-code.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { colorFlag, concurrencyFlag, configFlag, noColorFlag, paceOption, slotOption } from '../options.js';
import { runOrWatch } from '../run-or-watch.js';
import { viewOf } from '../view.js';

interface TimeOptions {
  paragraphs?: boolean;
  format: string;
  pace?: number;
  slot?: number;
  config?: string;
  watch?: boolean;
  color?: boolean;
  concurrency: Concurrency;
}

/** Registers `time` on the program. */
export function registerTime(program: Command, io: Io, state: RunState): void {
  const formats = formatNames('time');
  program
    .command('time')
    .description('estimate how long each statement takes to deliver, paragraph by paragraph')
    .argument('[paths...]', "files, folders or globs (default: the config's statements, statements/**/*.md)")
    .option('-p, --paragraphs', "each paragraph's words, seconds and cumulative time")
    .addOption(
      new Option('-f, --format <name>', `output format: ${formats.join(', ')}`).choices(formats).default(formats[0]),
    )
    .option('--pace <wpm>', 'words per minute, for every statement', paceOption)
    .option('--slot <duration>', 'speaking slot for every statement, e.g. 3m or 2:30', slotOption)
    .addOption(configFlag())
    .option('-w, --watch', 're-time a statement each time it is saved')
    .addOption(concurrencyFlag())
    .addOption(colorFlag())
    .addOption(noColorFlag())
    .addHelpText(
      'after',
      '\nExamples:\n  $ alliance time\n  $ alliance time statements/ccpcj-34/victims.md --paragraphs\n  $ alliance time --slot 3m --pace 100 --format json\n  $ alliance time statements/ccpcj-34/victims.md --paragraphs --watch',
    )
    .action(async (patterns: string[], options: TimeOptions) => {
      const project = await openProject({
        cwd: io.cwd,
        config: options.config,
        pace: options.pace,
        slotSeconds: options.slot,
      });
      const run = async (files?: readonly string[], current = project) => {
        const result = await time({ project: current, files, patterns, concurrency: options.concurrency });
        io.stdout.write(
          await format('time', options.format, {
            ...viewOf(io, options.color),
            result,
            paragraphs: options.paragraphs === true,
          }),
        );
        return { files: result.statements.map((statement) => statement.path), exitCode: exitCodeOf(result.outcome) };
      };
      await runOrWatch(
        { io, state, project, patterns, watch: options.watch },
        () => run(),
        (changed, current) => run(changed, current),
      );
    });
}
