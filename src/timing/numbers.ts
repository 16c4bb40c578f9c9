/**
 * Numbers as a speaker says them, through the n2words package: cardinals, decimals, ordinals and
 * years, in British and UN English ("one million, two hundred and fifty thousand"; "twenty
 * twenty-three"), French and Spanish.
 */
import * as arSA from 'n2words/ar-SA';
import * as enGB from 'n2words/en-GB';
import * as esES from 'n2words/es-ES';
import * as frFR from 'n2words/fr-FR';
import * as ruRU from 'n2words/ru-RU';
import * as zhHansCN from 'n2words/zh-Hans-CN';

interface NumberWords {
  toCardinal(value: string): string;
  toOrdinal(value: string): string;
}

/** Chinese figures as they are said, 一百二十五万, not in the financial numerals 壹佰贰拾伍万. */
const everydayChinese: NumberWords = {
  toCardinal: (value) => zhHansCN.toCardinal(value, { formal: false }),
  toOrdinal: (value) => zhHansCN.toOrdinal(value, { formal: false }),
};

const LOCALES: Record<string, NumberWords> = {
  'en-GB': enGB as NumberWords,
  'fr-FR': frFR as NumberWords,
  'es-ES': esES as NumberWords,
  'ar-SA': arSA as NumberWords,
  'ru-RU': ruRU as NumberWords,
  'zh-Hans-CN': everydayChinese,
};

/** The locales numbers can be said in. */
export const NUMBER_LOCALES = Object.keys(LOCALES);

function wordsOf(locale: string): NumberWords {
  return LOCALES[locale] ?? LOCALES['en-GB']!;
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

/** A positive whole number as an ordinal ("twenty-first", "vingt et unième"). */
export function ordinalWords(value: string, locale: string): string {
  try {
    return wordsOf(locale).toOrdinal(value);
  } catch {
    return cardinalWords(value, locale);
  }
}

/** How a language reads years: in pairs, with its words for "hundred" and the "oh" of 1905, or digit by digit. */
export interface YearStyle {
  pairs: boolean;
  /** Digit by digit, as Chinese reads them (二〇二三年). */
  digits?: boolean;
  hundred?: string;
  zero?: string;
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
