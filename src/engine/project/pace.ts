/**
 * The pace a statement is timed at, where it came from, and that origin in words for messages: the one
 * resolver, read by every statement's settings and by `alliance new` (its guidance on how many words
 * fit). The first match wins: command-line flag, inline comment, front matter, the speaker's measured
 * pace, config file, the language's default. A pace belongs to the language it was measured in: a
 * plain number in the config is the project's language's, a language's own comes first, and `default`
 * serves the languages that have none.
 */
import type { SettingSource } from '../../model/statement.js';
import { own } from '../../model/own.js';
import type { PaceSettings } from './config.js';
import type { LoadContext } from './context.js';

/** What a statement itself says of its pace. */
export interface PaceInput {
  /** The primary language subtag (`fr`). */
  language: string;
  speaker?: string;
  inlinePace?: number;
  frontMatterPace?: number;
}

/** A resolved pace: words (or characters) a minute, its source, and that source as a message says it. */
export interface ResolvedPace {
  pace: number;
  source: SettingSource;
  origin: string;
}

/** The pace `settings` give `language`, and whether it is the language's own (not `default`). */
function paceIn(
  settings: PaceSettings | undefined,
  language: string,
  projectLanguage: string,
): { pace: number; own: boolean } | undefined {
  if (settings === undefined) return undefined;
  const pace = settings.paceByLanguage[language] ?? (language === projectLanguage ? settings.pace : undefined);
  if (pace !== undefined) return { pace, own: true };
  return settings.defaultPace === undefined ? undefined : { pace: settings.defaultPace, own: false };
}

/** The pace of a statement in `language` (words, or characters, a minute), its source, and where it came from. */
export function resolvePace(input: PaceInput, context: LoadContext): ResolvedPace {
  const { config, overrides } = context;
  const record = context.languages.get(input.language) ?? context.languages.get('en')!;
  const languageName = record.names[0] ?? input.language;
  const projectLanguage = (config.language ?? 'en').toLowerCase().split('-')[0]!;
  const speakerName = input.speaker?.trim();
  const speaker = paceIn(
    speakerName === undefined ? undefined : own(config.speakers, speakerName),
    input.language,
    projectLanguage,
  );
  const configured = paceIn(config, input.language, projectLanguage);
  const candidates: [number | undefined, SettingSource, () => string][] = [
    [overrides.pace, 'flag', () => 'the pace given for every statement'],
    [input.inlinePace, 'inline', () => 'the inline `alliance-set pace`'],
    [input.frontMatterPace, 'front-matter', () => 'the `pace` field'],
    [
      speaker?.pace,
      'speaker',
      () => `${speakerName}'s pace ${speaker!.own ? `in ${languageName}` : 'for any language'}, in the config`,
    ],
    [
      configured?.pace,
      'config',
      () => `the config's pace ${configured!.own ? `in ${languageName}` : 'for any language'}`,
    ],
    [record.pace, 'language', () => `the ${languageName} default`],
  ];
  const [pace, source, origin] = candidates.find(
    (candidate): candidate is [number, SettingSource, () => string] => candidate[0] !== undefined,
  )!;
  return { pace, source, origin: origin() };
}
