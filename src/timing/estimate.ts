/**
 * How long a statement takes to deliver, paragraph by paragraph: spoken words (or characters, for
 * Chinese, Japanese and Korean) at the statement's pace, plus pauses after sentences, between
 * paragraphs, at headings and where a stage direction asks for one (constants in src/data/timing.yaml).
 */
import { splitSentences } from '../model/sentences.js';
import { UNSPACED_ALL, withoutStageDirections } from '../model/phrases.js';
import type { SpokenParagraph, Statement } from '../model/statement.js';
import { speak, timingData, type SpeakOptions } from './spoken.js';
import { fitToSlot, type Fit } from './fit.js';
import { countWords } from './words.js';

/** The timing of one spoken paragraph. */
export interface ParagraphTiming {
  paragraph: SpokenParagraph;
  line: number;
  writtenWords: number;
  spokenWords: number;
  seconds: number;
  /** The pauses within `seconds` (after sentences, the paragraph, headings, stage directions). */
  pauseSeconds: number;
  cumulativeSeconds: number;
}

/** The timing of a statement. */
export interface Timing {
  writtenWords: number;
  spokenWords: number;
  seconds: number;
  /** Words (or characters) per minute. */
  pace: number;
  /** `words` or `characters`: what the pace counts. */
  unit: 'words' | 'characters';
  slotSeconds: number | null;
  paragraphs: ParagraphTiming[];
  /** How it fits the slot: the one decision every command, rule and handout reads. */
  fit: Fit;
}

const timings = new WeakMap<Statement, Timing>();

/** How many units of pace a list of spoken words takes: words, or characters in a character language. */
function paceUnits(words: readonly string[], unit: Timing['unit'], wordInCharacters: number): number {
  let units = 0;
  if (unit === 'words') {
    // Chinese in a statement timed in words (a quotation) is read character by character: each counts
    // for the part of a word that a word counts for in characters.
    for (const word of words) {
      const characters = word.match(UNSPACED_ALL)?.length ?? 0;
      units += characters > 0 ? characters / wordInCharacters : 1;
    }
    return units;
  }
  for (const word of words) {
    const characters = word.match(UNSPACED_ALL)?.length ?? 0;
    units += characters > 0 ? characters : wordInCharacters;
  }
  return units;
}

/** Estimates the speaking time of a statement (computed once per statement). */
export function timeStatement(statement: Statement): Timing {
  const cached = timings.get(statement);
  if (cached) return cached;
  const { pace, slotSeconds, language, phrases, pronunciations, languageRecord } = statement.settings;
  const data = timingData();
  const unit = languageRecord.unit;
  const options: SpeakOptions = {
    language,
    speech: languageRecord.speech,
    pronunciations,
    stageDirections: phrases.stageDirections,
  };
  let cumulativeSeconds = 0;
  const last = statement.paragraphs.length - 1;
  const paragraphs = statement.paragraphs.map((paragraph, index): ParagraphTiming => {
    const spoken = speak(paragraph.text, options);
    const said = withoutStageDirections(paragraph.text, phrases);
    const sentences = Math.max(1, splitSentences(said, phrases.abbreviations).length);
    const pauses =
      (sentences - 1) * data.pauses.sentence +
      (index < last ? data.pauses.paragraph : 0) +
      paragraph.headingsBefore * data.pauses.heading +
      spoken.pauseSeconds;
    // A letter of an acronym said one by one takes about half a word (U-N-O-D-C is five syllables, not five words).
    const letterDiscount =
      spoken.letters * (1 - data.letterWeight) * (unit === 'characters' ? data.wordInCharacters : 1);
    const units = paceUnits(spoken.words, unit, data.wordInCharacters) - letterDiscount;
    const seconds = (units * 60) / pace + pauses;
    cumulativeSeconds += seconds;
    return {
      paragraph,
      line: paragraph.span.start.line,
      writtenWords: countWords(said),
      // In a language timed in characters, what is said is counted in characters.
      // What the pace counts: words (a letter of an acronym as half of one), or characters.
      spokenWords: Math.round(units),
      seconds,
      pauseSeconds: pauses,
      cumulativeSeconds,
    };
  });
  const writtenWords = paragraphs.reduce((sum, item) => sum + item.writtenWords, 0);
  const timing: Timing = {
    writtenWords,
    spokenWords: paragraphs.reduce((sum, item) => sum + item.spokenWords, 0),
    seconds: cumulativeSeconds,
    pace,
    unit,
    slotSeconds,
    paragraphs,
    fit: fitToSlot(
      { seconds: cumulativeSeconds, writtenWords, paragraphs },
      slotSeconds,
      statement.settings.marginShare,
    ),
  };
  timings.set(statement, timing);
  return timing;
}
