/**
 * The languages of a project: the built-in records (src/data/languages/<tag>.yaml) and the project's
 * own (`languages/<tag>.yaml` beside its config), each a whole record or changes to a built-in one. A
 * new language's record gives what it has; what it leaves out is taken from English. Project files
 * are read like every project file (regular files, bounded) and their mistakes are reported with a
 * place, as config errors.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { listData, loadData } from '../../data/load.js';
import type { LanguageRecord } from '../../model/language.js';
import { ConfigError } from '../io/errors.js';
import { MAX_YAML_FILE_BYTES, ReadRefusal, readRegularText } from '../io/read.js';

/** The folder of a project's own language records, beside its config. */
export const PROJECT_LANGUAGES = 'languages';

const TAG = /^[a-z]{2,3}$/;
const DIRECTIONS = ['ltr', 'rtl'];
const SCRIPTS = ['latin', 'cyrillic', 'greek', 'arabic', 'hebrew', 'han'];
const UNITS = ['words', 'characters'];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `over` merged into `base`: objects key by key, anything else replaced. */
function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = merge(base[key], value);
  return merged;
}

/** The built-in records by tag. */
export function builtInLanguages(): Map<string, LanguageRecord> {
  return new Map(listData('languages').map((tag) => [tag, loadData<LanguageRecord>(`languages/${tag}.yaml`)]));
}

/** Reads, checks and merges one project language file over the built-in record (or English, for a new language). */
function projectRecord(path: string, tag: string, builtIn: ReadonlyMap<string, LanguageRecord>): LanguageRecord {
  let text: string;
  try {
    text = readRegularText(path, MAX_YAML_FILE_BYTES);
  } catch (error) {
    const reason =
      error instanceof ReadRefusal
        ? error.message
        : `Expected a readable file, found an error: \`${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\``;
    throw new ConfigError(path, 1, 1, reason);
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { version: '1.2', schema: 'core', lineCounter: lines, uniqueKeys: true });
  const fail = (reason: string, offset = 0): never => {
    const place = lines.linePos(offset);
    throw new ConfigError(path, place.line, place.col, reason);
  };
  const [first] = document.errors;
  if (first) fail(`Expected a YAML mapping, found an error: ${first.message.split('\n')[0]}`, first.pos[0]);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return fail(`Expected a language file without excessive aliases, found an error: ${(error as Error).message}`);
  }
  if (!isObject(value))
    return fail('Expected a mapping of the language (tag, names, direction, …), found something else');
  const at = (key: string) => {
    const node = document.get(key, true) as { range?: [number, number, number] } | undefined;
    return node?.range?.[0] ?? 0;
  };
  if (value.tag !== undefined && value.tag !== tag)
    fail(`Expected \`tag\` to be \`${tag}\`, as the file is named, found \`${JSON.stringify(value.tag)}\``, at('tag'));
  const checks: [string, (entry: unknown) => boolean, string][] = [
    ['direction', (entry) => DIRECTIONS.includes(entry as string), `one of ${DIRECTIONS.join(', ')}`],
    ['script', (entry) => SCRIPTS.includes(entry as string), `one of ${SCRIPTS.join(', ')}`],
    ['unit', (entry) => UNITS.includes(entry as string), `one of ${UNITS.join(', ')}`],
    ['pace', (entry) => typeof entry === 'number' && entry >= 20 && entry <= 400, 'a number from 20 to 400'],
    ['names', (entry) => Array.isArray(entry) && entry.every((name) => typeof name === 'string'), 'a list of names'],
    ['listSeparator', (entry) => typeof entry === 'string', 'text'],
    ['labels', isObject, 'a mapping'],
    ['phrases', isObject, 'a mapping'],
    ['speech', isObject, 'a mapping'],
  ];
  for (const [key, valid, expected] of checks) {
    if (value[key] !== undefined && !valid(value[key]))
      fail(`Expected \`${key}\` to be ${expected}, found \`${JSON.stringify(value[key])}\``, at(key));
  }
  const base = builtIn.get(tag) ?? { ...builtIn.get('en')!, names: [] };
  return merge(base, { ...value, tag }) as LanguageRecord;
}

/** The languages of the project in `projectDir` (null: the built-in ones alone). */
export function projectLanguages(projectDir: string | null): Map<string, LanguageRecord> {
  const languages = builtInLanguages();
  if (projectDir === null) return languages;
  const folder = join(projectDir, PROJECT_LANGUAGES);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'));
  } catch {
    return languages;
  }
  for (const name of names.sort()) {
    const tag = name.replace(/\.ya?ml$/, '');
    if (!TAG.test(tag))
      throw new ConfigError(
        join(folder, name),
        1,
        1,
        `Expected a language file named by its primary subtag (\`pt.yaml\`), found \`${name}\``,
      );
    languages.set(tag, projectRecord(join(folder, name), tag, languages));
  }
  return languages;
}
