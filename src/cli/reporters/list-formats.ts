/** `alliance list` as a table, JSON, CSV or Markdown, with the totals of each session. */
import type { ChalkInstance } from 'chalk';
import type { ListOutcome } from '../../engine/run/tasks.js';
import { printable } from '../../model/describe.js';
import { formatClock } from '../../model/duration.js';
import { plural } from './counts.js';
import { displayPath } from './paths.js';

/** The columns of the inventory. */
const COLUMNS = ['File', 'Forum', 'Session', 'Item', 'Speaker', 'Status', 'Words', 'Time', 'Slot', 'Check'] as const;

function row(outcome: ListOutcome, cwd: string): string[] {
  return [
    displayPath(outcome.path, cwd),
    printable(outcome.forum ?? ''),
    printable(outcome.session ?? ''),
    printable(outcome.agendaItem ?? ''),
    printable(outcome.speaker ?? ''),
    printable(outcome.status ?? ''),
    String(outcome.writtenWords),
    outcome.seconds === null ? '' : formatClock(outcome.seconds),
    outcome.slotSeconds === null ? '' : formatClock(outcome.slotSeconds),
    outcome.errors > 0 ? `✖ ${plural(outcome.errors, 'error')}` : outcome.warnings > 0 ? `⚠ ${plural(outcome.warnings, 'warning')}` : '✔',
  ];
}

/** Totals per forum and session: statements, words, time. */
function totals(outcomes: readonly ListOutcome[]): { forum: string; session: string; statements: number; words: number; seconds: number }[] {
  const groups = new Map<string, { forum: string; session: string; statements: number; words: number; seconds: number }>();
  for (const outcome of outcomes) {
    const key = `${outcome.forum ?? ''}\0${outcome.session ?? ''}`;
    const group = groups.get(key) ?? { forum: outcome.forum ?? '', session: outcome.session ?? '', statements: 0, words: 0, seconds: 0 };
    group.statements += 1;
    group.words += outcome.writtenWords;
    group.seconds += outcome.seconds ?? 0;
    groups.set(key, group);
  }
  return [...groups.values()];
}

function align(rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((cells) => [...(cells[column] ?? '')].length)));
  return rows.map((cells) => cells.map((cell, column) => (right.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd());
}

/** The inventory as an aligned table, then the totals of each session. */
export function listTable(outcomes: readonly ListOutcome[], cwd: string, chalk: ChalkInstance): string {
  const lines = align([[...COLUMNS], ...outcomes.map((outcome) => row(outcome, cwd))], new Set([6, 7, 8]));
  lines[0] = chalk.bold(lines[0]!);
  const sums = totals(outcomes).map((group) => printable(`${group.forum || '(no forum)'} ${group.session}`.trim()) + `: ${plural(group.statements, 'statement')}, ${group.words} words, ${formatClock(group.seconds)}`);
  return `${[...lines, '', ...sums].join('\n')}\n`;
}

/** The inventory as JSON: the statements, and the totals of each session. */
export function listJson(outcomes: readonly ListOutcome[]): string {
  const statements = outcomes.map(({ internalErrors: _, ...outcome }) => ({ ...outcome, passes: outcome.errors === 0 }));
  return `${JSON.stringify({ statements, sessions: totals(outcomes) }, null, 2)}\n`;
}

function csvCell(text: string): string {
  // A cell that a spreadsheet would read as a formula is quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The inventory as CSV (RFC 4180), one line per statement. */
export function listCsv(outcomes: readonly ListOutcome[], cwd: string): string {
  const header = ['file', 'forum', 'session', 'agenda_item', 'speaker', 'status', 'words', 'seconds', 'slot_seconds', 'errors', 'warnings'];
  const lines = outcomes.map((outcome) =>
    [displayPath(outcome.path, cwd), outcome.forum ?? '', outcome.session ?? '', outcome.agendaItem ?? '', outcome.speaker ?? '', outcome.status ?? '', String(outcome.writtenWords), outcome.seconds === null ? '' : String(outcome.seconds), outcome.slotSeconds === null ? '' : String(outcome.slotSeconds), String(outcome.errors), String(outcome.warnings)]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

/** The inventory as a Markdown table, then the totals of each session. */
export function listMarkdown(outcomes: readonly ListOutcome[], cwd: string): string {
  const lines = [`| ${COLUMNS.join(' | ')} |`, `| ${COLUMNS.map((_, index) => (index >= 6 && index <= 8 ? '---:' : '---')).join(' | ')} |`];
  for (const outcome of outcomes) lines.push(`| ${row(outcome, cwd).map(markdownCell).join(' | ')} |`);
  lines.push('', '| Forum | Session | Statements | Words | Time |', '| --- | --- | ---: | ---: | ---: |');
  for (const group of totals(outcomes)) lines.push(`| ${markdownCell(printable(group.forum))} | ${markdownCell(printable(group.session))} | ${group.statements} | ${group.words} | ${formatClock(group.seconds)} |`);
  return `${lines.join('\n')}\n`;
}
