/**
 * Keys that come from users are keys like any other: `__proto__`, `constructor` and `toString` as a
 * speaker, a forum, a front matter field, a pronunciation, a forum's title language, a key of a
 * project's language record or of a template. None changes another object, none ends in an internal
 * error, and each is either used as written or reported with its place.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openProject, saveSpeakerPace, time } from '../src/engine/index.js';
import { runCli } from './helpers/cli.js';
import { GOOD, tempProject } from './helpers/statements.js';

const KEYS = ['__proto__', 'constructor', 'toString'] as const;
const PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();

/** Object.prototype as it was: no key added, none replaced. */
function prototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE);
  expect(({} as Record<string, unknown>).pace).toBeUndefined();
  expect(typeof ({} as { toString: unknown }).toString).toBe('function');
}

describe('keys from users', () => {
  afterEach(prototypeUntouched);

  it.each(KEYS)(
    '%s as a speaker: a pace saved through the Node API, in YAML and JSON, times only that speaker',
    async (key) => {
      for (const config of ['alliance.config.yaml', 'alliance.config.json']) {
        const project = tempProject({
          [config]: config.endsWith('.json')
            ? '{ "organization": "Alliance of NGOs" }\n'
            : 'organization: Alliance of NGOs\n',
          'statements/a.md': GOOD.replace('speaker: Ana Pérez', `speaker: "${key}"`),
          'statements/b.md': GOOD,
        });
        await saveSpeakerPace(await openProject({ cwd: project }), key, 'en', 40);
        const saved = readFileSync(join(project, config), 'utf8');
        expect(saved).toContain(key);
        const result = await time({ cwd: project });
        const pace = Object.fromEntries(result.statements.map((entry) => [entry.path.split('/').at(-1), entry.pace]));
        expect(pace).toEqual({ 'a.md': 40, 'b.md': 110 });
        prototypeUntouched();
      }
    },
  );

  it.each(KEYS)(
    '%s as a forum, a field, a pronunciation and a title language: checked, reported where wrong',
    async (key) => {
      const project = tempProject({
        'alliance.config.yaml': `organization: Alliance of NGOs\npronunciations:\n  ${key}: letters\nforums:\n  ${key}:\n    name: A forum\n    officer: chair\n    title: { ${key}: Chair, en: Chair }\n    slot: 3m\nspeakers:\n  ${key}: { pace: { ${key}: 100 } }\n`,
        'statements/a.md': GOOD.replace('forum: CCPCJ', `forum: "${key}"\n${key}: 5`),
      });
      const run = await runCli(['check', 'statements/a.md'], { cwd: project });
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/alliance\.config\.yaml:\d+:\d+: Expected/);
    },
  );

  it.each(KEYS)('%s as a forum and a field in a valid project: the forum is found, the field reported', async (key) => {
    const project = tempProject({
      'alliance.config.yaml': `organization: Alliance of NGOs\nforums:\n  ${key}:\n    name: A forum\n    officer: chair\n    slot: 3m\n`,
      'statements/a.md': GOOD.replace('forum: CCPCJ', `forum: "${key}"\n${key}: 5`),
    });
    const run = await runCli(['check', 'statements/a.md', '--format', 'json'], { cwd: project });
    expect(run.stderr).toBe('');
    const messages = JSON.parse(run.stdout)[0].messages as { ruleId: string; message: string }[];
    expect(messages.map((message) => message.ruleId)).toEqual(['unknown-field']);
    expect(messages[0]!.message).toContain(`\`${key}\``);
  });

  it.each(KEYS)('%s as a key of a project language record, and of a template: reported with its place', async (key) => {
    const project = tempProject({
      'alliance.config.yaml': 'organization: Alliance of NGOs\n',
      'languages/en.yaml': `${key}: 5\n`,
      'statements/a.md': GOOD,
    });
    const run = await runCli(['check', 'statements/a.md'], { cwd: project });
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toContain(`languages/en.yaml:1:1: Unexpected key \`${key}\``);
    expect(run.code).toBe(2);
    const template = tempProject({
      'alliance.config.yaml': 'organization: Alliance of NGOs\n',
      'templates/handout.yaml': `${key}: 5\n`,
      'statements/a.md': GOOD,
    });
    const build = await runCli(['build', 'statements/a.md', '--to', 'docx'], { cwd: template });
    expect(build.stderr + build.stdout).not.toContain('internal error');
    expect(build.stdout).toContain(`Unexpected template setting \`${key}\``);
  });
});
