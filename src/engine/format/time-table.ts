/**
 * `alliance time` as a table: per file its words, spoken words, estimate, slot, margin and whether it
 * fits; with `--paragraphs`, each paragraph's words, seconds and cumulative time, the slot's end marked.
 */
import { formatClock, formatMargin } from '../../model/duration.js';
import type { TimedStatement } from '../types.js';
import { displayPath } from './paths.js';
import { plural, shown } from './text.js';
import type { FormatterInput } from './view.js';

type TimeTableOptions = FormatterInput['time'];
type TimeOutcome = TimedStatement;

type Row = string[];

function table(rows: Row[], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => visibleLength(row[column] ?? ''))));
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - visibleLength(cell));
        return rightAligned.has(column) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex -- the escape sequences chalk writes are what is measured away
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** The fit of one statement: a mark and a note ("cut about 35 words to fit 3:00"). */
function fit(outcome: TimeOutcome, options: TimeTableOptions): string {
  const { chalk } = options;
  if (outcome.seconds === null) {
    const first = outcome.messages.find((message) => message.fatal);
    return chalk.red(`✖ cannot be timed${first ? `: ${shown(first.reason)}` : ''}`);
  }
  const fit = outcome.fit;
  if (fit === null || fit.slotSeconds === null) return chalk.dim('no slot');
  if (fit.status === 'over')
    return chalk.red(
      `✖ cut about ${plural(fit.wordsToCut, outcome.unit === 'characters' ? 'character' : 'word')} to fit ${formatClock(fit.slotSeconds)}`,
    );
  if (fit.status === 'tight') return chalk.yellow('⚠ fits, with little margin');
  return chalk.green('✔ fits');
}

/** Formats timings as a table (and, with `paragraphs`, each file's paragraphs). */
export function timeTable(options: TimeTableOptions): string {
  const { chalk, result } = options;
  const outcomes = result.statements;
  const header: Row = ['File', 'Words', 'Spoken', 'Time', 'Slot', 'Margin', 'Fit'];
  const rows: Row[] = outcomes.map((outcome) => {
    const timed = outcome.seconds !== null;
    const slot = outcome.slotSeconds;
    return [
      displayPath(outcome.path, options.cwd),
      timed ? String(outcome.writtenWords) : '–',
      timed ? String(outcome.spokenWords) : '–',
      timed ? formatClock(outcome.seconds!) : '–',
      slot === null ? '–' : formatClock(slot),
      timed && slot !== null ? formatMargin(slot - Math.round(outcome.seconds!)) : '–',
      fit(outcome, options),
    ];
  });
  const lines = table([header, ...rows], new Set([1, 2, 3, 4, 5]));
  lines[0] = chalk.bold(lines[0]!);
  const output: string[] = [];
  outcomes.forEach((outcome, index) => {
    output.push(lines[index + 1]!);
    if (options.paragraphs && outcome.seconds !== null) output.push(...paragraphTable(outcome, options), '');
  });
  const { overCount: over, untimedCount: untimed } = result;
  const summary = [`${plural(outcomes.length, 'statement')}, ${formatClock(result.totalSeconds)} in all`];
  if (over > 0) summary.push(chalk.red(`${over} over ${over === 1 ? 'its slot' : 'their slots'}`));
  if (untimed > 0) summary.push(chalk.red(`${untimed} cannot be timed`));
  if (output.at(-1) === '') output.pop();
  return `${[lines[0], ...output, '', summary.join('; ')].join('\n')}\n`;
}

function paragraphTable(outcome: TimeOutcome, options: TimeTableOptions): string[] {
  const { chalk } = options;
  const slot = outcome.slotSeconds;
  const overrun = outcome.fit?.overrunIndex ?? -1;
  const rows: Row[] = [['Line', 'Words', 'Spoken', 'Seconds', 'At', '']];
  outcome.paragraphs.forEach((paragraph, index) => {
    const note = index === overrun ? chalk.red(`◀ the ${formatClock(slot!)} slot ends in this paragraph`) : '';
    rows.push([
      String(paragraph.line),
      String(paragraph.writtenWords),
      String(paragraph.spokenWords),
      paragraph.seconds.toFixed(1),
      formatClock(paragraph.cumulativeSeconds),
      note,
    ]);
  });
  const lines = table(rows, new Set([0, 1, 2, 3, 4]));
  return lines.map((line, index) => `    ${index === 0 ? chalk.dim(line) : line}`);
}
