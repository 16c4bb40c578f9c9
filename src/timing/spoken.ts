/**
 * Text to spoken words: what a speaker actually says, which takes longer than what is written.
 * Numbers, years, decimals, percentages, ordinals, currencies and ranges are expanded ("In 2023,
 * 1,250,000 people" is 3 written words and 10 spoken ones); acronyms are said letter by letter or as a
 * word; symbols, web and e-mail addresses are said; stage directions are not said but may add a pause.
 */
import { listData, loadData } from '../data/load.js';
import type { LanguageRecord, SpeechData } from '../model/language.js';
import { own } from '../model/own.js';
import { cardinalWords, ordinalWords, withNumberPrefixes, yearWords } from './numbers.js';

export type { SpeechData } from '../model/language.js';

/** The timing constants (src/data/timing.yaml). */
export interface TimingData {
  pauses: { sentence: number; clause: number; paragraph: number; heading: number };
  wordInCharacters: number;
  /** What a letter of an acronym said one by one counts for, in words. */
  letterWeight: number;
  acronymWord: { minLetters: number; finalConsonantPairs: string[] };
}

/** What the speaker needs besides the text: the language, how acronyms are said, stage directions. */
export interface SpeakOptions {
  language: string;
  /** How the language is said (its record's `speech`); the built-in record of `language` when left out. */
  speech?: SpeechData;
  /** Acronym → `letters`, `word`, or the words said; the config's entries over the built-in list. */
  pronunciations: ReadonlyMap<string, string>;
  /** Stage direction (lower case) → seconds of pause it adds. */
  stageDirections: ReadonlyMap<string, number>;
}

/** What a piece of text takes to say. */
export interface Spoken {
  /** The words said, in order (a hyphenated word is one entry). */
  words: string[];
  /** How many of them are letters of an acronym said one by one (U-N-O-D-C), which take about half a word each. */
  letters: number;
  /** The positions of those letters among `words`. */
  spelled: ReadonlySet<number>;
  /** Seconds of pause asked for by stage directions (`[pause]`). */
  pauseSeconds: number;
}

/** The speech data of a built-in language (English for a language without a record). */
export function speechData(language: string): SpeechData {
  const tag = listData('languages').includes(language) ? language : 'en';
  return loadData<LanguageRecord>(`languages/${tag}.yaml`).speech;
}

/** The timing constants. */
export function timingData(): TimingData {
  return loadData<TimingData>('timing.yaml');
}

/** The built-in acronym pronunciations. */
export function builtInPronunciations(): Record<string, string> {
  return loadData<Record<string, string>>('acronyms.yaml');
}

interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'url' | 'email' | 'number' | 'word' | 'symbol';
  /** Lower-case letters only: said as written. */
  lower?: boolean;
}

// The e-mail address is tried only where a run of the characters of its local part begins (the
// lookbehind): tried at every `.`, `_` or `-` inside a run, it rescanned the rest of the run each time,
// and `e.g.` repeated 16,000 times took seconds.
const TOKEN =
  /((?:https?:\/\/|www\.)[^\s<>"“”]+)|((?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)|(\d(?:[\d.,\u00a0\u202f]*\d)?)|([\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*)|([^\s\p{L}\p{M}\p{N}])/gu;
const KINDS: Token['kind'][] = ['url', 'email', 'number', 'word', 'symbol'];
const DASHES = new Set(['-', '–', '—', '‐', '−']);
const BRACKETED = /\[([^[\]\n]{1,40})\]/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const abbreviationPatterns = new Map<SpeechData, RegExp | null>();

function abbreviationPattern(speech: SpeechData): RegExp | null {
  if (!abbreviationPatterns.has(speech)) {
    const keys = Object.keys(speech.abbreviations)
      .sort((a, b) => b.length - a.length)
      .map(escape);
    abbreviationPatterns.set(
      speech,
      keys.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}.])(?:${keys.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    );
  }
  return abbreviationPatterns.get(speech)!;
}

const figurePrefixPatterns = new Map<SpeechData, RegExp | null>();

/** The letters written joined to a figure that are part of its first word (`و2023`), before a digit. */
function figurePrefixPattern(speech: SpeechData): RegExp | null {
  if (!figurePrefixPatterns.has(speech)) {
    const prefixes = speech.figurePrefixes ?? [];
    figurePrefixPatterns.set(
      speech,
      prefixes.length === 0
        ? null
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${prefixes.map(escape).join('|')})(?=\\d)`, 'gu'),
    );
  }
  return figurePrefixPatterns.get(speech)!;
}

/** Splits what a speaker says into words, a hyphenated word counting once. */
function split(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Arabic-Indic, Persian and full-width digits, read as the digits they are. */
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g;

function asciiDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  const zero = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
  return String(code - zero);
}

const HAS_HAN = /\p{Script=Han}/u;

/** Chinese characters next to figures or Latin letters: a space between, so each is read as what it is. */
const HAN_NEXT_TO_LATIN = /(\p{Script=Han})(?=[A-Za-z0-9])|([A-Za-z0-9])(?=\p{Script=Han})/gu;

/** Says `text` in `options.language`. */
export function speak(text: string, options: SpeakOptions): Spoken {
  const speech = options.speech ?? speechData(options.language);
  let pauseSeconds = 0;
  // Most text has neither other digits nor Chinese: the replacements run only where they apply.
  let prepared = /[\u0660-\u06f9\uff10-\uff19]/.test(text) ? text.replace(OTHER_DIGITS, asciiDigit) : text;
  // The Arabic thousands separator and decimal point between digits: the language's own, so that
  // ١٬٢٥٠٬٠٠٠ is one figure and ١٢٫٥ a decimal.
  if (/[\u066b\u066c]/.test(prepared)) {
    prepared = prepared
      .replace(
        /(\d)\u066c(?=\d)/g,
        (_, digit: string) =>
          `${digit}${speech.thousandsSeparators.find((separator) => separator !== speech.decimalSeparator) ?? ','}`,
      )
      .replace(/(\d)\u066b(?=\d)/g, (_, digit: string) => `${digit}${speech.decimalSeparator}`);
  }
  if (HAS_HAN.test(prepared)) prepared = prepared.replace(HAN_NEXT_TO_LATIN, '$1$2 ');
  prepared = prepared.replace(BRACKETED, (whole, inner: string) => {
    const pause = options.stageDirections.get(inner.trim().toLowerCase());
    if (pause === undefined) return whole;
    pauseSeconds += pause;
    return ' ';
  });
  const prefixes = figurePrefixPattern(speech);
  if (prefixes) prepared = prepared.replace(prefixes, '');
  const abbreviations = abbreviationPattern(speech);
  if (abbreviations) prepared = prepared.replace(abbreviations, (match) => ` ${own(speech.abbreviations, match)} `);
  // Thousands separated by spaces ("1 250 000") become one figure, where the language writes them so.
  if (speech.thousandsSeparators.includes(' '))
    prepared = prepared.replace(
      /\b(\d{1,3})((?: \d{3})+)\b/g,
      (_, head: string, rest: string) => head + rest.replace(/ /g, '\u00a0'),
    );

  const speaker = new Speaker(tokenize(prepared, speech), speech, options);
  return { words: speaker.say(), letters: speaker.letters, spelled: speaker.spelled, pauseSeconds };
}

const LEADING = new Set(['(', '"', '“', '‘', "'"]);
const TRAILING = new Set([',', '.', ';', ':', '!', '?', ')', '"', '”', '’', "'"]);
const LOWER_WORD = /^[\p{Ll}\p{M}]+$/u;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** True when `text[start, end)` is lower-case letters only (ASCII checked by hand, the rest by regex). */
function isLowerWord(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 97 && code <= 122) continue;
    return code > 127 && LOWER_WORD.test(text.slice(start, end));
  }
  return end > start;
}

/** True when `text[start, end)` is a capital letter and lower-case ones (`Alliance`, `I`). */
function isCapitalizedWord(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const code = text.charCodeAt(start);
  return code >= 65 && code <= 90 && (end - start === 1 || isLowerWord(text, start + 1, end));
}

/**
 * Splits text into tokens. Most of a statement is plain words between spaces, lower-case or
 * capitalized, with only punctuation that is not said around them: those become word tokens at once,
 * and only the other chunks go through the full tokenizer (which took most of the time of `check`).
 */
function tokenize(text: string, speech: SpeechData): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let index = 0;
  while (index < length) {
    while (index < length && isSpace(text.charCodeAt(index))) index += 1;
    let end = index;
    while (end < length && !isSpace(text.charCodeAt(end))) end += 1;
    if (end === index) break;
    let first = index;
    let last = end;
    while (first < last && LEADING.has(text[first]!)) first += 1;
    while (last > first && TRAILING.has(text[last - 1]!)) last -= 1;
    const lower = isLowerWord(text, first, last);
    const word = lower || isCapitalizedWord(text, first, last) ? text.slice(first, last) : undefined;
    if (word !== undefined && !speech.scales.includes(lower ? word : word.toLowerCase())) {
      tokens.push({ text: word, start: first, end: last, kind: 'word', lower });
    } else {
      for (const match of text.slice(index, end).matchAll(TOKEN)) {
        let group = 1;
        while (match[group] === undefined) group += 1;
        const kind = KINDS[group - 1]!;
        let value = match[0];
        if (kind === 'url') value = value.replace(/[.,;:!?)\]]+$/, '');
        const start = index + match.index;
        tokens.push({ text: value, start, end: start + value.length, kind });
      }
    }
    index = end;
  }
  return tokens;
}

/** Walks the tokens of a text and says them, looking ahead where a figure needs its neighbours. */
class Speaker {
  private readonly words: string[] = [];
  /** Letters of acronyms said one by one, among the words. */
  letters = 0;
  /** Where those letters are among the words. */
  readonly spelled = new Set<number>();
  private index = 0;
  private readonly currencyStarts: Set<string>;

  constructor(
    private readonly tokens: Token[],
    private readonly speech: SpeechData,
    private readonly options: SpeakOptions,
  ) {
    this.currencyStarts = currencyStarts(speech);
  }

  say(): string[] {
    for (this.index = 0; this.index < this.tokens.length; this.index += 1) {
      const token = this.tokens[this.index]!;
      if (token.kind === 'url') this.url(token.text);
      else if (token.kind === 'email') this.email(token.text);
      else if (token.kind === 'number') this.figure(token, undefined);
      else if (token.kind === 'word') this.word(token);
      else this.symbol(token);
    }
    return this.words;
  }

  private emit(text: string): void {
    // One at a time: a figure said digit by digit can be hundreds of thousands of words.
    for (const word of split(text)) this.words.push(word);
  }

  private peek(offset = 1): Token | undefined {
    return this.tokens[this.index + offset];
  }

  /** The token after the current one, if it follows with at most one space. */
  private near(offset = 1): Token | undefined {
    const previous = this.tokens[this.index + offset - 1];
    const next = this.peek(offset);
    return previous && next && next.start - previous.end <= 1 ? next : undefined;
  }

  /** A currency written before a figure (`$5`, `US$ 5`, `EUR 40`): said after it. */
  private currencyBefore(token: Token): boolean {
    if (!this.currencyStarts.has(token.text[0]!)) return false;
    const joined = this.peek()?.start === token.end ? `${token.text}${this.peek()!.text}` : undefined;
    const [currency, length] =
      joined !== undefined && own(this.speech.currencies, joined) !== undefined
        ? [own(this.speech.currencies, joined), 2]
        : [own(this.speech.currencies, token.text), 1];
    const figure = this.near(length);
    if (currency === undefined || figure?.kind !== 'number') return false;
    this.index += length;
    this.figure(figure, currency);
    return true;
  }

  private symbol(token: Token): void {
    if (this.currencyBefore(token)) return;
    const next = this.near();
    const previous = this.tokens[this.index - 1];
    // A minus before a figure: after a space, at the start, or after a sign (`(−56%)`), not between figures.
    if (
      DASHES.has(token.text) &&
      next?.kind === 'number' &&
      next.start === token.end &&
      (!previous || previous.end < token.start || previous.kind === 'symbol')
    ) {
      this.emit(this.speech.minus);
      return;
    }
    // Two words joined by a slash that name one thing (`أيار/مايو`): the second is not said either.
    if (
      token.text === '/' &&
      this.speech.slashPairs === true &&
      previous?.kind === 'word' &&
      previous.end === token.start &&
      next?.kind === 'word' &&
      next.start === token.end
    ) {
      this.index += 1;
      return;
    }
    const said = own(this.speech.symbols, token.text);
    if (said !== undefined) this.emit(said);
  }

  /** A figure with what belongs to it: currency, ordinal suffix, scale word, per cent, a range. */
  private figure(token: Token, currency: string | undefined): void {
    const locale = this.speech.numberLocale;
    const parsed = parseFigure(token.text, this.speech);
    if (!parsed) {
      // Not a well-formed figure (a date such as 14.10.2024, a version): its digit groups, one by one.
      for (const group of token.text.split(/\D+/).filter(Boolean)) this.emit(this.cardinal(group));
      return;
    }
    const suffixLength = this.ordinalSuffixAfter(token);
    if (suffixLength > 0 && parsed.integer) {
      this.emit(ordinalWords(parsed.value, locale));
      this.index += suffixLength;
      return;
    }
    // A day before a month, where the language says it as an ordinal ("the fifteenth of May").
    const dayOfMonth = this.speech.dayOfMonth;
    const month = this.near();
    if (
      dayOfMonth &&
      parsed.integer &&
      numericDay(parsed.value) &&
      month?.kind === 'word' &&
      dayOfMonth.months.some((name) => name.toLowerCase() === month.text.toLowerCase())
    ) {
      this.emit(dayOfMonth.said.replace('{ordinal}', ordinalWords(parsed.value, locale)));
      return;
    }
    const next = this.near();
    const isPercent = next?.text === '%';
    const followsRange = next && DASHES.has(next.text) && this.near(2)?.kind === 'number';
    const numeric = Number(parsed.value);
    const marker = this.speech.years.followedBy;
    const isYear =
      parsed.integer &&
      /^\d{4}$/.test(token.text) &&
      numeric >= 1100 &&
      numeric <= 2099 &&
      !isPercent &&
      currency === undefined &&
      (marker === undefined || marker.some((word) => this.near()?.text.startsWith(word) === true));
    this.emit(isYear ? yearWords(numeric, locale, this.speech.years) : this.cardinal(parsed.value));

    const scale = this.near();
    if (scale?.kind === 'word' && this.speech.scales.includes(scale.text.toLowerCase())) {
      this.emit(scale.text);
      this.index += 1;
    }
    // A currency written after the figure: `100 USD`, `3 millions €`.
    const after = this.near();
    if (
      currency === undefined &&
      after &&
      after.kind !== 'number' &&
      own(this.speech.currencies, after.text) !== undefined
    ) {
      currency = own(this.speech.currencies, after.text);
      this.index += 1;
    }
    if (currency !== undefined) this.emit(currency);
    if (isPercent) {
      this.emit(this.speech.percent);
      this.index += 1;
    } else if (followsRange) {
      this.emit(this.speech.range);
      this.index += 1;
    }
  }

  /** How many tokens make the ordinal suffix right after a figure (`12th`, `1er`, `12.º`), 0 for none. */
  private ordinalSuffixAfter(figure: Token): number {
    let text = '';
    let end = figure.end;
    for (let offset = 1; offset <= 2; offset += 1) {
      const next = this.peek(offset);
      if (!next || next.start !== end || next.kind === 'number') return 0;
      text += next.text;
      end = next.end;
      const following = this.peek(offset + 1);
      const ends = !following || following.start > end || following.kind === 'symbol';
      if (ends && this.speech.ordinalSuffixes.some((suffix) => suffix.toLowerCase() === text.toLowerCase()))
        return offset;
    }
    return 0;
  }

  private word(token: Token): void {
    if (token.lower === true || LOWER_WORD.test(token.text)) {
      this.words.push(token.text);
      return;
    }
    if (this.currencyBefore(token)) return;
    // An elided article before an acronym or a figure (`l’ONUDC`): the rest is read as it is.
    const elided = /^(\p{L}{1,7})['’](.+)$/u.exec(token.text);
    if (
      elided &&
      this.speech.elisions?.includes(elided[1]!.toLowerCase()) &&
      (isAcronym(elided[2]!) || /^\d/.test(elided[2]!))
    ) {
      this.word({ ...token, text: elided[2]! });
      return;
    }
    const bare = token.text.replace(/['’]s$/, '');
    const pronunciation = this.options.pronunciations.get(bare);
    if (pronunciation !== undefined) {
      this.acronym(bare, pronunciation);
      return;
    }
    if (this.roman(bare)) return;
    const parts = bare.split(/[-‐]/);
    if (parts.length > 1 && parts.some((part) => /\d/.test(part) || isAcronym(part))) {
      for (const part of parts) this.word({ ...token, text: part });
      return;
    }
    if (isAcronym(bare)) this.acronym(bare, undefined);
    else if (/^\d+$/.test(bare)) this.emit(this.cardinal(bare));
    else this.words.push(token.text);
  }

  /**
   * A figure (`1250000`, `12.5`) as said in the language: through the number package, its decimals
   * read as the language reads them where the package does not (`doce coma cinco`, `двенадцать целых
   * пять десятых`), and its beginnings said otherwise where the language says so (十六, not 一十六).
   */
  private cardinal(value: string): string {
    const locale = this.speech.numberLocale;
    const [integer = '', fraction] = value.split('.');
    const decimals = this.speech.decimals;
    let said: string;
    if (fraction !== undefined && decimals) {
      const denominator = decimals.denominators?.[Math.min(fraction.length, decimals.denominators.length) - 1] ?? '';
      said = decimals.pattern
        .replace('{integer}', this.cardinal(integer))
        .replace('{fraction}', this.cardinal(fraction.replace(/^0+(?=\d)/, '')))
        .replace('{denominator}', denominator);
    } else said = cardinalWords(value, locale);
    return withNumberPrefixes(said, this.speech.numberPrefixes);
  }

  /**
   * A Roman numeral read as a number where the language reads it so: with an ordinal suffix (`XXIe`), or
   * beside a word of its context (`siglo XXI`, `XXI век`). True when it was said.
   */
  private roman(text: string): boolean {
    const roman = this.speech.roman;
    if (!roman) return false;
    const match = ROMAN.exec(text);
    if (!match || match[1] === '') return false;
    const suffix = match[2] ?? '';
    const hasSuffix = suffix !== '' && roman.suffixes.includes(suffix.toLowerCase());
    if (suffix !== '' && !hasSuffix) return false;
    const beside = [this.tokens[this.index - 1], this.peek()].some(
      (token) => token?.kind === 'word' && roman.context.includes(token.text.toLowerCase()),
    );
    if (!hasSuffix && !beside) return false;
    const value = String(romanValue(match[1]!));
    const locale = this.speech.numberLocale;
    this.emit(roman.said === 'ordinal' || hasSuffix ? ordinalWords(value, locale) : this.cardinal(value));
    return true;
  }

  /** An acronym: as listed, or as a word when it reads as one, else letter by letter. */
  private acronym(text: string, pronunciation: string | undefined): void {
    const how = pronunciation ?? (readsAsWord(text, timingData().acronymWord) ? 'word' : 'letters');
    if (how === 'word') {
      this.words.push(text);
      return;
    }
    if (how !== 'letters') {
      this.emit(how);
      return;
    }
    const letters = text.replace(/s$/, (plural) => (text.length > 2 && /[A-Z]/.test(text.at(-2) ?? '') ? '' : plural));
    for (const piece of letters.match(/\d+|\p{L}/gu) ?? []) {
      const said = /\d/.test(piece) ? this.cardinal(piece) : (own(this.speech.letters, piece.toUpperCase()) ?? piece);
      // A letter said as itself is a syllable; one said otherwise ("double-u") counts as a word.
      if (said === piece && !/\d/.test(piece)) {
        this.letters += 1;
        this.spelled.add(this.words.length);
      }
      this.emit(said);
    }
  }

  private url(text: string): void {
    const { web } = this.speech;
    const [host = '', ...path] = text.replace(/^https?:\/\//i, '').split('/');
    const labels = host.split('.').filter(Boolean);
    labels.forEach((label, index) => {
      if (index > 0) this.emit(web.dot);
      this.emit(label.toLowerCase() === 'www' ? web.www : label.split(/[-_]/).join(' '));
    });
    for (const segment of path.filter(Boolean)) {
      this.emit(web.slash);
      this.emit(
        segment
          .split(/[-_.?=&#]+/)
          .filter(Boolean)
          .join(' '),
      );
    }
  }

  private email(text: string): void {
    const { web } = this.speech;
    const [local = '', domain = ''] = text.split('@');
    this.emit(
      local
        .split(/[._+-]+/)
        .filter(Boolean)
        .join(' '),
    );
    this.emit(web.at);
    this.emit(domain.split('.').filter(Boolean).join(` ${web.dot} `));
  }
}

const firstCharacters = new WeakMap<SpeechData, Set<string>>();

/** The first characters of the language's currency signs and codes, to skip the lookup for other tokens. */
function currencyStarts(speech: SpeechData): Set<string> {
  let starts = firstCharacters.get(speech);
  if (!starts) {
    starts = new Set(Object.keys(speech.currencies).map((key) => key[0]!));
    firstCharacters.set(speech, starts);
  }
  return starts;
}

/**
 * True for an acronym: capitals (of any script: `УНП`, `США`) and digits, with two capitals or a capital
 * and a figure (`UNODC`, `G20`), a plural `s` allowed (`NGOs`).
 */
export function isAcronym(text: string): boolean {
  return /^\p{Lu}[\p{Lu}0-9&]*[\p{Lu}0-9]s?$/u.test(text);
}

/** A Roman numeral (its value's letters), and what is written after it. */
const ROMAN = /^(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(\p{Ll}{0,3})$/u;

/** The value of a Roman numeral. */
function romanValue(numeral: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let index = 0; index < numeral.length; index += 1) {
    const value = values[numeral[index]!]!;
    const next = values[numeral[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Whether a figure can be a day of a month. */
function numericDay(value: string): boolean {
  const day = Number(value);
  return Number.isInteger(day) && day >= 1 && day <= 31;
}

const VOWELS = /[AEIOUY]/;

/** The simple rule: long enough, a vowel, no three consonants in a row, a final pair that can close a word. */
export function readsAsWord(acronym: string, rule: TimingData['acronymWord']): boolean {
  const letters = acronym.replace(/s$/, '').toUpperCase();
  if (letters.length < rule.minLetters || /[^A-Z]/.test(letters) || !VOWELS.test(letters)) return false;
  if (/[^AEIOUY]{3}/.test(letters)) return false;
  const last = letters.slice(-2);
  return VOWELS.test(last) || rule.finalConsonantPairs.includes(last);
}

/** A figure's value with `.` as its decimal point and no separators, or null when it is no figure. */
export function parseFigure(text: string, speech: SpeechData): { value: string; integer: boolean } | null {
  const decimal = speech.decimalSeparator;
  const thousands = speech.thousandsSeparators
    .filter((separator) => separator !== decimal)
    .map(escape)
    .join('');
  const pattern = new RegExp(`^(\\d{1,3}(?:[${thousands || ','}]\\d{3})+|\\d+)(?:${escape(decimal)}(\\d+))?$`);
  const match = pattern.exec(text);
  if (!match) return null;
  const whole = match[1]!.replace(/\D/g, '');
  return match[2] === undefined ? { value: whole, integer: true } : { value: `${whole}.${match[2]}`, integer: false };
}
