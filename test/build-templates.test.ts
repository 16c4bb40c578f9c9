/** `alliance build` with a project's templates: their own fonts embedded, sizes and margins checked, a template that cannot be read. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxParts } from './helpers/documents.js';
import { runCli } from './helpers/cli.js';
import { GOOD, tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');

async function build(project: string, ...args: string[]) {
  return runCli(['build', ...args], { cwd: project, env: { SOURCE_DATE_EPOCH: undefined } });
}

describe('templates', () => {
  it('may bring their own TrueType fonts, embedded in the PDF; a damaged font file is a template error naming it', async () => {
    const serif = (weight: string) =>
      readFileSync(join(ROOT, `node_modules/@expo-google-fonts/noto-serif/${weight}/NotoSerif_${weight}.ttf`));
    const project = tempProject({
      'statements/a.md': GOOD,
      'templates/fonts/Brand-Light.ttf': serif('300Light'),
      'templates/fonts/Brand-Black.ttf': serif('900Black'),
      'templates/handout.yaml':
        'fonts:\n  body: { family: Brand, regular: fonts/Brand-Light.ttf, bold: fonts/Brand-Black.ttf }\n',
    });
    expect((await build(project, '--to', 'pdf')).code).toBe(0);
    const pdf = readFileSync(join(project, 'dist/a.pdf'), 'latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerif-Light/);
    writeFileSync(join(project, 'templates/fonts/Brand-Black.ttf'), Buffer.from('not a font at all'));
    const damaged = await build(project, '--to', 'pdf', '--rebuild');
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toMatch(
      /error +Expected a usable handout template, found an error: Expected a TrueType or OpenType font at `fonts\/Brand-Black\.ttf`, found a file that cannot be read as one/,
    );
  });

  it('are refused with sizes or margins that leave no handout (type from 4 to 96 pt, room for text)', async () => {
    const cases: [string, RegExp][] = [
      [
        'margins:\n  left: 400\n  right: 400\n',
        /Expected left and right margins that leave at least 144 pt of text across, found 800 pt of 595/,
      ],
      ['margins:\n  top: 12in\n', /Expected top and bottom margins that leave at least 144 pt of text down, found/],
      ['sizes:\n  body: 0\n', /Expected `sizes.body` to be from 4 to 96 pt, found `0`/],
      ['sizes:\n  headings: [14, 500]\n', /Expected `sizes.headings.1` to be from 4 to 96 pt, found `500`/],
      ['paragraphSpacing: 2in\n', /Expected `paragraphSpacing` to be at most 96 pt, found `2in`/],
    ];
    for (const [template, reason] of cases) {
      const project = tempProject({ 'statements/a.md': GOOD, 'templates/handout.yaml': template });
      const run = await build(project, '--to', 'docx');
      expect(run.code, template).toBe(1);
      expect(run.stdout).toMatch(reason);
    }
  });

  it('that cannot be read (a pipe) stop the statements that use them, with the reason, and never hang', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    mkdirSync(join(project, 'templates'));
    execFileSync('mkfifo', [join(project, 'templates/handout.yaml')]);
    const run = await build(project, '--to', 'docx');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /error +Expected a usable handout template, found an error: Expected a file, found something else \(a pipe, socket or device\)/,
    );
  });

  it('are picked by name, only inside templates/, and may change only what they need', async () => {
    const project = tempProject({
      'statements/a.md': GOOD.replace('forum: CCPCJ\n', 'forum: CCPCJ\ntemplate: formal\n'),
      'templates/formal.yaml': 'fonts:\n  body: Noto Serif\nheader:\n  lines: ["{organization} — {forumName}"]\n',
    });
    expect((await build(project)).code).toBe(0);
    const header = Object.entries(docxParts(readFileSync(join(project, 'dist/a.docx')))).find(([name]) =>
      /header\d*\.xml$/.test(name),
    )![1];
    expect(header).toContain('Alliance of NGOs — Commission on Crime Prevention and Criminal Justice');
    expect(docxParts(readFileSync(join(project, 'dist/a.docx')))['word/styles.xml']).toContain('w:ascii="Noto Serif"');
  });

  it('report a broken template on the statements that use it', async () => {
    const project = tempProject({
      'statements/a.md': GOOD,
      'templates/handout.yaml': 'colours:\n  accent: blue\n',
    });
    const run = await build(project);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Expected `colours.accent` to be a colour `#rrggbb`, found `blue`');
    expect(run.stdout).toContain('templates/handout.yaml:2:3');
    rmSync(join(project, 'templates/handout.yaml'));
    expect((await build(project)).code).toBe(0);
  });

  it('take keys and placeholders named like object built-ins as any other: reported or left empty', async () => {
    const project = tempProject({
      'statements/a.md': GOOD,
      'templates/handout.yaml': '__proto__:\n  paper: Letter\n',
    });
    const run = await build(project);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Unexpected template setting `__proto__`');
    writeFileSync(join(project, 'templates/handout.yaml'), 'header:\n  lines: ["{constructor}{organization}"]\n');
    expect((await build(project)).code).toBe(0);
    const header = Object.entries(docxParts(readFileSync(join(project, 'dist/a.docx')))).find(([name]) =>
      /header\d*\.xml$/.test(name),
    )![1];
    expect(header).toContain('>Alliance of NGOs<');
    expect(header).not.toContain('function');
  });
});
