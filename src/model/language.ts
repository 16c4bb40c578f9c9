/** A language as the tool knows it: one record (src/data/languages/<tag>.yaml, or a project's own). */

/** Words a handout prints, in one language. */
export interface LanguageLabels {
  'check-against-delivery': string;
  'read-out-verbatim': string;
  page: string;
  session: string;
  agendaItem: string;
  notes: string;
  slotEnds: string;
  speakerCopy: string;
}

/** The phrases of a language as written in its record (normalized later for matching). */
export interface RawPhrases {
  preambles?: string[];
  conjunctions?: string[];
  /** The presiding officer's titles, by whom they name. */
  addresses?: Partial<Record<'chair' | 'president' | 'any', string[]>>;
  /** Courtesy words before and after a title. */
  courtesy?: { before?: string[]; after?: string[] };
  /** Greetings to the room, which are not an address to the officer on their own. */
  greetings?: string[];
  /** Thanks for the floor that may follow the title in the same clause. */
  floor?: string[];
  closings?: string[];
  /** The presiding officer's title for a man and for a woman (`[Monsieur le Président, Madame la Présidente]`). */
  titleForms?: string[][];
  /** Words a speaker introduces themselves with ("I am"). */
  introductions?: string[];
  abbreviations?: string[];
  /** Words that are placeholders in this language, matched with their exact case. */
  placeholders?: string[];
  /** Editorial marks in square brackets that are not placeholders (`sic`), matched ignoring case. */
  editorial?: string[];
  newStatement?: {
    /** The presiding officer's title where the forum gives none. */
    title?: string;
    opening: string;
    identification: string;
    closing: string;
    guidance: string;
    guidanceWithoutSlot?: string;
  };
}

/** How a language reads years: in pairs, with its words for "hundred" and the "oh" of 1905, or digit by digit. */
export interface YearStyle {
  pairs: boolean;
  /** Digit by digit, as Chinese reads them (二〇二三年). */
  digits?: boolean;
  hundred?: string;
  zero?: string;
  /** A four-digit figure is a year only when followed by one of these (`年`): `1250万` is a number. */
  followedBy?: string[];
}

/** How a language is said, for the timing engine. */
export interface SpeechData {
  /** The n2words locale its numbers are read in (`en-GB`, `pt-PT`). */
  numberLocale: string;
  years: YearStyle;
  decimalSeparator: string;
  thousandsSeparators: string[];
  scales: string[];
  ordinalSuffixes: string[];
  /** How a decimal is read where the number package reads it otherwise: `{integer} coma {fraction}`, `{integer} целых {fraction} {denominator}`. */
  decimals?: { pattern: string; denominators?: string[] };
  /** Beginnings of the number package's words said otherwise (`一十` → `十`: 16 is 十六). */
  numberPrefixes?: Record<string, string>;
  /** Elided words joined by an apostrophe (`l’ONUDC`): what follows is read as a word of its own. */
  elisions?: string[];
  /**
   * How a word's length weighs on the time it takes: each word counts for `1 - weight + weight × length
   * / perWord`, its length in letters or in groups of `vowels` (French writes letters it does not say).
   */
  wordLength?: { measure: 'letters' | 'vowels'; weight: number; perWord: number; vowels?: string };
  /** Letters written joined to a figure that are no word of their own (Arabic و in `و2023`): dropped before it. */
  figurePrefixes?: string[];
  /** Two words joined by a slash name one thing, and the first is said (the UN's Arabic months, `أيار/مايو`). */
  slashPairs?: boolean;
  /** A day before a month said as an ordinal (`15 May`: "the fifteenth of May"): the months, and how. */
  dayOfMonth?: { months: string[]; said: string };
  /** Roman numerals read as numbers: with a suffix (`XXIe`), or beside a word of `context` (`siglo XXI`). */
  roman?: { said: 'ordinal' | 'cardinal'; suffixes: string[]; context: string[] };
  percent: string;
  range: string;
  minus: string;
  letters: Record<string, string>;
  symbols: Record<string, string>;
  currencies: Record<string, string>;
  abbreviations: Record<string, string>;
  web: { www: string; dot: string; slash: string; at: string };
}

/** Everything the tool knows of one language. */
/** A language's typography, as the fixes write it (every part optional: none, no fix). */
export interface Typography {
  /** What straight double quotes become where they pair within a paragraph. */
  quoteOpen?: string;
  quoteClose?: string;
  /** What a straight apostrophe between letters becomes. */
  apostrophe?: string;
  /** Signs with a narrow no-break space (U+202F) before them (French `;!?»%`). */
  narrowSpaceBefore?: string;
  /** Signs with a no-break space (U+00A0) before them (French `:`). */
  spaceBefore?: string;
  /** Signs with a narrow no-break space after them (French `«`). */
  narrowSpaceAfter?: string;
  /** Figures grouped by three with a narrow no-break space (`1 250 000`), not an ordinary one. */
  groupDigits?: boolean;
}

export interface LanguageRecord {
  /** The primary subtag (`en`, `ar`, `zh`). */
  tag: string;
  /** Names people write instead of the tag (`English`, `anglais`). */
  names: string[];
  direction: 'ltr' | 'rtl';
  script: 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'han';
  /** The full tag documents are marked with when a statement gives only the language (`zh-CN`). */
  regionTag?: string;
  /** What the pace counts. */
  unit: 'words' | 'characters';
  /** Words (or characters) a minute. */
  pace: number;
  /** How names in a list are joined. */
  listSeparator: string;
  labels: LanguageLabels;
  /** Punctuation a space before or after never breaks a line at (French `; : ! ? »` after a space, `«` before one). */
  lineBreaks?: { keepBefore?: string; keepAfter?: string };
  /**
   * How the language writes quotation marks, the apostrophe and the spaces beside punctuation: what
   * the fixes of `typographic-quotes` and `punctuation-spacing` write (French `«` `»`, U+202F before `;`).
   */
  typography?: Typography;
  /** How the language writes figures: what `version-in-step` reads to compare versions' figures as values. */
  figures?: {
    /** The decimal sign (`.` or `,`). */
    decimal?: string;
    /** Words that make a figure a percentage after it (`pour cent`), or before it (`百分之`). */
    percent?: string[];
    percentBefore?: string[];
    /** Words that multiply the figure before them (`million`: 1000000, `万`: 10000). */
    multipliers?: Record<string, number>;
  };
  /** Language versions: the length of a text in this language against the same in English (characters). */
  versions?: { lengthRatio?: number };
  /** Month names as the UN writes them in a date, January first, where they differ from the locale's (`أيار/مايو`). */
  months?: string[];
  /** How a session's number is written in its name: the number package's ordinal (capitalized where it starts a header line), its endings changed, or a table. */
  session?: {
    capitalize?: boolean;
    endings?: Record<string, string>;
    table?: { units: string[]; teens: string[]; tens: string[]; compounds: string[]; joiner: string };
  };
  phrases: RawPhrases;
  speech: SpeechData;
}
