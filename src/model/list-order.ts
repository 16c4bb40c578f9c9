/**
 * The order and the session totals of `list`'s inventory, for the CLI and the preview page alike: by a
 * column, then forum, session and file, text compared as people read it (`CND 9` before `CND 10`).
 */

/** The columns the inventory sorts by. */
export const LIST_SORTS = ['file', 'forum', 'session', 'speaker', 'status', 'words', 'time', 'slot'] as const;

/** A column the inventory sorts by. */
export type ListSort = (typeof LIST_SORTS)[number];

/** What the order reads of a statement in the inventory. */
export interface ListRow {
  forum: string | null;
  session: string | null;
  speaker: string | null;
  status: string | null;
  writtenWords: number;
  seconds: number | null;
  slotSeconds: number | null;
}

/** Two values of a column compared: numbers as numbers, text as people read it. */
export function compareListValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

const KEYS: Record<Exclude<ListSort, 'file'>, (row: ListRow) => string | number> = {
  forum: (row) => row.forum ?? '',
  session: (row) => row.session ?? '',
  speaker: (row) => row.speaker ?? '',
  status: (row) => row.status ?? '',
  words: (row) => row.writtenWords,
  time: (row) => row.seconds ?? -1,
  slot: (row) => row.slotSeconds ?? -1,
};

/** `rows` sorted by `sort`, then forum, session and file (named by `fileOf`); a new array. */
export function orderRows<T extends ListRow>(rows: readonly T[], sort: ListSort, fileOf: (row: T) => string): T[] {
  const key = sort === 'file' ? fileOf : KEYS[sort];
  return [...rows].sort(
    (a, b) =>
      compareListValues(key(a), key(b)) ||
      compareListValues(a.forum ?? '', b.forum ?? '') ||
      compareListValues(a.session ?? '', b.session ?? '') ||
      compareListValues(fileOf(a), fileOf(b)),
  );
}

/** The totals of one forum and session. */
export interface SessionTotals {
  forum: string;
  session: string;
  statements: number;
  words: number;
  seconds: number;
}

/** Totals per forum and session, in the order of the rows: statements, words, time. */
export function sessionTotals(rows: readonly ListRow[]): SessionTotals[] {
  const groups = new Map<string, SessionTotals>();
  for (const row of rows) {
    const key = `${row.forum ?? ''}\0${row.session ?? ''}`;
    const group = groups.get(key) ?? {
      forum: row.forum ?? '',
      session: row.session ?? '',
      statements: 0,
      words: 0,
      seconds: 0,
    };
    group.statements += 1;
    group.words += row.writtenWords;
    group.seconds += row.seconds ?? 0;
    groups.set(key, group);
  }
  return [...groups.values()];
}
