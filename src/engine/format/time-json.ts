/** `alliance time --format json`: one entry per file, its messages as in `check --format json`. */
import { eslintMessage } from './json.js';
import { safeJson } from './text.js';
import type { FormatterInput } from './view.js';

const tenth = (seconds: number) => Math.round(seconds * 10) / 10;

/** Formats timings as JSON. */
export function timeJson({ result }: FormatterInput['time']): string {
  const entries = result.statements.map((outcome) => ({
    filePath: outcome.path,
    language: outcome.language,
    writtenWords: outcome.writtenWords,
    spokenWords: outcome.spokenWords,
    seconds: outcome.seconds === null ? null : tenth(outcome.seconds),
    slotSeconds: outcome.slotSeconds,
    pace: outcome.pace,
    paceOrigin: outcome.paceOrigin,
    unit: outcome.unit,
    fit:
      outcome.fit === null
        ? null
        : { status: outcome.fit.status, overrunIndex: outcome.fit.overrunIndex, wordsToCut: outcome.fit.wordsToCut },
    paragraphs: outcome.paragraphs.map((paragraph) => ({
      line: paragraph.line,
      writtenWords: paragraph.writtenWords,
      spokenWords: paragraph.spokenWords,
      seconds: tenth(paragraph.seconds),
      cumulativeSeconds: tenth(paragraph.cumulativeSeconds),
    })),
    messages: outcome.messages.map((message) => eslintMessage(message, result.rules)),
  }));
  return safeJson(entries);
}
