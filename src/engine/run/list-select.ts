/** `list`'s filters, order and totals, over the outcomes of its task. */
import type { ForumRegistry } from '../../model/forum.js';
import type { ListOptions, SessionTotals } from '../index.js';
import type { ListOutcome } from './tasks.js';

const SORT_KEYS: Record<NonNullable<ListOptions['sort']>, (outcome: ListOutcome) => string | number> = {
  file: (outcome) => outcome.path,
  forum: (outcome) => outcome.forum ?? '',
  session: (outcome) => outcome.session ?? '',
  speaker: (outcome) => outcome.speaker ?? '',
  status: (outcome) => outcome.status ?? '',
  words: (outcome) => outcome.writtenWords,
  time: (outcome) => outcome.seconds ?? -1,
  slot: (outcome) => outcome.slotSeconds ?? -1,
};

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** The outcomes that pass the filters, sorted by the column asked (then forum, session and file). */
export function selectStatements(
  outcomes: readonly ListOutcome[],
  options: ListOptions,
  forums: ForumRegistry,
): ListOutcome[] {
  const forum = options.forum === undefined ? undefined : (forums.find(options.forum)?.id ?? options.forum);
  const key = SORT_KEYS[options.sort ?? 'forum'];
  const byForumSession = (a: ListOutcome, b: ListOutcome) =>
    compare(a.forum ?? '', b.forum ?? '') || compare(a.session ?? '', b.session ?? '');
  return outcomes
    .filter((outcome) => forum === undefined || outcome.forum === forum)
    .filter((outcome) => options.session === undefined || outcome.session === options.session)
    .filter((outcome) => options.status === undefined || outcome.status === options.status)
    .sort((a, b) => compare(key(a), key(b)) || byForumSession(a, b) || compare(a.path, b.path));
}

/** Totals per forum and session: statements, words, time. */
export function sessionTotals(outcomes: readonly ListOutcome[]): SessionTotals[] {
  const groups = new Map<string, SessionTotals>();
  for (const outcome of outcomes) {
    const key = `${outcome.forum ?? ''}\0${outcome.session ?? ''}`;
    const group = groups.get(key) ?? {
      forum: outcome.forum ?? '',
      session: outcome.session ?? '',
      statements: 0,
      words: 0,
      seconds: 0,
    };
    group.statements += 1;
    group.words += outcome.writtenWords;
    group.seconds += outcome.seconds ?? 0;
    groups.set(key, group);
  }
  return [...groups.values()];
}
