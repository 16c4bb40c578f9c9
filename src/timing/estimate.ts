/**
 * How long a statement takes to deliver, paragraph by paragraph. For now: spoken words are written
 * words and time is words ÷ pace; the timing engine refines both.
 */
import type { SpokenParagraph, Statement } from '../model/statement.js';
import { countWords } from './words.js';

/** The timing of one spoken paragraph. */
export interface ParagraphTiming {
  paragraph: SpokenParagraph;
  line: number;
  writtenWords: number;
  spokenWords: number;
  seconds: number;
  cumulativeSeconds: number;
}

/** The timing of a statement. */
export interface Timing {
  writtenWords: number;
  spokenWords: number;
  seconds: number;
  pace: number;
  slotSeconds: number | null;
  paragraphs: ParagraphTiming[];
}

const timings = new WeakMap<Statement, Timing>();

/** Estimates the speaking time of a statement (computed once per statement). */
export function timeStatement(statement: Statement): Timing {
  const cached = timings.get(statement);
  if (cached) return cached;
  const { pace, slotSeconds } = statement.settings;
  let cumulativeSeconds = 0;
  const paragraphs = statement.paragraphs.map((paragraph) => {
    const words = countWords(paragraph.text);
    const seconds = (words * 60) / pace;
    cumulativeSeconds += seconds;
    return { paragraph, line: paragraph.span.start.line, writtenWords: words, spokenWords: words, seconds, cumulativeSeconds };
  });
  const timing: Timing = {
    writtenWords: paragraphs.reduce((sum, item) => sum + item.writtenWords, 0),
    spokenWords: paragraphs.reduce((sum, item) => sum + item.spokenWords, 0),
    seconds: cumulativeSeconds,
    pace,
    slotSeconds,
    paragraphs,
  };
  timings.set(statement, timing);
  return timing;
}
