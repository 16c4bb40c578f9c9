/** Small helpers to quote values in messages ("found `3 mins`", "found a list"). */

const MAX_QUOTED = 40;

/** Quotes a value for a message: scalars in backticks (shortened), lists and mappings by kind. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return quote(String(value));
}

/** Wraps text in backticks, shortened with an ellipsis past 40 characters and on one line. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const short = flat.length > MAX_QUOTED ? `${flat.slice(0, MAX_QUOTED - 1)}…` : flat;
  return `\`${short.replace(/`/g, 'ˋ')}\``;
}

/** Joins quoted names as "`a`, `b` or `c`". */
export function listOr(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
