/** Small helpers to quote values in messages ("found `3 mins`", "found a list"). */

const MAX_QUOTED = 40;

/** Quotes a value for a message: scalars in backticks (shortened), lists and mappings by kind. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects are described above; what is left is a scalar
  return quote(String(value));
}

/**
 * Control characters (C0, DEL, C1), the bidirectional controls and marks that reorder what is shown
 * (embeddings, overrides, isolates, LRM, RLM, ALM) and the line and paragraph separators: in text from
 * a statement printed to a terminal or a CI log, they could move the cursor, clear or start lines, or
 * hide and reorder words, so that a report says something other than what it found.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
export const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** `text` with each control character written out as `\u{…}`, so that it shows instead of acting. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => `\\u{${character.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** Text for a one-line setting (a front matter or config value): line breaks and control characters made spaces, trimmed; undefined when nothing is left. */
export function singleLine(value: string | undefined): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const text = value?.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** Wraps text in backticks, shortened with an ellipsis past 40 characters, on one line, controls written out. */
export function quote(text: string): string {
  const flat = printable(text.replace(/\s+/g, ' '));
  const short = flat.length > MAX_QUOTED ? `${flat.slice(0, MAX_QUOTED - 1)}…` : flat;
  return `\`${short.replace(/`/g, 'ˋ')}\``;
}

/** Joins quoted names as "`a`, `b` or `c`". */
export function listOr(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
