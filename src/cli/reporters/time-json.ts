/** `alliance time --format json`: one entry per file, its messages as in `check --format json`. */
import { restoreMessage } from '../../engine/check/messages.js';
import type { TimeOutcome } from '../../engine/run/tasks.js';
import { eslintMessage } from './json.js';

const tenth = (seconds: number) => Math.round(seconds * 10) / 10;

/** Formats timings as JSON. */
export function timeJson(outcomes: readonly TimeOutcome[]): string {
  const entries = outcomes.map((outcome) => ({
    filePath: outcome.path,
    language: outcome.language,
    writtenWords: outcome.writtenWords,
    spokenWords: outcome.spokenWords,
    seconds: outcome.seconds === null ? null : tenth(outcome.seconds),
    slotSeconds: outcome.slotSeconds,
    pace: outcome.pace,
    unit: outcome.unit,
    paragraphs: outcome.paragraphs.map((paragraph) => ({
      line: paragraph.line,
      writtenWords: paragraph.writtenWords,
      spokenWords: paragraph.spokenWords,
      seconds: tenth(paragraph.seconds),
      cumulativeSeconds: tenth(paragraph.cumulativeSeconds),
    })),
    messages: outcome.messages.map((stored) => eslintMessage(restoreMessage(stored, outcome.path))),
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}
