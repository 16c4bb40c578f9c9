/**
 * Nothing in a statement speaks for CI: GitHub Actions reads `##[command]` anywhere in a line of a
 * step's log and `::command::` at its start. Names, fields and text from statements are printed by
 * every human report (and the annotations) with both forms broken; Markdown outputs escape what they print.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { GOOD, tempProject } from './helpers/statements.js';

/** A line that a GitHub runner would read as a command. */
const COMMAND_LINE = /##\[|^::/m;

function hostileProject(): string {
  return tempProject({
    'statements/##[error file=README.md;line=1]All statements rejected.md': GOOD.replace('Thank you, Chair.\n\n', ''),
    'statements/::warning::fake.md': GOOD.replace('Thank you, Chair.', '##[add-mask]secret Thank you, Chair.'),
    'statements/speaker.md': GOOD.replace('speaker: Ana Pérez', 'speaker: "##[stop-commands]tok"').replace(
      'Thank you.\n',
      'TODO ::set-output name=x::y\n',
    ),
    'statements/back`tick<b>.md': GOOD.replace(
      'forum: CCPCJ',
      'forum: "[x](javascript:alert(1)) <img src=x onerror=alert(1)>"',
    ),
  });
}

describe('reports a CI log shows', () => {
  for (const args of [
    ['check'],
    ['time'],
    ['time', '--paragraphs'],
    ['list'],
    ['build', '--to', 'pdf', '--force'],
    ['check', '--format', 'github'],
  ]) {
    it(`alliance ${args.join(' ')}: no line a runner reads as a command`, async () => {
      const run = await runCli(args, { cwd: hostileProject() });
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(run.stdout).not.toMatch(args.includes('github') ? /##\[/ : COMMAND_LINE);
      expect(run.stderr).not.toMatch(COMMAND_LINE);
      // What was broken is still there for a person to read.
      expect(run.stdout).toContain('#\\u{23}[');
    });
  }

  it('annotations start with their own command only', async () => {
    const run = await runCli(['check', '--format', 'github'], { cwd: hostileProject() });
    for (const line of run.stdout.split('\n').filter((entry) => entry.startsWith('::')))
      expect(line).toMatch(/^::(error|warning) file=/);
  });

  it('the step summary and the Markdown inventory escape what they print: no HTML, links or broken code spans', async () => {
    const project = hostileProject();
    const summary = join(project, 'summary.md');
    writeFileSync(summary, '');
    await runCli(['check', '--format', 'github'], { cwd: project, env: { GITHUB_STEP_SUMMARY: summary } });
    const markdown = (await runCli(['list', '--format', 'markdown'], { cwd: project })).stdout;
    for (const text of [readFileSync(summary, 'utf8'), markdown]) {
      // Outside code spans, no `<` or `](` that is not escaped: no HTML and no link can come from a statement.
      const outsideCode = text.replace(/(`+)[\s\S]*?\1/g, '');
      expect(outsideCode).not.toMatch(/(?<!\\)<|(?<!\\)\]\(/);
      expect(text).not.toContain('##[');
    }
    expect(readFileSync(summary, 'utf8')).toContain('``statements/back`tick<b>.md``');
  });

  it('a backslash in a file name is shown as it is', async () => {
    const project = tempProject({ 'statements/back\\slash.md': GOOD.replace('Thank you, Chair.\n\n', '') });
    const run = await runCli(['check'], { cwd: project });
    expect(run.stdout).toContain('statements/back\\slash.md');
    const github = await runCli(['check', '--format', 'github'], { cwd: project });
    expect(github.stdout).toContain('file=statements/back\\slash.md');
  });

  it('every format, machines’ too, neutralizes line breaks, escapes and bidirectional controls from a statement', async () => {
    const project = tempProject({
      'statements/new\n::error file=x::line.md': GOOD.replace('Thank you, Chair.\n\n', ''),
      'statements/controls.md': GOOD.replace(
        'speaker: Ana Pérez',
        'speaker: "Ana\\e[2J\\rPérez\\u2028::warning::x \\u200e\\u200fRLM"',
      ).replace('Thank you.\n', 'TODO ##[error]x\n'),
    });
    // eslint-disable-next-line no-control-regex -- control characters are what it finds
    const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029\u200e\u200f]/;
    for (const args of [
      ['list'],
      ['list', '--format', 'csv'],
      ['list', '--format', 'json'],
      ['time', '--format', 'json'],
      ['check', '--format', 'json'],
      ['check', '--format', 'sarif'],
    ]) {
      const run = await runCli(args, { cwd: project });
      expect(run.stdout, args.join(' ')).not.toMatch(COMMAND_LINE);
      expect(run.stdout.replace(/\r\n/g, '\n'), args.join(' ')).not.toMatch(UNSAFE);
      // JSON reads back as the values themselves.
      if (args.includes('json') && args[0] === 'list') {
        const speakers = (JSON.parse(run.stdout) as { statements: { speaker: string | null }[] }).statements.map(
          (statement) => statement.speaker,
        );
        expect(speakers).toContain('Ana\u001b[2J\rPérez\u2028::warning::x \u200e\u200fRLM');
      }
    }
    const csv = (await runCli(['list', '--format', 'csv'], { cwd: project })).stdout;
    // One line per statement, and the header.
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(3);
    expect(csv).toContain('Ana\\u{1B}[2J\\u{D}Pérez\\u{2028}:\\u{3A}warning:\\u{3A}x \\u{200E}\\u{200F}RLM');
  });
});
