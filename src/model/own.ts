/**
 * Lookups in data records by keys that come from users (words of a statement, settings, placeholders).
 * A plain object answers `constructor`, `valueOf` or `__proto__` from `Object.prototype`; these answer only
 * what the record itself holds.
 */

/** A record for keys that come from users: no prototype, so `__proto__` or `constructor` is a key like any other. */
export function dictionary<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** The value `record` holds under `key` itself, never one inherited from `Object.prototype`. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
