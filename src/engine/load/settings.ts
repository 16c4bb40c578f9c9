/**
 * What applies to one statement. For the slot the first match wins: command-line flag, inline comment,
 * front matter, the forum's registry entry; the pace is resolved in project/pace.ts.
 */
import { own } from '../../model/own.js';
import type { StatementFields } from '../../model/fields.js';
import type { Settings, Severity, SettingSource } from '../../model/statement.js';
import type { LoadContext } from '../project/context.js';
import type { Directives } from './directives.js';
import { resolvePace } from '../project/pace.js';
import { limits, phrasesFor } from '../project/registry-data.js';

const DEFAULT_TEMPLATE = 'handout';

function firstOf<T>(candidates: [T | undefined, SettingSource][]): [T, SettingSource] | undefined {
  return candidates.find((candidate): candidate is [T, SettingSource] => candidate[0] !== undefined);
}

/** Resolves the settings of a statement from its fields, its inline comments and the run's context. */
export function resolveSettings(fields: StatementFields, directives: Directives, context: LoadContext): Settings {
  const { config, overrides } = context;
  const locale = fields.language ?? config.language ?? 'en';
  const language = locale.toLowerCase().split('-')[0]!;
  const languageRecord = context.languages.get(language) ?? context.languages.get('en')!;
  const forum = fields.forum === undefined ? null : (context.forums.find(fields.forum) ?? null);

  const {
    pace,
    source: paceSource,
    origin: paceOrigin,
  } = resolvePace(
    { language, speaker: fields.speaker, inlinePace: directives.pace, frontMatterPace: fields.pace },
    context,
  );
  const slot = firstOf<number>([
    [overrides.slotSeconds, 'flag'],
    [directives.slotSeconds, 'inline'],
    [fields.slotSeconds, 'front-matter'],
    [forum?.slotSeconds, 'forum'],
  ]);

  const organizations = [
    ...new Set([fields.organization, ...(fields.organizations ?? [])].filter((name): name is string => !!name)),
  ];
  // The project's organization, in the statement's language where the config gives it.
  const projectNames = config.organization ? [config.organization, ...Object.values(config.organizationNames)] : [];
  if (organizations.length === 0 && config.organization)
    organizations.push(own(config.organizationNames, language) ?? config.organization);
  // Any of its names, in any language, names it (a French statement may say "l'Alliance des ONG").
  const speaksForProject = organizations.some((name) => projectNames.includes(name));

  const severities = new Map<string, Severity>(context.ruleDefaults);
  for (const [id, severity] of config.rules) severities.set(id, severity);
  for (const id of directives.disabled) severities.set(id, 'off');

  const thresholds = limits();
  return {
    locale,
    language,
    kind: fields.kind ?? 'oral',
    pace,
    paceSource,
    paceOrigin,
    allowedBrackets: config.allowedBrackets,
    slotSeconds: slot?.[0] ?? null,
    slotSource: slot?.[1] ?? null,
    forum,
    knownForums: context.forums.names(),
    forumNames: context.forums.allNames(),
    organizations,
    organizationAliases: speaksForProject
      ? [...new Set([...config.organizationAliases, ...projectNames])]
      : config.organizationAliases,
    organizationNameKey: speaksForProject && config.path !== null ? `organization.names.${language}` : undefined,
    mark: fields.mark ?? config.mark ?? 'check-against-delivery',
    template: fields.template ?? config.template ?? DEFAULT_TEMPLATE,
    writtenWordCap: config.writtenWordCap ?? thresholds.writtenWordCap,
    marginShare: thresholds.marginShare,
    severities,
    languageRecord,
    phrases: phrasesFor(languageRecord),
    pronunciations: context.pronunciations,
  };
}
