/**
 * Numbers as a speaker says them, through the n2words package: cardinals, decimals, ordinals and
 * years, in the locale a language's record names (`speech.numberLocale`: `en-GB` reads "one million,
 * two hundred and fifty thousand", `zh-Hans-CN` 一百二十五万). Any of n2words' locales can be named:
 * its module is loaded when a number is first said in it.
 */
import { createRequire } from 'node:module';
import type { YearStyle } from '../model/language.js';

interface NumberWords {
  toCardinal(value: string, options?: object): string;
  toOrdinal(value: string, options?: object): string;
}

const require = createRequire(import.meta.url);
const FALLBACK = 'en-GB';
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Options of a locale that reads its figures otherwise by default: Chinese as said, 一百二十五万, not the financial 壹佰贰拾伍万. */
const LOCALE_OPTIONS: Record<string, object> = { 'zh-Hans-CN': { formal: false }, 'zh-Hant-TW': { formal: false } };

const loaded = new Map<string, NumberWords>();

/** The n2words module of `locale` (ESM, loaded synchronously, as Node 20.19 and later allow), or undefined. */
function load(locale: string): NumberWords | undefined {
  if (!LOCALE.test(locale)) return undefined;
  let module: NumberWords;
  try {
    module = require(`n2words/${locale}`) as NumberWords;
  } catch {
    return undefined;
  }
  const options = LOCALE_OPTIONS[locale];
  if (!options) return module;
  return {
    toCardinal: (value) => module.toCardinal(value, options),
    toOrdinal: (value) => module.toOrdinal(value, options),
  };
}

/** Loads the number words of `locales` ahead of need, where `require` cannot load ES modules (Node before 20.19). */
export async function preloadNumberLocales(locales: Iterable<string>): Promise<void> {
  if (load(FALLBACK) !== undefined) return;
  for (const locale of locales) {
    if (loaded.has(locale) || !LOCALE.test(locale)) continue;
    try {
      const module = (await import(`n2words/${locale}`)) as NumberWords;
      const options = LOCALE_OPTIONS[locale];
      loaded.set(
        locale,
        options
          ? {
              toCardinal: (value) => module.toCardinal(value, options),
              toOrdinal: (value) => module.toOrdinal(value, options),
            }
          : module,
      );
    } catch {
      // No such locale: its numbers are said in English.
    }
  }
}

/** The number words of `locale`, loaded when first needed; English where n2words has no such locale. */
function wordsOf(locale: string): NumberWords {
  let words = loaded.get(locale);
  if (words === undefined) {
    words = load(locale) ?? (locale === FALLBACK ? undefined : wordsOf(FALLBACK));
    if (words === undefined) throw new Error(`n2words has no locale \`${FALLBACK}\``);
    loaded.set(locale, words);
  }
  return words;
}

/** Digits said one by one: what a speaker does with a number too long to read as a number. */
function digitByDigit(digits: string, locale: string): string {
  return [...digits.replace(/\D/g, '')].map((digit) => wordsOf(locale).toCardinal(digit)).join(' ');
}

/** A number (`1250000`, `12.5`, `-3`, digits and one `.` only) as words. */
export function cardinalWords(value: string, locale: string): string {
  if (value.replace(/\D/g, '').length > 21) return digitByDigit(value, locale);
  try {
    return wordsOf(locale).toCardinal(value);
  } catch {
    return digitByDigit(value, locale);
  }
}

/** Words of a number with their beginnings said as the language says them (`prefixes`: `一十` → `十`, so 16 is 十六). */
export function withNumberPrefixes(said: string, prefixes: Record<string, string> | undefined): string {
  for (const [from, to] of Object.entries(prefixes ?? {})) {
    if (said.startsWith(from)) return to + said.slice(from.length);
  }
  return said;
}

/** A positive whole number as an ordinal ("twenty-first", "vingt et unième"). */
export function ordinalWords(value: string, locale: string): string {
  try {
    return wordsOf(locale).toOrdinal(value);
  } catch {
    return cardinalWords(value, locale);
  }
}

/**
 * A year: in pairs where the language reads them so ("twenty twenty-three", "nineteen oh five",
 * "nineteen hundred"; 2000 to 2009 as numbers, "two thousand and five"), else as a number.
 */
export function yearWords(year: number, locale: string, style: YearStyle): string {
  if (style.digits) return digitByDigit(String(year), locale);
  if (!style.pairs || (year >= 2000 && year <= 2009)) return cardinalWords(String(year), locale);
  const first = cardinalWords(String(Math.floor(year / 100)), locale);
  const rest = year % 100;
  if (rest === 0) return `${first} ${style.hundred ?? ''}`.trim();
  if (rest < 10) return `${first} ${style.zero ?? ''} ${cardinalWords(String(rest), locale)}`.replace(/\s+/g, ' ');
  return `${first} ${cardinalWords(String(rest), locale)}`;
}
