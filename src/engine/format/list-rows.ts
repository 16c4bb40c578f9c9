/** The inventory's columns and cells, shared by its table and Markdown formats. */
import { formatClock } from '../../model/duration.js';
import type { SessionTotals } from '../../model/list-order.js';
import type { ListOutcome } from '../run/tasks.js';
import { displayPath } from './paths.js';
import { plural, shown } from './text.js';

/** The columns of the inventory. */
export const COLUMNS = [
  'File',
  'Forum',
  'Session',
  'Item',
  'Speaker',
  'Status',
  'Words',
  'Time',
  'Slot',
  'Check',
] as const;

/** The columns aligned right (numbers and times). */
export const NUMERIC_COLUMNS: ReadonlySet<number> = new Set([6, 7, 8]);

/** The cells of one statement, as shown. */
export function listRow(outcome: ListOutcome, cwd: string): string[] {
  return [
    displayPath(outcome.path, cwd),
    shown(outcome.forum ?? ''),
    shown(outcome.session ?? ''),
    shown(outcome.agendaItem ?? ''),
    shown(outcome.speaker ?? ''),
    shown(outcome.status ?? ''),
    String(outcome.writtenWords),
    outcome.seconds === null ? '' : formatClock(outcome.seconds),
    outcome.slotSeconds === null ? '' : formatClock(outcome.slotSeconds),
    outcome.errors > 0
      ? `✖ ${plural(outcome.errors, 'error')}`
      : outcome.warnings > 0
        ? `⚠ ${plural(outcome.warnings, 'warning')}`
        : '✔',
  ];
}

/** "AHC 5: 2 statements, 391 words, 3:49". */
export function totalsLine(group: SessionTotals): string {
  return `${shown(`${group.forum || '(no forum)'} ${group.session}`.trim())}: ${plural(group.statements, 'statement')}, ${group.words} words, ${formatClock(group.seconds)}`;
}
