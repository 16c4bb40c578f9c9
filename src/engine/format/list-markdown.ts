/** `alliance list --format markdown`: the inventory and the session totals as Markdown tables, every value escaped. */
import { formatClock } from '../../model/duration.js';
import { COLUMNS, listRow, NUMERIC_COLUMNS } from './list-rows.js';
import { markdownText } from './text.js';
import type { FormatterInput } from './view.js';

/** Formats the inventory as Markdown. */
export function listMarkdown({ result, cwd }: FormatterInput['list']): string {
  const lines = [
    `| ${COLUMNS.join(' | ')} |`,
    `| ${COLUMNS.map((_, index) => (NUMERIC_COLUMNS.has(index) ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const outcome of result.statements)
    lines.push(
      `| ${listRow(outcome, cwd)
        .map((cell, index) => (NUMERIC_COLUMNS.has(index) ? cell : markdownText(cell)))
        .join(' | ')} |`,
    );
  lines.push('', '| Forum | Session | Statements | Words | Time |', '| --- | --- | ---: | ---: | ---: |');
  for (const group of result.totals)
    lines.push(
      `| ${markdownText(group.forum)} | ${markdownText(group.session)} | ${group.statements} | ${group.words} | ${formatClock(group.seconds)} |`,
    );
  return `${lines.join('\n')}\n`;
}
