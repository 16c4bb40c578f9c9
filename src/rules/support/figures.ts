/**
 * The figures of a text as values, in the way its language writes them, so that versions of one
 * statement can be compared: `1,250,000`, `1 250 000` and `1.250.000` are the same figure; `12.5%` and
 * `12,5 %` the same percentage; `2 millions`, `2 million` and `200万` the same amount. The separators,
 * percent words and multipliers are each language's data (`figures` in its record). Figures spelled
 * out in words (`two`) are not read.
 */
import type { LanguageRecord } from '../../model/language.js';

/** A figure: its value, whether it is a percentage, and how it is written. */
export interface Figure {
  value: number;
  percent: boolean;
  written: string;
}

/** Arabic-Indic and Persian digits and the Arabic separators, as ASCII. */
function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',');
}

/**
 * A number grouped by threes (one separator throughout, and a decimal part), or a plain one; not the
 * digits of a Latin, Greek or Cyrillic word (`G20`), but after Chinese characters (`约有1,250,000人`).
 */
const NUMBER =
  /(?<![\p{N}\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}.,])(?:(\d{1,3})((?:([,. \u00a0\u202f'’])\d{3})(?:\3\d{3})*)(?:([.,])(\d+))?|(\d+)(?:([.,])(\d+))?)(?![\p{N}])/gu;

/** A key that compares figures by value (and kind). */
export function figureKey(figure: Figure): string {
  return `${Number(figure.value.toPrecision(12))}${figure.percent ? '%' : ''}`;
}

/** The figures of `text` in the language of `record`. */
export function figuresIn(text: string, record: LanguageRecord): Figure[] {
  const data = record.figures ?? {};
  const decimal = data.decimal ?? '.';
  // Longest first (`millions` before `million`), each compiled once for the whole text.
  const percentWords = [...(data.percent ?? [])].sort((a, b) => b.length - a.length).map(wordAt);
  const multipliers = Object.entries(data.multipliers ?? {})
    .sort((a, b) => b[0].length - a[0].length)
    .map(([word, factor]) => [wordAt(word), factor] as const);
  const percentBefore = data.percentBefore ?? [];
  const source = asciiDigits(text);
  const figures: Figure[] = [];
  for (const match of source.matchAll(NUMBER)) {
    let value: number;
    if (match[1] !== undefined) {
      const groups = match[2]!;
      const separator = match[3]!;
      const single = groups.length === 4;
      // `1,250` in French, `1.250` in English: one group after the language's decimal sign is a decimal part.
      if (single && separator === decimal && match[4] === undefined) value = Number(`${match[1]}.${groups.slice(1)}`);
      else value = Number(`${match[1]}${groups.replace(/[^\d]/g, '')}${match[5] === undefined ? '' : `.${match[5]}`}`);
    } else value = Number(`${match[6]}${match[8] === undefined ? '' : `.${match[8]}`}`);
    const end = match.index + match[0].length;
    const after = source.slice(end, end + 40);
    const before = source.slice(Math.max(0, match.index - 12), match.index);
    let percent = /^[ \u00a0\u202f]?[%\u066a]/.test(after) || percentBefore.some((word) => before.endsWith(word));
    if (!percent) percent = percentWords.some((word) => word.test(after));
    const multiplier = multipliers.find(([word]) => word.test(after));
    if (multiplier) value *= multiplier[1];
    figures.push({ value, percent, written: text.slice(match.index, end) });
  }
  return figures;
}

/**
 * A word right after a figure, not the start of a longer word of an alphabet (`million`, not
 * `millionaire`); Chinese characters follow one another without a break (`125万人`).
 */
function wordAt(word: string): RegExp {
  return new RegExp(
    `^[ \\u00a0\\u202f]?${escape(word)}(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{Script=Arabic}])`,
    'iu',
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
