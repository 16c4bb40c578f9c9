/**
 * `alliance list --format csv`: one line per statement (RFC 4180), safe to open in a spreadsheet and
 * to print to a terminal or a CI log: every cell is made harmless as reports make text (`shown`: no
 * line breaks, escapes or bidirectional controls from a statement, no workflow command).
 */
import { relativePath } from './paths.js';
import { shown } from './text.js';
import type { FormatterInput } from './view.js';

function csvCell(value: string): string {
  const text = shown(value);
  // A cell that a spreadsheet would read as a formula is quoted with a leading apostrophe.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Formats the inventory as CSV. */
export function listCsv({ result, cwd }: FormatterInput['list']): string {
  const header = [
    'file',
    'forum',
    'session',
    'agenda_item',
    'speaker',
    'status',
    'words',
    'seconds',
    'slot_seconds',
    'errors',
    'warnings',
  ];
  const lines = result.statements.map((outcome) =>
    [
      relativePath(outcome.path, cwd),
      outcome.forum ?? '',
      outcome.session ?? '',
      outcome.agendaItem ?? '',
      outcome.speaker ?? '',
      outcome.status ?? '',
      String(outcome.writtenWords),
      outcome.seconds === null ? '' : String(outcome.seconds),
      outcome.slotSeconds === null ? '' : String(outcome.slotSeconds),
      String(outcome.errors),
      String(outcome.warnings),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
