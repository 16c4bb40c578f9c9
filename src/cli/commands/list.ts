/** `alliance list [paths…]`: the inventory of statements: who speaks where, how long, and whether check passes. */
import { Option, type Command } from 'commander';
import type { ListOutcome } from '../../engine/run/tasks.js';
import { chalkFor } from '../color.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { colorFlag, configFlag, noColorFlag } from '../options.js';
import { targetFiles } from '../targets.js';

interface ListOptions {
  format: 'table' | 'json' | 'csv' | 'markdown';
  forum?: string;
  session?: string;
  status?: string;
  sort: string;
  config?: string;
  color?: boolean;
}

const SORTS: Record<string, (outcome: ListOutcome) => string | number> = {
  file: (outcome) => outcome.path,
  forum: (outcome) => outcome.forum ?? '',
  session: (outcome) => outcome.session ?? '',
  speaker: (outcome) => outcome.speaker ?? '',
  status: (outcome) => outcome.status ?? '',
  words: (outcome) => outcome.writtenWords,
  time: (outcome) => outcome.seconds ?? -1,
  slot: (outcome) => outcome.slotSeconds ?? -1,
};

/** Registers `list` on the program. */
export function registerList(program: Command, io: Io, state: RunState): void {
  program
    .command('list')
    .description('list statements: forum, session, agenda item, speaker, status, words, time, slot, check; totals per session')
    .argument('[paths...]', "files, folders or globs (default: the config's statements, statements/**/*.md)")
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json', 'csv', 'markdown']).default('table'))
    .option('--forum <name>', 'only this forum (a name or an alias)')
    .option('--session <text>', 'only this session')
    .option('--status <status>', 'only draft or final statements')
    .addOption(new Option('--sort <column>', 'sort by this column').choices(Object.keys(SORTS)).default('forum'))
    .addOption(configFlag())
    .addOption(colorFlag())
    .addOption(noColorFlag())
    .addHelpText('after', '\nExamples:\n  $ alliance list\n  $ alliance list --forum COP --session 12 --sort time\n  $ alliance list --status draft --format csv > drafts.csv')
    .action(async (patterns: string[], options: ListOptions) => {
      const { contextFor } = await import('../../engine/project/context.js');
      const { runFiles } = await import('../../engine/run/run.js');
      const context = contextFor(io.cwd, {}, options.config);
      const files = await targetFiles(patterns, io.cwd, context.config);
      const forum = options.forum === undefined ? undefined : (context.forums.find(options.forum)?.id ?? options.forum);
      const outcomes = (await runFiles('list', files, context))
        .filter((outcome) => forum === undefined || outcome.forum === forum)
        .filter((outcome) => options.session === undefined || outcome.session === options.session)
        .filter((outcome) => options.status === undefined || outcome.status === options.status);
      const key = SORTS[options.sort]!;
      const byForumSession = (a: ListOutcome, b: ListOutcome) => compare(a.forum ?? '', b.forum ?? '') || compare(a.session ?? '', b.session ?? '');
      outcomes.sort((a, b) => compare(key(a), key(b)) || byForumSession(a, b) || compare(a.path, b.path));
      const formats = await import('../reporters/list-formats.js');
      const text =
        options.format === 'json' ? formats.listJson(outcomes)
        : options.format === 'csv' ? formats.listCsv(outcomes, io.cwd)
        : options.format === 'markdown' ? formats.listMarkdown(outcomes, io.cwd)
        : formats.listTable(outcomes, io.cwd, chalkFor(io.stdout, io.env, options.color));
      io.stdout.write(text);
      state.exitCode = outcomes.some((outcome) => outcome.internalErrors > 0) ? 2 : 0;
    });
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}
