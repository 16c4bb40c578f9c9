/**
 * The installation's data, read from src/data: the languages that have phrase lists, the forum
 * registry, paces and thresholds. Built once per run and merged with the config file.
 */
import { listData, loadData } from '../../data/load.js';
import { parseDurationSeconds } from '../../model/duration.js';
import type { FieldContext } from '../../model/fields.js';
import { ForumRegistry, type Forum, type Officer } from '../../model/forum.js';
import { normalizePhrase, type AddressTarget, type Phrases } from '../../model/phrases.js';
import type { Config } from './config.js';

interface RawPhrases {
  language: string;
  names?: string[];
  preambles?: string[];
  conjunctions?: string[];
  addresses?: Partial<Record<AddressTarget, string[]>>;
  closings?: string[];
  abbreviations?: string[];
}

interface RawForum {
  name: string;
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
}

/** Pace per language, from src/data/pace.yaml. */
export interface PaceTable {
  default: number;
  languages: Record<string, number>;
}

/** The languages that have phrase lists (`en`, `es`, `fr`, …). */
export function knownLanguages(): string[] {
  return listData('phrases');
}

/** What the front matter parsers need: known languages and language names. */
export function fieldContext(): FieldContext {
  const languages = knownLanguages();
  const names = new Map<string, string>();
  for (const language of languages) {
    for (const name of loadData<RawPhrases>(`phrases/${language}.yaml`).names ?? []) names.set(name.toLowerCase(), language);
  }
  return { knownLanguages: languages, languageNames: names };
}

const phraseCache = new Map<string, Phrases>();

/** The normalized phrase lists of a language (`en` when the language has none). */
export function phrasesFor(language: string): Phrases {
  const known = knownLanguages().includes(language) ? language : 'en';
  let phrases = phraseCache.get(known);
  if (!phrases) {
    const raw = loadData<RawPhrases>(`phrases/${known}.yaml`);
    const normalizeAll = (list: string[] | undefined) => (list ?? []).map(normalizePhrase).sort((a, b) => b.length - a.length);
    const addresses: Phrases['addresses'] = [];
    for (const [target, list] of Object.entries(raw.addresses ?? {}) as [AddressTarget, string[]][]) {
      for (const phrase of list) addresses.push({ phrase: normalizePhrase(phrase), target });
    }
    addresses.sort((a, b) => b.phrase.length - a.phrase.length);
    phrases = {
      language: known,
      preambles: normalizeAll(raw.preambles),
      conjunctions: normalizeAll(raw.conjunctions),
      addresses,
      closings: normalizeAll(raw.closings),
      abbreviations: raw.abbreviations ?? [],
      stageDirections: stageDirections(),
    };
    phraseCache.set(known, phrases);
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

/** The default pace per language. */
export function paceTable(): PaceTable {
  return loadData<PaceTable>('pace.yaml');
}
