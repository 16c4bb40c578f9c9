/**
 * Reads the data files that ship beside this module (phrase lists, forums, thresholds). They are
 * YAML parsed with the core schema, so nothing in them is executed, and each is read once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const cache = new Map<string, unknown>();

/** Parses the data file at `name` (relative to src/data), once per process. */
export function loadData<T>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    const text = readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
    value = parse(text, { version: '1.2', schema: 'core' }) as unknown;
    cache.set(name, value);
  }
  return value as T;
}

/** Lists the YAML files of a folder of src/data by name without extension (`phrases` → `en`, `es`, `fr`). */
export function listData(folder: string): string[] {
  return readdirSync(new URL(`./${folder}/`, import.meta.url))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}
