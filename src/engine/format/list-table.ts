/** `alliance list`: the inventory as an aligned table, then the totals of each session. */
import { COLUMNS, listRow, NUMERIC_COLUMNS, totalsLine } from './list-rows.js';
import type { FormatterInput } from './view.js';

function align(rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = (rows[0] ?? []).map((_, column) =>
    Math.max(...rows.map((cells) => [...(cells[column] ?? '')].length)),
  );
  return rows.map((cells) =>
    cells
      .map((cell, column) =>
        right.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

/** Formats the inventory as a table. */
export function listTable({ result, cwd, chalk }: FormatterInput['list']): string {
  const [header = '', ...lines] = align(
    [[...COLUMNS], ...result.statements.map((outcome) => listRow(outcome, cwd))],
    NUMERIC_COLUMNS,
  );
  return `${[chalk.bold(header), ...lines, '', ...result.totals.map(totalsLine)].join('\n')}\n`;
}
