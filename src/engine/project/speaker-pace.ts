/**
 * Saving a speaker's measured pace in the config (`speakers: { "Ana Pérez": { pace: 104 } }`), the one
 * project setting the preview writes. The file keeps its comments and order (YAML is edited as a
 * document; a JSON config stays JSON), the result is parsed before it is written, and the write is atomic.
 */
import { join } from 'node:path';
import { isMap, isScalar, parseDocument, stringify } from '../../data/libraries.js';
import { ConfigError } from '../io/errors.js';
import { readProjectText, MAX_YAML_FILE_BYTES } from '../io/read.js';
import { createFileAtomicSync, writeFileAtomicSync } from '../io/write-atomic.js';
import { CONFIG_NAMES, parseConfig, type Config, type ConfigContext } from './config.js';

/** Sets `key` of `record` as its own property, whatever the key (`__proto__` too). */
function ownProperty(record: object, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The project's language, whose pace a plain number is (`en`). */
function projectLanguageOf(config: Config): string {
  return (config.language ?? 'en').toLowerCase().split('-')[0]!;
}

/** Where a measured pace goes: the speaker's plain `pace` in the project's language, else `pace.<language>`. */
function pacePath(config: Config, speaker: string, language: string, existing: unknown): (string | number)[] {
  const projectLanguage = projectLanguageOf(config);
  const plain = existing === undefined || typeof existing === 'number' || typeof existing === 'string';
  return language === projectLanguage && plain
    ? ['speakers', speaker, 'pace']
    : ['speakers', speaker, 'pace', language];
}

/** The config's text with the speaker's pace set; an existing plain pace (the project's language's) is kept under that language. */
function withPace(
  text: string,
  json: boolean,
  config: Config,
  speaker: string,
  language: string,
  pace: number,
): string {
  if (json) {
    const data = (text.trim() === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
    // The speaker's name is a key like any other (`__proto__` included): looked up and set as the
    // object's own property, never through its prototype.
    if (!Object.hasOwn(data, 'speakers')) ownProperty(data, 'speakers', {});
    const speakers = data.speakers as Record<string, Record<string, unknown>>;
    if (!Object.hasOwn(speakers, speaker)) ownProperty(speakers, speaker, {});
    const entry = speakers[speaker]!;
    const path = pacePath(config, speaker, language, entry.pace);
    if (path.length === 3) entry.pace = pace;
    else
      entry.pace = {
        ...(typeof entry.pace === 'object'
          ? entry.pace
          : entry.pace === undefined
            ? {}
            : { [projectLanguageOf(config)]: entry.pace }),
        [language]: pace,
      };
    return `${JSON.stringify(data, null, 2)}\n`;
  }
  const document = parseDocument(text, { version: '1.2', schema: 'core' });
  // A config with no settings yet (empty, or comments only) gets the entry written after its text.
  if (document.contents === null || (isScalar(document.contents) && document.contents.value === null))
    return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${stringify({ speakers: { [speaker]: { pace } } })}`;
  const existing: unknown = document.getIn(['speakers', speaker, 'pace']);
  const existingValue = isScalar(existing) ? existing.value : existing;
  const path = pacePath(config, speaker, language, isMap(existing) ? {} : existingValue);
  if (path.length === 4 && existingValue !== undefined && !isMap(existing))
    document.setIn(['speakers', speaker, 'pace'], document.createNode({ [projectLanguageOf(config)]: existingValue }));
  document.setIn(path, pace);
  return document.toString({ lineWidth: 0 });
}

/**
 * Sets a speaker's pace (words or characters a minute, in `language`) in the config, making
 * `alliance.config.yaml` when the project has none; returns the config file's path.
 */
export function saveSpeakerPace(
  config: Config,
  context: ConfigContext,
  speaker: string,
  language: string,
  pace: number,
): string {
  const path = config.path ?? join(config.dir, CONFIG_NAMES[0]);
  const text = config.path === null ? '' : readProjectText(path, 'config file', MAX_YAML_FILE_BYTES);
  // The config as it is now must be one every command reads (it may have changed since it was opened):
  // its mistake is reported where it is, and nothing is written.
  if (config.path !== null) parseConfig(text, path, context);
  const next = withPace(text, path.endsWith('.json'), config, speaker.trim(), language, Math.round(pace));
  // What is written must be a config every command reads: within its bound, parsed first; a failure writes nothing.
  if (Buffer.byteLength(next) > MAX_YAML_FILE_BYTES)
    throw new ConfigError(
      path,
      1,
      1,
      `Expected the config file to stay under ${MAX_YAML_FILE_BYTES / 1024} KB with the pace saved, found it would not: nothing was written`,
    );
  parseConfig(next, path, context);
  if (config.path === null) {
    try {
      createFileAtomicSync(path, next);
    } catch (error) {
      throw new ConfigError(
        path,
        1,
        1,
        `Expected to create the config file, found \`${(error as NodeJS.ErrnoException).code ?? String(error)}\``,
      );
    }
  } else writeFileAtomicSync(path, next);
  return path;
}
