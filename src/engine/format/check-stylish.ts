/**
 * The default report: messages grouped by file, `line:col  severity  message  rule-id`, aligned,
 * then a summary line. Colours through the run's chalk instance.
 */
import { displayPath } from './paths.js';
import { countMessages, describeCounts, plural, shown } from './text.js';
import type { FormatterInput } from './view.js';

/** Formats results as the stylish report. */
export function checkStylish({ result, cwd, chalk }: FormatterInput['check']): string {
  const { results } = result;
  const lines: string[] = [];
  const all = results.flatMap((result) => result.messages);
  for (const result of results) {
    if (result.messages.length === 0) continue;
    lines.push(chalk.underline(displayPath(result.path, cwd)));
    const rows = result.messages.map((message) => ({
      place: `${message.line ?? 1}:${message.column ?? 1}`,
      severity: message.fatal ? 'error' : 'warning',
      reason: shown(message.reason),
      ruleId: message.ruleId ?? '',
    }));
    const placeWidth = rows.reduce((widest, row) => Math.max(widest, row.place.length), 0);
    const reasonWidth = rows.reduce((widest, row) => Math.max(widest, row.reason.length), 0);
    for (const row of rows) {
      const severity = row.severity === 'error' ? chalk.red('error  ') : chalk.yellow('warning');
      lines.push(
        `  ${chalk.dim(row.place.padEnd(placeWidth))}  ${severity}  ${row.reason.padEnd(reasonWidth)}  ${chalk.dim(row.ruleId)}`,
      );
    }
    lines.push('');
  }
  const counts = countMessages(all);
  const files = plural(results.length, 'file');
  if (all.length === 0) {
    lines.push(chalk.green(`✔ ${files} checked, no problems`));
  } else {
    const mark = counts.errors > 0 ? chalk.red.bold('✖') : chalk.yellow.bold('⚠');
    lines.push(
      `${mark} ${chalk.bold(`${plural(all.length, 'problem')} (${describeCounts(counts)})`)} in ${files} checked`,
    );
  }
  return `${lines.join('\n')}\n`;
}
