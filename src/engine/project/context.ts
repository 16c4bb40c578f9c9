/** Everything the loader needs besides the file: config, forums, field parsers, rule defaults, flags. */
import type { FieldContext } from '../../model/fields.js';
import type { ForumRegistry } from '../../model/forum.js';
import type { LanguageRecord } from '../../model/language.js';
import type { Severity } from '../../model/statement.js';
import { rules } from '../../rules/index.js';
import { resolve } from 'node:path';
import { dirname } from 'node:path';
import { defaultConfig, findConfigFile, loadConfig, type Config } from './config.js';
import { projectLanguages } from './languages.js';
import { builtInPronunciations } from '../../timing/spoken.js';
import { fieldContext, forumRegistry } from './registry-data.js';

/** Settings given on the command line, which win over everything else. */
export interface Overrides {
  pace?: number;
  slotSeconds?: number;
}

/** The context statements are loaded in, made once per run. */
export interface LoadContext {
  config: Config;
  forums: ForumRegistry;
  /** The languages: built-in records with the project's own over them. */
  languages: ReadonlyMap<string, LanguageRecord>;
  fields: FieldContext;
  ruleIds: readonly string[];
  ruleDefaults: ReadonlyMap<string, Severity>;
  overrides: Overrides;
  /** Acronym pronunciations: the built-in list with the config's entries over it. */
  pronunciations: ReadonlyMap<string, string>;
}

/** Builds the load context from a config (already loaded) and command-line overrides. */
export function createContext(
  config: Config,
  overrides: Overrides = {},
  languages = projectLanguages(config.dir),
): LoadContext {
  return {
    config,
    forums: forumRegistry(config),
    languages,
    fields: fieldContext(languages),
    ruleIds: rules.map((rule) => rule.id),
    ruleDefaults: new Map(rules.map((rule) => [rule.id, rule.severity])),
    overrides,
    pronunciations: new Map([...Object.entries(builtInPronunciations()), ...Object.entries(config.pronunciations)]),
  };
}

/**
 * Loads the config that applies in `cwd` and builds the context: the config file found upward when
 * `configPath` is undefined, the file given, or none at all when it is null.
 */
export function contextFor(cwd: string, overrides: Overrides = {}, configPath?: string | null): LoadContext {
  // The project's languages come first: the config's `language` is checked against them.
  const configFile =
    configPath === null ? null : configPath === undefined ? findConfigFile(cwd) : resolve(cwd, configPath);
  const languages = projectLanguages(configFile ? dirname(configFile) : resolve(cwd));
  const fields = fieldContext(languages);
  const config =
    configPath === null
      ? defaultConfig(resolve(cwd))
      : loadConfig(cwd, { ruleIds: rules.map((rule) => rule.id), fields }, configPath);
  return createContext(config, overrides, languages);
}
