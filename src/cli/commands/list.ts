/** `alliance list [paths…]`: the inventory of statements: who speaks where, how long, and whether check passes. */
import { Option, type Command } from 'commander';
import {
  format,
  formatNames,
  list,
  LIST_SORTS,
  type Concurrency,
  type ListOptions as EngineListOptions,
} from '../../engine/index.js';
import { exitCodeOf } from '../exit-code.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { colorFlag, concurrencyFlag, configFlag, noColorFlag } from '../options.js';
import { viewOf } from '../view.js';

interface ListOptions {
  format: string;
  forum?: string;
  session?: string;
  status?: string;
  sort: EngineListOptions['sort'];
  config?: string;
  color?: boolean;
  concurrency: Concurrency;
}

/** Registers `list` on the program. */
export function registerList(program: Command, io: Io, state: RunState): void {
  const formats = formatNames('list');
  program
    .command('list')
    .description(
      'list statements: forum, session, agenda item, speaker, status, words, time, slot, check; totals per session',
    )
    .argument('[paths...]', "files, folders or globs (default: the config's statements, statements/**/*.md)")
    .addOption(
      new Option('-f, --format <name>', `output format: ${formats.join(', ')}`).choices(formats).default(formats[0]),
    )
    .option('--forum <name>', 'only this forum (a name or an alias)')
    .option('--session <text>', 'only this session')
    .option('--status <status>', 'only draft or final statements')
    .addOption(new Option('--sort <column>', 'sort by this column').choices(LIST_SORTS).default('forum'))
    .addOption(configFlag())
    .addOption(concurrencyFlag())
    .addOption(colorFlag())
    .addOption(noColorFlag())
    .addHelpText(
      'after',
      '\nExamples:\n  $ alliance list\n  $ alliance list --forum COP --session 12 --sort time\n  $ alliance list --status draft --format csv > drafts.csv',
    )
    .action(async (patterns: string[], options: ListOptions) => {
      const result = await list({
        cwd: io.cwd,
        config: options.config,
        patterns,
        forum: options.forum,
        session: options.session,
        status: options.status,
        sort: options.sort,
        concurrency: options.concurrency,
      });
      io.stdout.write(await format('list', options.format, { ...viewOf(io, options.color), result }));
      state.exitCode = exitCodeOf(result.outcome);
    });
}
