/**
 * A session's number as the UN writes it in each language, for the handout's header: "Thirty-fourth
 * session", "trente-quatrième session", "34º período de sesiones", "الدورة الرابعة والثلاثون",
 * "第三十四届会议", "Тридцать четвертая сессия"; after a comma, "…Justice, thirty-fourth session".
 * How is data: the language's `session` record (the number package's ordinal, its endings changed for
 * the noun's gender, or a table of ordinals) and its `session` label.
 */
import type { LanguageRecord } from '../../model/language.js';
import { cardinalWords, ordinalWords, withNumberPrefixes } from '../../timing/numbers.js';

/** The ordinal of `value` (1–99) from a table: units, teens, tens, and units joined to tens. */
function fromTable(
  value: number,
  table: NonNullable<NonNullable<LanguageRecord['session']>['table']>,
): string | undefined {
  if (value >= 1 && value <= 10) return table.units[value - 1];
  if (value >= 11 && value <= 19) return table.teens[value - 11];
  const tens = table.tens[Math.floor(value / 10) - 2];
  if (value < 20 || value > 99 || tens === undefined) return undefined;
  const unit = value % 10;
  return unit === 0 ? tens : `${table.compounds[unit - 1] ?? ''}${table.joiner}${tens}`;
}

/**
 * The session label as it stands in a header line: capitalized at the start of the line where the
 * language capitalizes it there ("Thirty-fourth session"), as written after a comma ("…Justice,
 * thirty-fourth session").
 */
export function sessionAt(label: string, lineStart: boolean, record: LanguageRecord): string {
  if (!lineStart || !record.session?.capitalize) return label;
  return label.charAt(0).toLocaleUpperCase(record.tag) + label.slice(1);
}

/** The words a session label fills in: `session` (the digits), `sessionOrdinal` and `sessionNumber`. */
export function sessionWords(session: string, record: LanguageRecord): Record<string, string> {
  const words: Record<string, string> = { session };
  if (!/^\d{1,4}$/.test(session)) return words;
  const value = Number(session);
  const rules = record.session ?? {};
  const locale = record.speech.numberLocale;
  let ordinal = rules.table ? fromTable(value, rules.table) : undefined;
  if (ordinal === undefined) {
    ordinal = ordinalWords(session, locale);
    const last = ordinal.split(' ').at(-1) ?? '';
    for (const [ending, replacement] of Object.entries(rules.endings ?? {})) {
      if (last.endsWith(ending)) {
        ordinal = ordinal.slice(0, ordinal.length - ending.length) + replacement;
        break;
      }
    }
  }
  words.sessionOrdinal = ordinal;
  words.sessionNumber = withNumberPrefixes(cardinalWords(session, locale), record.speech.numberPrefixes);
  return words;
}
