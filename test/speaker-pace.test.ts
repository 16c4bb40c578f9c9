/**
 * A speaker's own pace: `speakers:` in the config, where the preview's rehearsal saves it, and its place
 * among the sources of a pace (flag, inline, front matter, the speaker's, config, language).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject, saveSpeakerPace, time, UsageError } from '../src/engine/index.js';
import { runCli } from './helpers/cli.js';
import { GOOD, tempProject } from './helpers/statements.js';

const FRENCH = GOOD.replace('---\n', '---\nlanguage: fr\n');

async function paceOf(project: string, file = 'statements/a.md', flags: { pace?: number } = {}) {
  const result = await time({ cwd: project, patterns: [file], ...flags });
  return result.statements[0]!.pace;
}

describe("a speaker's pace", () => {
  it('times the statements of that speaker, after flag, inline comment and front matter, before the config', async () => {
    const project = tempProject({
      'alliance.config.yaml':
        'pace: 120\nspeakers:\n  Ana Pérez: { pace: 96 }\n  Omar: { pace: { default: 100, fr: 140 } }\n',
      'statements/a.md': GOOD,
      'statements/b.md': GOOD.replace('Ana Pérez', 'Someone Else'),
      'statements/c.md': GOOD.replace('---\n', '---\npace: 105\n'),
      'statements/d.md': GOOD.replace('Thank you, Chair.', '<!-- alliance-set pace=101 -->\n\nThank you, Chair.'),
      'statements/e.md': FRENCH.replace('Ana Pérez', 'Omar'),
      'statements/f.md': GOOD.replace('Ana Pérez', 'Omar'),
    });
    expect(await paceOf(project)).toBe(96);
    expect(await paceOf(project, 'statements/b.md')).toBe(120);
    expect(await paceOf(project, 'statements/c.md')).toBe(105);
    expect(await paceOf(project, 'statements/d.md')).toBe(101);
    expect(await paceOf(project, 'statements/a.md', { pace: 130 })).toBe(130);
    expect(await paceOf(project, 'statements/e.md')).toBe(140);
    expect(await paceOf(project, 'statements/f.md')).toBe(100);
  });

  it("belongs to the language it was measured in: an English pace does not time the speaker's French", async () => {
    const project = tempProject({
      'alliance.config.yaml': 'language: en\npace: 118\nspeakers:\n  Ana Pérez: { pace: 94 }\n',
      'statements/a.md': GOOD,
      'statements/fr.md': FRENCH,
      'statements/long-fr.md': FRENCH.replace(
        'Thank you.\n',
        `${"Nous appelons les États à agir maintenant, sans attendre d'autres rapports. ".repeat(45)}\n\nThank you.\n`,
      ),
    });
    expect(await paceOf(project)).toBe(94);
    // Neither the speaker's English pace nor the config's plain one: the French default.
    expect(await paceOf(project, 'statements/fr.md')).toBe(125);
    const run = await runCli(['check', 'statements/long-fr.md', 'statements/a.md'], { cwd: project });
    expect(run.stdout).toContain('at 125 words a minute (the French default)');
    const english = await runCli(['time', '--format', 'json', 'statements/a.md'], { cwd: project });
    expect(JSON.parse(english.stdout)[0].paceOrigin).toBe("Ana Pérez's pace in English, in the config");
    const measuredInFrench = tempProject({
      'alliance.config.yaml': 'speakers:\n  Ana Pérez: { pace: { fr: 131, default: 120 } }\n',
      'statements/fr.md': FRENCH,
      'statements/es.md': GOOD.replace('---\n', '---\nlanguage: es\n'),
    });
    expect(await paceOf(measuredInFrench, 'statements/fr.md')).toBe(131);
    const spanish = await runCli(['time', '--format', 'json', 'statements/es.md'], { cwd: measuredInFrench });
    expect(JSON.parse(spanish.stdout)[0]).toMatchObject({
      pace: 120,
      paceOrigin: "Ana Pérez's pace for any language, in the config",
    });
  });

  it('is checked like every setting: a wrong key or value names its place', async () => {
    const wrong = tempProject({
      'alliance.config.yaml': 'speakers:\n  Ana Pérez: { pase: 96 }\n',
      'statements/a.md': GOOD,
    });
    const run = await runCli(['time', 'statements/a.md'], { cwd: wrong });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('alliance.config.yaml:2:');
    expect(run.stderr).toContain('Unexpected setting `speakers.Ana Pérez.pase`, did you mean `pace`?');
    const low = tempProject({
      'alliance.config.yaml': 'speakers:\n  Ana Pérez: { pace: 5 }\n',
      'statements/a.md': GOOD,
    });
    expect((await runCli(['time', 'statements/a.md'], { cwd: low })).stderr).toMatch(
      /Expected `speakers.Ana Pérez.pace` to be words per minute/,
    );
  });

  it('is saved into the config, keeping its comments, and then used by `alliance time`', async () => {
    const project = tempProject({
      'alliance.config.yaml': '# Our project.\norganization: Alliance of NGOs # the name\npace: 110\n',
      'statements/a.md': GOOD,
      'statements/fr.md': FRENCH,
    });
    const path = await saveSpeakerPace(await openProject({ cwd: project }), 'Ana Pérez', 'en', 103.6);
    expect(path).toBe(join(project, 'alliance.config.yaml'));
    expect(readFileSync(path, 'utf8')).toBe(
      '# Our project.\norganization: Alliance of NGOs # the name\npace: 110\nspeakers:\n  Ana Pérez:\n    pace: 104\n',
    );
    // Another language: the pace becomes a mapping, the first one under the project's language.
    await saveSpeakerPace(await openProject({ cwd: project }), 'Ana Pérez', 'fr-CH', 131);
    expect(readFileSync(path, 'utf8')).toContain('  Ana Pérez:\n    pace:\n      en: 104\n      fr: 131\n');
    expect(await paceOf(project)).toBe(104);
    expect(await paceOf(project, 'statements/fr.md')).toBe(131);
    const run = await runCli(['time', '--format', 'json', 'statements/a.md'], { cwd: project });
    expect(JSON.parse(run.stdout)[0].pace).toBe(104);
  });

  it('makes the config when the project has none, keeps a JSON config JSON, and refuses what is no pace', async () => {
    const bare = tempProject({ 'statements/a.md': GOOD });
    await saveSpeakerPace(await openProject({ cwd: bare }), 'Ana Pérez', 'en', 98);
    expect(readFileSync(join(bare, 'alliance.config.yaml'), 'utf8')).toBe('speakers:\n  Ana Pérez:\n    pace: 98\n');
    expect(await paceOf(bare)).toBe(98);

    const json = tempProject({
      'alliance.config.json': '{ "organization": "Alliance of NGOs" }\n',
      'statements/a.md': GOOD,
    });
    await saveSpeakerPace(await openProject({ cwd: json }), 'Ana Pérez', 'en', 99);
    expect(JSON.parse(readFileSync(join(json, 'alliance.config.json'), 'utf8'))).toEqual({
      organization: 'Alliance of NGOs',
      speakers: { 'Ana Pérez': { pace: 99 } },
    });

    const opened = await openProject({ cwd: bare });
    await expect(saveSpeakerPace(opened, 'Ana Pérez', 'en', 9_000)).rejects.toThrow(UsageError);
    await expect(saveSpeakerPace(opened, ' ', 'en', 100)).rejects.toThrow(UsageError);
    await expect(saveSpeakerPace(opened, 'Ana Pérez', 'xx', 100)).rejects.toThrow(UsageError);
    expect(readFileSync(join(bare, 'alliance.config.yaml'), 'utf8')).toBe('speakers:\n  Ana Pérez:\n    pace: 98\n');
  });

  it('refuses a name no person has: 100 KB long, or with line breaks or control characters', async () => {
    const project = tempProject({ 'alliance.config.yaml': 'organization: Alliance\n', 'statements/a.md': GOOD });
    const opened = await openProject({ cwd: project });
    for (const name of ['A'.repeat(100_000), 'Ana\nPérez', 'Ana\u001b[2J']) {
      await expect(saveSpeakerPace(opened, name, 'en', 100)).rejects.toThrow(UsageError);
    }
    await expect(saveSpeakerPace(opened, 'A'.repeat(201), 'en', 100)).rejects.toThrow(
      "Expected a speaker's name of at most 200 characters on one line, found 201 characters",
    );
    expect(readFileSync(join(project, 'alliance.config.yaml'), 'utf8')).toBe('organization: Alliance\n');
  });

  it('writes nothing when the config cannot take it', async () => {
    const project = tempProject({ 'alliance.config.yaml': 'speakers: 5\n', 'statements/a.md': GOOD });
    writeFileSync(join(project, 'alliance.config.yaml'), 'organization: Alliance\n');
    const opened = await openProject({ cwd: project });
    writeFileSync(join(project, 'alliance.config.yaml'), 'organization: Alliance\nspeakers: [not, a, mapping]\n');
    await expect(saveSpeakerPace(opened, 'Ana Pérez', 'en', 100)).rejects.toThrow();
    expect(readFileSync(join(project, 'alliance.config.yaml'), 'utf8')).toBe(
      'organization: Alliance\nspeakers: [not, a, mapping]\n',
    );
  });
});
