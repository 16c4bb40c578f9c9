/** `alliance time` as a user runs it: the table, the paragraphs, JSON, overrides, exit codes and --watch. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { runCli } from './helpers/cli.js';
import { output } from './helpers/output.js';
import { tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
const front = (extra = '') =>
  `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana Pérez\norganization: Alliance of NGOs\n${extra}---\n\n`;
const SHORT = `${front()}Thank you, Chair.\n\nThe Alliance of NGOs welcomes the resolution.\n\nThank you.\n`;
const FIGURES =
  'In 2023, 1,250,000 people in 148 countries lost US$ 3.2 billion, up 12.5% from 2019 and 27% since 2015.';
const LONG = `${front('slot: 30s\n')}Thank you, Chair.\n\n${FIGURES}\n\n${FIGURES}\n\nThank you.\n`;

describe('alliance time', () => {
  it('times the example statements within their slots', async () => {
    const run = await runCli(['time'], { cwd: ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /statements\/ahc-5\/international-cooperation\.md +\d+ +\d+ +\d:\d\d +5:00 +\+\d:\d\d +✔ fits/,
    );
    // The two statements and their French and Spanish versions, each at its language's pace.
    expect(run.stdout).toMatch(/statements\/ahc-5\/international-cooperation\.fr\.md +\d+ +\d+ +\d:\d\d +5:00/);
    expect(run.stdout).toContain('6 statements,');
  });

  it('shows a table row per file and exits 1 when a statement runs over its slot', async () => {
    const project = tempProject({ 'statements/long.md': LONG, 'statements/short.md': SHORT });
    const run = await runCli(['time'], { cwd: project });
    expect(run.code).toBe(1);
    const [header, long, short] = run.stdout.split('\n');
    expect(header).toMatch(/^File +Words +Spoken +Time +Slot +Margin +Fit$/);
    expect(long).toMatch(/^statements\/long\.md +43 +85 +0:48 +0:30 +-0:18 +✖ cut about 17 words to fit 0:30$/);
    expect(short).toMatch(/^statements\/short\.md +12 +13 +0:\d\d +3:00 +\+2:\d\d +✔ fits$/);
    expect(run.stdout).toContain('1 over its slot');
  });

  it('--paragraphs shows each paragraph and where the slot runs out', async () => {
    const project = tempProject({ 'statements/long.md': LONG });
    const run = await runCli(['time', '--paragraphs'], { cwd: project });
    const lines = run.stdout.split('\n');
    expect(lines[2]).toMatch(/^ +Line +Words +Spoken +Seconds +At$/);
    expect(lines[3]).toMatch(/^ +9 +3 +3 +\d\.\d +0:0\d$/);
    expect(lines[4]).toMatch(/^ +11 +19 +40 +\d\d\.\d +0:2\d$/);
    expect(lines[5]).toMatch(/^ +13 +19 +40 +\d\d\.\d +0:\d\d +◀ the 0:30 slot ends in this paragraph$/);
  });

  it('--slot and --pace override every statement', async () => {
    const project = tempProject({ 'statements/long.md': LONG });
    const run = await runCli(['time', '--slot', '2m', '--pace', '100', '--format', 'json'], { cwd: project });
    expect(run.code).toBe(0);
    const [entry] = JSON.parse(run.stdout);
    expect(entry).toMatchObject({ slotSeconds: 120, pace: 100 });
  });

  it('--format json prints the timings on stdout alone; a file that cannot be timed has its messages and null seconds', async () => {
    const project = tempProject({
      'statements/a.md': SHORT,
      'statements/b.md': 'No front matter here.\n',
      'statements/c.md': LONG,
    });
    const run = await runCli(['time', '--format', 'json'], { cwd: project });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const entries = JSON.parse(run.stdout);
    expect(entries.map((entry: { filePath: string }) => entry.filePath)).toEqual(
      ['a', 'b', 'c'].map((name) => join(project, `statements/${name}.md`)),
    );
    expect(entries[0]).toMatchObject({
      language: 'en',
      writtenWords: 12,
      spokenWords: 13,
      slotSeconds: 180,
      messages: [],
    });
    expect(entries[0].paragraphs).toHaveLength(3);
    expect(entries[0].paragraphs[0]).toEqual({
      line: 8,
      writtenWords: 3,
      spokenWords: 3,
      seconds: expect.any(Number),
      cumulativeSeconds: expect.any(Number),
    });
    expect(entries[1]).toMatchObject({
      seconds: null,
      paragraphs: [],
      messages: [{ ruleId: 'front-matter', severity: 2, line: 1, column: 1 }],
    });
    expect(entries[2].messages.map((message: { ruleId: string }) => message.ruleId)).toEqual(['speaking-time']);
    expect(entries[2].seconds).toBeGreaterThan(30);
  });

  it('--watch re-times a file when it is saved', async () => {
    const project = tempProject({ 'statements/a.md': SHORT });
    const controller = new AbortController();
    const stdout = output();
    const stderr = output();
    const finished = main(['node', 'alliance', 'time', 'statements', '--watch'], {
      cwd: project,
      env: {},
      stdout,
      stderr,
      signal: controller.signal,
    });
    await stdout.until('1 statement,');
    await stderr.until('Watching');
    writeFileSync(join(project, 'statements/a.md'), LONG);
    await stdout.until('✖ cut about');
    controller.abort();
    expect(await finished).toBe(1);
  });
});

describe('what time and check do with a language or a slot no one means', () => {
  const statement = (language: string) =>
    `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana\norganization: Alliance of NGOs\nlanguage: ${language}\n---\n\nSenhor Presidente,\n\nA Alliance of NGOs agradece 1.250.000 pessoas.\n\nObrigado.\n`;

  it('does not time a statement in a language it does not know: named, exit 1', async () => {
    const project = tempProject({ 'statements/pt.md': statement('pt') });
    const run = await runCli(['time'], { cwd: project });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'cannot be timed: Expected `language` to be a language with phrase lists (`ar`, `en`, `es`, `fr`, `ru` or `zh`), found `pt`',
    );
  });

  it('stops at a misnamed language: the one finding is the language, with the code meant', async () => {
    const project = tempProject({ 'statements/es.md': statement('Spanish') });
    const run = await runCli(['check', '--format', 'json'], { cwd: project });
    const messages = (JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[])[0]!.messages;
    expect(messages.map((message) => message.ruleId)).toEqual(['field-type']);
    expect(messages[0]!.message).toContain('found `Spanish`, did you mean `es`?');
  });

  it('refuses `--slot 3`, three seconds, with the slot meant', async () => {
    const project = tempProject({ 'statements/a.md': statement('en') });
    for (const command of ['check', 'time']) {
      const run = await runCli([command, '--slot', '3'], { cwd: project });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'alliance: Expected `--slot` to be a speaking slot of at least `0:30`, found `0:03`, 3 seconds (did you mean `3m`?)\n',
      );
    }
  });
});
