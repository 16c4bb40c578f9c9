/**
 * The config file, `alliance.config.yaml` (or `.yml`, `.json`), found from the working directory
 * upward. It is data only, parsed as YAML 1.2 core (JSON is a subset): it never runs code. A wrong
 * config is a `ConfigError` naming the file, line and column, which ends the run with exit code 2.
 */
import { dictionary } from '../../model/own.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Node as YamlNode, Pair } from 'yaml';
import { isMap, isScalar, isSeq } from '../../data/libraries.js';
import { parseProjectYaml } from './yaml-document.js';
import { nodeCrypto } from '../io/builtins.js';
import { describeValue, listOr, quote } from '../../model/describe.js';
import {
  parseLanguage,
  parseMark,
  parsePace,
  parseSlot,
  parseTemplate,
  type FieldContext,
  type FieldResult,
  type Mark,
} from '../../model/fields.js';
import type { Officer } from '../../model/forum.js';
import type { Severity } from '../../model/statement.js';
import { didYouMean } from '../../model/suggest.js';
import { ConfigError } from '../io/errors.js';
import { MAX_YAML_FILE_BYTES, readProjectText } from '../io/read.js';
import { own } from '../../model/own.js';

/** The names a config file may have, in the order they are looked for. */
export const CONFIG_NAMES = ['alliance.config.yaml', 'alliance.config.yml', 'alliance.config.json'] as const;

/** A forum as a config file adds or overrides it: every field optional. */
export interface ForumOverride {
  id: string;
  name?: string;
  aliases?: string[];
  officer?: Officer;
  title?: Record<string, string>;
  slotSeconds?: number;
}

/**
 * A pace as the config gives it: a plain number, for the project's language only (a pace belongs to
 * the language it was measured in); per language; and `default`, for any language without its own.
 */
export interface PaceSettings {
  pace?: number;
  defaultPace?: number;
  paceByLanguage: Record<string, number>;
}

/** What the config knows of one speaker: their pace, in the project's language and per language. */
export type SpeakerSettings = PaceSettings;

/** The settings of a config file, typed; every field optional but the lists. */
export interface Config {
  /** The config file, or null when none was found (defaults apply). */
  path: string | null;
  /** The project folder: where the config file is, or the working directory. */
  dir: string;
  organization?: string;
  organizationAliases: string[];
  /** The organization's name in other languages, by language (`organization.names`). */
  organizationNames: Record<string, string>;
  /** Text a project allows in square brackets, lower case, without the brackets (`placeholders.allow`). */
  allowedBrackets: string[];
  language?: string;
  /** Words (or characters) a minute: plain for the project's language, per language, and a `default` for the rest. */
  pace?: number;
  defaultPace?: number;
  paceByLanguage: Record<string, number>;
  /** Speakers' own paces, measured in rehearsal: by the name their statements give as `speaker`. */
  speakers: Record<string, SpeakerSettings>;
  forums: ForumOverride[];
  rules: Map<string, Severity>;
  writtenWordCap?: number;
  mark?: Mark;
  template?: string;
  /** The copies `alliance build` makes: the handout, and the speaker's copy. */
  copies?: ('handout' | 'speaker')[];
  /** Paper of the handouts, over the template's. */
  paper?: 'A4' | 'Letter';
  /** Acronym → how it is said: `letters`, `word`, or the words a speaker says. */
  pronunciations: Record<string, string>;
  /** Globs of the statements checked when no path is given, relative to `dir`. */
  statements: string[];
  /** A hash of the file's text, for caches. */
  hash: string;
}

/** What a config's values are checked against. */
export interface ConfigContext {
  ruleIds: readonly string[];
  fields: FieldContext;
}

const DEFAULT_STATEMENTS = ['statements/**/*.md'];

/** The config of a folder with no config file. */
export function defaultConfig(dir: string): Config {
  return {
    path: null,
    dir,
    organizationAliases: [],
    organizationNames: dictionary(),
    allowedBrackets: [],
    paceByLanguage: dictionary(),
    speakers: dictionary(),
    forums: [],
    pronunciations: dictionary(),
    rules: new Map(),
    statements: DEFAULT_STATEMENTS,
    hash: 'none',
  };
}

/** Finds the config file in `cwd` or the nearest folder above it; throws when a folder holds two. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    // Anything but a folder by a config file's name is the config (a pipe or a device is then reported, not passed over).
    const found = CONFIG_NAMES.map((name) => join(dir, name)).filter(
      (path) => existsSync(path) && !statSync(path).isDirectory(),
    );
    if (found.length > 1) {
      throw new ConfigError(
        found[1]!,
        1,
        1,
        `Expected one config file in \`${dir}\`, found ${listOr(found.map((path) => path.slice(dir.length + 1)))}`,
      );
    }
    if (found[0]) return found[0];
    if (dirname(dir) === dir) return undefined;
  }
}

/** Loads the config that applies in `cwd` (or the file given), or the defaults when there is none. */
export function loadConfig(cwd: string, context: ConfigContext, explicitPath?: string): Config {
  const path = explicitPath === undefined ? findConfigFile(cwd) : resolve(cwd, explicitPath);
  if (path === undefined) return defaultConfig(resolve(cwd));
  return parseConfig(readProjectText(path, 'config file', MAX_YAML_FILE_BYTES), path, context);
}

type Report = (node: YamlNode | Pair | null | undefined, reason: string) => never;

/** Parses and validates the text of a config file. */
export function parseConfig(text: string, path: string, context: ConfigContext): Config {
  const { document, fail } = parseProjectYaml(text.replace(/^\uFEFF/, ''), path);
  const report: Report = (node, reason) => {
    const range =
      node && 'range' in node ? node.range : node && 'key' in node ? (node.key as YamlNode | null)?.range : undefined;
    return fail(range?.[0] ?? 0, reason);
  };
  const firstError = document.errors[0];
  if (firstError) fail(firstError.pos[0], `Expected valid YAML or JSON, found an error: ${firstError.message}`);
  try {
    document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail(0, `Expected a config without excessive aliases, found an error: ${(error as Error).message}`);
  }

  const config = defaultConfig(dirname(path));
  config.path = path;
  config.hash = nodeCrypto().createHash('sha256').update(text).digest('hex').slice(0, 16);
  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return config;
  if (!isMap(contents))
    return report(
      contents,
      `Expected the config to be a mapping of settings, found ${isSeq(contents) ? 'a list' : 'a value'}`,
    );

  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value as YamlNode | null;
    const read = own(KEYS, key);
    if (!read) report(pair, `Unexpected setting ${quote(key)}${didYouMean(key, Object.keys(KEYS))}`);
    else read(config, value, report, context);
  }
  return config;
}

type KeyReader = (config: Config, node: YamlNode | null, report: Report, context: ConfigContext) => void;

function plain(node: YamlNode | null): unknown {
  return node === null ? null : node.toJSON();
}

function text(node: YamlNode | null, report: Report, name: string): string {
  const value = plain(node);
  if (typeof value !== 'string' || value.trim() === '')
    report(node, `Expected \`${name}\` to be text, found ${describeValue(value)}`);
  return value.trim();
}

function textList(node: YamlNode | null, report: Report, name: string): string[] {
  if (!isSeq(node)) return [text(node, report, name)];
  return node.items.map((item) => text(item as YamlNode, report, name));
}

function positiveNumber(node: YamlNode | null, report: Report, name: string): number {
  const value = plain(node);
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    report(node, `Expected \`${name}\` to be a positive number, found ${describeValue(value)}`);
  return value;
}

function mapping(node: YamlNode | null, report: Report, name: string) {
  if (!isMap(node)) return report(node, `Expected \`${name}\` to be a mapping, found ${describeValue(plain(node))}`);
  return node.items.map((pair) => ({
    key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
    value: pair.value as YamlNode | null,
    pair,
  }));
}

/** Runs a front matter field's parser on a config value, reporting its reason under the config's name. */
function field<T>(node: YamlNode | null, report: Report, result: FieldResult<T>, fieldName: string, name: string): T {
  if (!result.ok) report(node, result.reason.replace(`\`${fieldName}\``, `\`${name}\``));
  return (result as { value: T }).value;
}

function language(node: YamlNode | null, report: Report, context: ConfigContext, name: string): string {
  return field(node, report, parseLanguage(plain(node), context.fields), 'language', name);
}

const SEVERITIES: Record<string, Severity> = { off: 'off', warn: 'warning', warning: 'warning', error: 'error' };
const OFFICERS: readonly Officer[] = ['chair', 'president'];
const FORUM_KEYS = ['name', 'aliases', 'officer', 'title', 'slot'];

const KEYS: Record<string, KeyReader> = {
  organization(config, node, report, context) {
    if (isMap(node)) {
      for (const { key, value, pair } of mapping(node, report, 'organization')) {
        if (key === 'name') config.organization = text(value, report, 'organization.name');
        else if (key === 'aliases') config.organizationAliases = textList(value, report, 'organization.aliases');
        else if (key === 'names')
          for (const entry of mapping(value, report, 'organization.names'))
            config.organizationNames[
              language(value === null ? null : valueKey(value, entry.key), report, context, 'organization.names')
                .toLowerCase()
                .split('-')[0]!
            ] = text(entry.value, report, `organization.names.${entry.key}`);
        else
          report(
            pair,
            `Unexpected setting ${quote(`organization.${key}`)}${didYouMean(key, ['name', 'aliases', 'names'])}`,
          );
      }
      if (config.organization === undefined) report(node, 'Expected `organization.name`, found none');
    } else {
      config.organization = text(node, report, 'organization');
    }
  },
  language(config, node, report, context) {
    config.language = language(node, report, context, 'language');
  },
  pace(config, node, report, context) {
    readPace(config, node, report, context, 'pace');
  },
  speakers(config, node, report, context) {
    for (const { key, value } of mapping(node, report, 'speakers')) {
      const speaker: SpeakerSettings = { paceByLanguage: dictionary() };
      for (const entry of mapping(value, report, `speakers.${key}`)) {
        if (entry.key === 'pace') readPace(speaker, entry.value, report, context, `speakers.${key}.pace`);
        else
          report(
            entry.pair,
            `Unexpected setting ${quote(`speakers.${key}.${entry.key}`)}${didYouMean(entry.key, ['pace'])}`,
          );
      }
      config.speakers[key.trim()] = speaker;
    }
  },
  forums(config, node, report) {
    for (const { key, value } of mapping(node, report, 'forums')) {
      const forum: ForumOverride = { id: key };
      for (const entry of mapping(value, report, `forums.${key}`)) {
        const name = `forums.${key}.${entry.key}`;
        if (entry.key === 'name') forum.name = text(entry.value, report, name);
        else if (entry.key === 'aliases') forum.aliases = textList(entry.value, report, name);
        else if (entry.key === 'officer') {
          const officer = text(entry.value, report, name).toLowerCase() as Officer;
          if (!OFFICERS.includes(officer))
            report(entry.value, `Expected \`${name}\` to be ${listOr(OFFICERS)}, found ${quote(officer)}`);
          forum.officer = officer;
        } else if (entry.key === 'title') {
          forum.title = dictionary();
          for (const title of mapping(entry.value, report, name))
            forum.title[title.key] = text(title.value, report, `${name}.${title.key}`);
        } else if (entry.key === 'slot') {
          forum.slotSeconds = field(entry.value, report, parseSlot(plain(entry.value)), 'slot', name);
        } else report(entry.pair, `Unexpected setting ${quote(name)}${didYouMean(entry.key, FORUM_KEYS)}`);
      }
      config.forums.push(forum);
    }
  },
  rules(config, node, report, context) {
    for (const { key, value, pair } of mapping(node, report, 'rules')) {
      if (!context.ruleIds.includes(key))
        report(pair, `Unexpected rule ${quote(key)}${didYouMean(key, context.ruleIds)}`);
      const severity = own(SEVERITIES, String(plain(value)).toLowerCase());
      if (severity === undefined)
        report(
          value ?? pair,
          `Expected the severity of \`${key}\` to be \`off\`, \`warn\` or \`error\`, found ${describeValue(plain(value))}`,
        );
      config.rules.set(key, severity!);
    }
  },
  writtenWordCap(config, node, report) {
    config.writtenWordCap = positiveNumber(node, report, 'writtenWordCap');
  },
  mark(config, node, report) {
    config.mark = field(node, report, parseMark(plain(node)), 'mark', 'mark');
  },
  template(config, node, report) {
    config.template = field(node, report, parseTemplate(plain(node)), 'template', 'template');
  },
  copies(config, node, report) {
    const copies = textList(node, report, 'copies');
    for (const copy of copies)
      if (copy !== 'handout' && copy !== 'speaker')
        report(node, `Expected \`copies\` to list \`handout\` and \`speaker\`, found ${quote(copy)}`);
    config.copies = copies as Config['copies'];
  },
  paper(config, node, report) {
    const paper = text(node, report, 'paper');
    const known = paper.toLowerCase() === 'a4' ? 'A4' : paper.toLowerCase() === 'letter' ? 'Letter' : undefined;
    if (!known) report(node, `Expected \`paper\` to be \`A4\` or \`Letter\`, found ${quote(paper)}`);
    config.paper = known;
  },
  placeholders(config, node, report) {
    for (const { key, value, pair } of mapping(node, report, 'placeholders')) {
      if (key === 'allow')
        config.allowedBrackets = textList(value, report, 'placeholders.allow').map((text) =>
          text
            .trim()
            .replace(/^\[(.*)\]$/s, '$1')
            .trim()
            .toLowerCase(),
        );
      else report(pair, `Unexpected setting ${quote(`placeholders.${key}`)}${didYouMean(key, ['allow'])}`);
    }
  },
  pronunciations(config, node, report) {
    for (const { key, value } of mapping(node, report, 'pronunciations'))
      config.pronunciations[key] = text(value, report, `pronunciations.${key}`);
  },
  statements(config, node, report) {
    config.statements = textList(node, report, 'statements');
    // A config can come with a pull request: its globs may not reach out of the project folder.
    for (const pattern of config.statements) {
      if (
        isAbsolute(pattern) ||
        /^[a-z]:/i.test(pattern) ||
        pattern.startsWith('~') ||
        pattern.split(/[\\/]/).includes('..')
      ) {
        report(node, `Expected \`statements\` to hold globs inside the project folder, found ${quote(pattern)}`);
      }
    }
  },
};

/** A pace: one number (the project's language), or a mapping by language with an optional `default` (the others). */
function readPace(
  target: PaceSettings,
  node: YamlNode | null,
  report: Report,
  context: ConfigContext,
  name: string,
): void {
  const check = (value: YamlNode | null, at: string): number =>
    field(value, report, parsePace(plain(value)), 'pace', at);
  if (!isMap(node)) {
    target.pace = check(node, name);
    return;
  }
  for (const { key, value } of mapping(node, report, name)) {
    if (key === 'default') target.defaultPace = check(value, `${name}.default`);
    else target.paceByLanguage[language(valueKey(node, key), report, context, name)] = check(value, `${name}.${key}`);
  }
}

function valueKey(node: YamlNode, key: string): YamlNode | null {
  if (!isMap(node)) return null;
  const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return (pair?.key as YamlNode | undefined) ?? null;
}
