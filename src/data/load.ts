/**
 * Reads the data files that ship beside this module (phrase lists, forums, thresholds). They are
 * YAML parsed with the core schema, so nothing in them is executed, and each is read once. The
 * compiled package carries a JSON twin of each (written by `compile.ts` at build), read instead: it
 * parses several times faster, and every command reads these files at start.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from './libraries.js';

const cache = new Map<string, unknown>();

/** Parses the data file at `name` (relative to src/data), once per process. */
export function loadData<T>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    value =
      readTwin(name) ??
      (parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'), {
        version: '1.2',
        schema: 'core',
      }) as unknown);
    cache.set(name, value);
  }
  return value as T;
}

/** The JSON twin of a YAML data file, or undefined where there is none (running from the sources). */
function readTwin(name: string): unknown {
  if (!name.endsWith('.yaml')) return undefined;
  let text;
  try {
    text = readFileSync(new URL(`./${name.slice(0, -'.yaml'.length)}.json`, import.meta.url), 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as unknown;
}

/** Lists the YAML files of a folder of src/data by name without extension (`phrases` → `en`, `es`, `fr`). */
export function listData(folder: string): string[] {
  return readdirSync(new URL(`./${folder}/`, import.meta.url))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}
