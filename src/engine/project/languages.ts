/**
 * The languages of a project: the built-in records (src/data/languages/<tag>.yaml) and the project's
 * own (`languages/<tag>.yaml` beside its config), each a whole record or additions to a built-in one:
 * mappings are merged key by key, and lists are added to the built-in lists (an organization's own
 * closings, greetings or honorifics), except those the file names under `replace:` (`phrases.closings`),
 * which it replaces. A new language's record gives what it has; what it leaves out is taken from
 * English. A project file is checked against the shape of the built-in records (and
 * src/data/schemas/language.schema.json says the same for editors); its mistakes are config errors
 * with their line and column.
 */
import { dictionary, own } from '../../model/own.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'yaml';
import { isMap, isScalar, LineCounter, parseDocument } from '../../data/libraries.js';
import { listData, loadData } from '../../data/load.js';
import type { LanguageRecord } from '../../model/language.js';
import { nodeCrypto } from '../io/builtins.js';
import { ConfigError } from '../io/errors.js';
import { MAX_YAML_FILE_BYTES, ReadRefusal, readRegularText } from '../io/read.js';

/** The folder of a project's own language records, beside its config. */
export const PROJECT_LANGUAGES = 'languages';

const TAG = /^[a-z]{2,3}$/;

/** Values a key may only take. */
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  direction: ['ltr', 'rtl'],
  script: ['latin', 'cyrillic', 'greek', 'arabic', 'hebrew', 'han'],
  unit: ['words', 'characters'],
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `over` merged into `base`: mappings key by key, lists added to (unless their path is in `replaced`), anything else replaced. */
function merge(base: unknown, over: unknown, replaced: ReadonlySet<string>, path = ''): unknown {
  if (Array.isArray(base) && Array.isArray(over) && !replaced.has(path))
    return [...new Set([...(base as unknown[]), ...(over as unknown[])])];
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  // Keys come from a project's file: `constructor` or `__proto__` is a key like any other.
  const merged: Json = Object.assign(dictionary<unknown>(), base);
  for (const [key, value] of Object.entries(over)) {
    merged[key] = merge(own(base, key), value, replaced, path ? `${path}.${key}` : key);
  }
  return merged;
}

/** The paths of every list in a record (`phrases.closings`, `names`). */
function listPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return [path];
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, entry]) => listPaths(entry, path ? `${path}.${key}` : key));
}

/** The built-in records by tag. */
export function builtInLanguages(): Map<string, LanguageRecord> {
  return new Map(listData('languages').map((tag) => [tag, loadData<LanguageRecord>(`languages/${tag}.yaml`)]));
}

function kindOf(value: unknown): string {
  return Array.isArray(value)
    ? 'a list'
    : isObject(value)
      ? 'a mapping'
      : typeof value === 'string'
        ? 'text'
        : typeof value === 'number'
          ? 'a number'
          : typeof value === 'boolean'
            ? 'true or false'
            : 'nothing';
}

/**
 * The first place where `value` departs from the shape of `model` (the English record, with the keys
 * of every built-in one): an unknown key, a value of another kind, a value not among the choices.
 */
function shapeProblem(value: unknown, model: unknown, path: string[]): { path: string[]; reason: string } | undefined {
  const name = path.join('.');
  const choices = path.length === 1 ? own(CHOICES, name) : undefined;
  if (choices && !choices.includes(value as string)) {
    return {
      path,
      reason: `Expected \`${name}\` to be one of ${choices.join(', ')}, found \`${JSON.stringify(value)}\``,
    };
  }
  if (model === undefined) return undefined;
  if (kindOf(value) !== kindOf(model))
    return { path, reason: `Expected \`${name}\` to be ${kindOf(model)}, found ${kindOf(value)}` };
  if (Array.isArray(value) && Array.isArray(model) && model.length > 0) {
    const index = value.findIndex((item) => kindOf(item) !== kindOf(model[0]));
    if (index !== -1)
      return {
        path: [...path, String(index)],
        reason: `Expected each entry of \`${name}\` to be ${kindOf(model[0])}, found ${kindOf(value[index])}`,
      };
  }
  if (isObject(value) && isObject(model)) {
    // Mappings of words (letters, symbols, currencies…) take any key; the others only the known ones.
    const open =
      Object.keys(model).length === 0 ||
      Object.values(model).every((entry) => typeof entry === 'string') ||
      name === 'phrases.addresses';
    for (const [key, entry] of Object.entries(value)) {
      if (!Object.hasOwn(model, key) && !open)
        return {
          path: [...path, key],
          reason: `Unexpected key \`${[...path, key].join('.')}\`, expected one of ${Object.keys(model)
            .map((known) => `\`${known}\``)
            .join(', ')}`,
        };
      const problem = shapeProblem(entry, own(model, key) ?? (open ? Object.values(model)[0] : undefined), [
        ...path,
        key,
      ]);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The model a project record is checked against: English, with the keys any built-in record has. */
function recordModel(builtIn: ReadonlyMap<string, LanguageRecord>): Json {
  let model: unknown = {};
  for (const record of builtIn.values()) model = merge(model, record, new Set(listPaths(record)));
  return { ...(model as Json), replace: ['phrases.closings'] };
}

/** The offset of the value at `path` in the document (of its key, with `key`), for a message's place. */
function offsetOf(document: Document.Parsed, path: string[], key = false): number {
  if (key && path.length > 0) {
    const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
    const pair = isMap(parent)
      ? parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1))
      : undefined;
    const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    if (range) return range[0];
  }
  for (let length = path.length; length > 0; length -= 1) {
    const node = document.getIn(
      path.slice(0, length).map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      true,
    ) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return 0;
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
    return fail('Expected a mapping of the language (names, direction, phrases, …), found something else');
  if (value.tag !== undefined && value.tag !== tag) {
    fail(
      `Expected \`tag\` to be \`${tag}\`, as the file is named, found \`${JSON.stringify(value.tag)}\``,
      offsetOf(document, ['tag']),
    );
  }
  const problem = shapeProblem(value, recordModel(builtIn), []);
  if (problem) fail(problem.reason, offsetOf(document, problem.path, problem.reason.startsWith('Unexpected key')));
  if (typeof value.pace === 'number' && (value.pace < 20 || value.pace > 400)) {
    fail(`Expected \`pace\` to be from 20 to 400, found \`${value.pace}\``, offsetOf(document, ['pace']));
  }
  const { replace, ...changes } = value;
  const known = builtIn.get(tag);
  const base = known ?? { ...builtIn.get('en')!, names: [] };
  // A new language replaces English's lists; a built-in one is added to, but for what `replace` names.
  const replaced = new Set(known ? ((replace as string[] | undefined) ?? []) : listPaths(base));
  return merge(base, { ...changes, tag }, replaced) as LanguageRecord;
}

/** A hash of each project's language files, for the caches (what they change, changes results). */
const hashes = new WeakMap<ReadonlyMap<string, LanguageRecord>, string>();

/** The hash of the project's language files behind `languages` (`''` when it has none). */
export function languagesHash(languages: ReadonlyMap<string, LanguageRecord>): string {
  return hashes.get(languages) ?? '';
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
  const builtIn = new Map(languages);
  const hash = nodeCrypto().createHash('sha256');
  for (const name of names.sort()) {
    const tag = name.replace(/\.ya?ml$/, '');
    if (!TAG.test(tag)) {
      throw new ConfigError(
        join(folder, name),
        1,
        1,
        `Expected a language file named by its primary subtag (\`pt.yaml\`), found \`${name}\``,
      );
    }
    const record = projectRecord(join(folder, name), tag, builtIn);
    languages.set(tag, record);
    hash.update(name).update('\0').update(JSON.stringify(record)).update('\0');
  }
  if (names.length > 0) hashes.set(languages, hash.digest('hex').slice(0, 16));
  return languages;
}
