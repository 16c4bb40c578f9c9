/** `alliance list --format csv`: one line per statement (RFC 4180), safe to open in a spreadsheet. */
import { relativePath } from './paths.js';
import type { FormatterInput } from './view.js';

function csvCell(text: string): string {
  // A cell that a spreadsheet would read as a formula is quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
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
