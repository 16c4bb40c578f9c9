/**
 * The installation's data, read from src/data: the languages, the forum registry, paces and
 * thresholds. Built once per run and merged with the config file.
 */
import { loadData } from '../../data/load.js';
import { parseDurationSeconds } from '../../model/duration.js';
import type { FieldContext } from '../../model/fields.js';
import { ForumRegistry, type Forum, type Officer } from '../../model/forum.js';
import type { LanguageRecord } from '../../model/language.js';
import { normalizePhrase, type AddressTarget, type Phrases } from '../../model/phrases.js';
import type { Config } from './config.js';
import { builtInLanguages } from './languages.js';

interface RawForum {
  name: string;
  names?: Record<string, string>;
  aliases?: string[];
  officer?: Officer;
  title?: Record<string, string>;
  slot?: string | number;
}

/** Thresholds of the rules, from src/data/limits.yaml. */
export interface Limits {
  marginShare: number;
  writtenWordCap: number;
  suggestionDistance: number;
  maxSpeakerNameCharacters: number;
}

/** The languages known to the built-in data (`en`, `es`, `fr`, …). */
export function knownLanguages(): string[] {
  return [...builtInLanguages().keys()];
}

/** What the front matter parsers need: the known languages and their names (built-in ones by default). */
export function fieldContext(languages: ReadonlyMap<string, LanguageRecord> = builtInLanguages()): FieldContext {
  const names = new Map<string, string>();
  for (const record of languages.values()) for (const name of record.names) names.set(name.toLowerCase(), record.tag);
  return { knownLanguages: [...languages.keys()].sort(), languageNames: names };
}

const phraseCache = new WeakMap<LanguageRecord, Phrases>();

/** The normalized phrase lists of a language's record. */
export function phrasesFor(record: LanguageRecord): Phrases {
  let phrases = phraseCache.get(record);
  if (!phrases) {
    const raw = record.phrases;
    const normalizeAll = (list: string[] | undefined) =>
      (list ?? []).map(normalizePhrase).sort((a, b) => b.length - a.length);
    const addresses: Phrases['addresses'] = [];
    for (const [target, list] of Object.entries(raw.addresses ?? {}) as [AddressTarget, string[]][]) {
      for (const phrase of list ?? []) addresses.push({ phrase: normalizePhrase(phrase), target });
    }
    addresses.sort((a, b) => b.phrase.length - a.phrase.length);
    phrases = {
      language: record.tag,
      preambles: normalizeAll(raw.preambles),
      conjunctions: normalizeAll(raw.conjunctions),
      addresses,
      courtesyBefore: normalizeAll(raw.courtesy?.before),
      courtesyAfter: normalizeAll(raw.courtesy?.after),
      greetings: normalizeAll(raw.greetings),
      floor: normalizeAll(raw.floor),
      closings: normalizeAll(raw.closings),
      introductions: normalizeAll(raw.introductions),
      abbreviations: raw.abbreviations ?? [],
      placeholders: raw.placeholders ?? [],
      editorial: new Set((raw.editorial ?? []).map((mark) => mark.toLowerCase())),
      stageDirections: stageDirections(),
    };
    phraseCache.set(record, phrases);
  }
  return phrases;
}

/** Stage directions by lower-case name, with the pause each adds in seconds. */
export function stageDirections(): ReadonlyMap<string, number> {
  const raw = loadData<Record<string, { pauseSeconds?: number } | null>>('stage-directions.yaml');
  return new Map(Object.entries(raw).map(([name, entry]) => [name.toLowerCase(), entry?.pauseSeconds ?? 0]));
}

/** The built-in forums merged with those the config adds or overrides. */
export function forumRegistry(config: Config): ForumRegistry {
  const raw = loadData<Record<string, RawForum>>('forums.yaml');
  const forums: Forum[] = Object.entries(raw).map(([id, entry]) => ({
    id,
    name: entry.name,
    names: entry.names ?? {},
    aliases: entry.aliases ?? [],
    officer: entry.officer,
    title: entry.title ?? {},
    slotSeconds: entry.slot === undefined ? undefined : parseDurationSeconds(entry.slot),
  }));
  const builtIn = new ForumRegistry(forums);
  for (const override of config.forums) {
    const existing = builtIn.find(override.id);
    const base: Forum = existing ? { ...existing } : { id: override.id, name: override.id, aliases: [], title: {} };
    const merged: Forum = {
      ...base,
      name: override.name ?? base.name,
      // A name the config gives replaces the built-in ones in every language.
      names: override.name === undefined ? base.names : {},
      aliases: [...base.aliases, ...(override.aliases ?? [])],
      officer: override.officer ?? base.officer,
      title: { ...base.title, ...override.title },
      slotSeconds: override.slotSeconds ?? base.slotSeconds,
    };
    const index = forums.findIndex((forum) => forum.id === merged.id);
    if (index === -1) forums.push(merged);
    else forums[index] = merged;
  }
  return new ForumRegistry(forums);
}

/** Thresholds of the rules. */
export function limits(): Limits {
  return loadData<Limits>('limits.yaml');
}
