/**
 * How long a statement takes to deliver, paragraph by paragraph: spoken words (or characters, for
 * Chinese, Japanese and Korean) at the statement's pace, plus pauses after sentences, between
 * paragraphs, at headings and where a stage direction asks for one (constants in src/data/timing.yaml).
 */
import { splitSentences } from '../model/sentences.js';
import { UNSPACED_ALL, withoutStageDirections } from '../model/phrases.js';
import type { SpokenParagraph, Statement } from '../model/statement.js';
import { speak, timingData, type SpeakOptions, type SpeechData, type Spoken, type TimingData } from './spoken.js';
import { fitToSlot, type Fit } from './fit.js';
import { countWords } from './words.js';

/** The timing of one spoken paragraph. */
export interface ParagraphTiming {
  paragraph: SpokenParagraph;
  line: number;
  writtenWords: number;
  spokenWords: number;
  /** What the pace counts in it: its words, each weighed by its length (or its characters). */
  units: number;
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

/** A comma, semicolon or colon that ends a clause (followed by a space, or full-width): not one inside a figure. */
const CLAUSE_ENDS = /[,;:،؛](?=\s)|[，、；：]/gu;

/** How many units of pace a list of spoken words takes: words, or characters in a character language. */
/** What one word counts for in a language timed in words: more for a long word, less for a short one. */
function wordWeight(word: string, length: SpeechData['wordLength']): number {
  if (!length) return 1;
  const measured =
    length.measure === 'vowels'
      ? (word.toLowerCase().match(vowelGroups(length.vowels ?? 'aeiouy')) ?? []).length
      : (word.match(LETTERS) ?? []).length;
  return 1 - length.weight + (length.weight * Math.max(1, measured)) / length.perWord;
}

const LETTERS = /\p{L}/gu;
const vowelPatterns = new Map<string, RegExp>();
function vowelGroups(vowels: string): RegExp {
  let pattern = vowelPatterns.get(vowels);
  if (!pattern) {
    pattern = new RegExp(`[${vowels.replace(/[\]\\^-]/g, '\\$&')}]+`, 'gu');
    vowelPatterns.set(vowels, pattern);
  }
  return pattern;
}

/**
 * What the pace counts in the words said: words (each weighed by its length; a letter of an acronym
 * said one by one, `spelled`, as `letterWeight` of a word), or characters.
 */
function paceUnits(spoken: Spoken, unit: Timing['unit'], data: TimingData, length: SpeechData['wordLength']): number {
  const { words, spelled } = spoken;
  let units = 0;
  if (unit === 'words') {
    words.forEach((word, index) => {
      // Chinese in a statement timed in words (a quotation) is read character by character: each counts
      // for the part of a word that a word counts for in characters.
      const characters = word.match(UNSPACED_ALL)?.length ?? 0;
      units +=
        characters > 0
          ? characters / data.wordInCharacters
          : spelled.has(index)
            ? data.letterWeight
            : wordWeight(word, length);
    });
    return units;
  }
  const { wordInCharacters } = data;
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
    const clauses = (said.match(CLAUSE_ENDS) ?? []).length;
    const pauses =
      (sentences - 1) * data.pauses.sentence +
      clauses * data.pauses.clause +
      (index < last ? data.pauses.paragraph : 0) +
      paragraph.headingsBefore * data.pauses.heading +
      spoken.pauseSeconds;
    // A letter of an acronym said one by one takes about half a word (U-N-O-D-C is five syllables, not five words).
    const letterDiscount = unit === 'characters' ? spoken.letters * (1 - data.letterWeight) * data.wordInCharacters : 0;
    // What the pace counts, each word weighed by its length; and the words said, each as one.
    const units = paceUnits(spoken, unit, data, languageRecord.speech.wordLength) - letterDiscount;
    const words = paceUnits(spoken, unit, data, undefined) - letterDiscount;
    const seconds = (units * 60) / pace + pauses;
    cumulativeSeconds += seconds;
    return {
      paragraph,
      line: paragraph.span.start.line,
      writtenWords: countWords(said),
      // In a language timed in characters, what is said is counted in characters.
      // The words said (a letter of an acronym as half of one), or characters.
      spokenWords: Math.round(words),
      units,
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
