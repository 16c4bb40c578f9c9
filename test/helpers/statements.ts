/** Loading statements for tests, in a default context or one built from a config. */
import { cpSync, mkdtempSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createContext, type Overrides } from '../../src/engine/project/context.js';
import { defaultConfig, type Config } from '../../src/engine/project/config.js';
import { parseStatement } from '../../src/engine/load/load.js';
import { runRules } from '../../src/engine/check/run-rules.js';
import type { Statement } from '../../src/model/statement.js';

/** Parses `text` as a statement in the default context (or with `config` and `overrides`). */
export function statementOf(
  text: string | Uint8Array,
  options: { config?: Partial<Config>; overrides?: Overrides; path?: string } = {},
): Statement {
  const config = { ...defaultConfig('/project'), ...options.config };
  return parseStatement(options.path ?? '/project/statements/test.md', text, createContext(config, options.overrides));
}

/** The messages of checking `text`, as `line:column rule-id` strings. */
export function findings(text: string | Uint8Array, options: Parameters<typeof statementOf>[1] = {}): string[] {
  return runRules(statementOf(text, options)).messages.map(
    (message) => `${message.line}:${message.column} ${message.ruleId}`,
  );
}

/** The rule ids reported on `text`. */
export function ruleIds(text: string | Uint8Array, options: Parameters<typeof statementOf>[1] = {}): string[] {
  return runRules(statementOf(text, options)).messages.map((message) => message.ruleId ?? '');
}

/** Makes a temporary folder holding `files` (path → content) and returns its path. */
export function tempProject(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'alliance-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A project of handouts to build: the build fixture (images, config), the example statements, and the
 * language fixtures of `languages` under `statements/languages/`.
 */
export function handoutProject(languages: readonly string[]): string {
  const project = tempProject();
  cpSync(join(ROOT, 'test/fixtures/build'), project, { recursive: true });
  for (const language of languages)
    cpSync(join(ROOT, `test/fixtures/languages/${language}.md`), join(project, `statements/languages/${language}.md`));
  cpSync(join(ROOT, 'statements'), join(project, 'statements'), { recursive: true });
  return project;
}

/** The files under `folder` whose names match `pattern`, relative to it, sorted. */
export function filesIn(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => pattern.test(name))
    .sort();
}

/** A valid front matter block for fixtures. */
export const FRONT = '---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana Pérez\norganization: Alliance of NGOs\n---\n';

/** A statement that passes every rule. */
export const GOOD = `${FRONT}\nThank you, Chair.\n\nThe Alliance of NGOs welcomes the resolution.\n\nThank you.\n`;
