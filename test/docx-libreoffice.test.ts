/**
 * The DOCX handouts on a desk without Noto: LibreOffice, with only its default fonts, opens the six
 * languages' handouts one after another in one session (as a secretariat does) and lays each out with
 * the fonts the file embeds, on as many pages as the PDF, line for line; so do the speaker's copies and
 * a statement with footnotes. Read back by poppler.
 * Skipped where LibreOffice is not installed, except in CI, which installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertToPdf } from '../src/engine/build/libreoffice.js';
import { runCli } from './helpers/cli.js';
import { ink } from './helpers/documents.js';
import { tempProject } from './helpers/statements.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures/languages');
/** A statement with footnotes, a table, lists and quotes. */
const EVERYTHING = resolve(import.meta.dirname, 'fixtures/build/statements/everything.md');
const LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const;
const hasLibreOffice = spawnSync('soffice', ['--version']).status === 0;
if (!hasLibreOffice && process.env.CI) throw new Error('Expected LibreOffice in CI: .ci/run installs it');
/** The test means something only where the fonts the handouts use are not installed. */
const notoInstalled = spawnSync('fc-list', [':family=Noto Sans'], { encoding: 'utf8' }).stdout.trim() !== '';

const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
const fonts = (pdf: string) =>
  execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]!)
    .filter(Boolean);
/** The lines of text poppler reads, spaces squeezed (or, for Chinese, removed), empty ones left out. */
const lines = (pdf: string, spaces: 'squeeze' | 'remove') =>
  execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => (spaces === 'remove' ? line.replace(/\s+/g, '') : line.replace(/\s+/g, ' ').trim()))
    .filter(Boolean);

describe.skipIf(!hasLibreOffice || notoInstalled)('a DOCX handout in LibreOffice with only its default fonts', () => {
  let project: string;
  let converted: string;

  beforeAll(async () => {
    project = tempProject();
    mkdirSync(join(project, 'statements'));
    for (const language of LANGUAGES)
      copyFileSync(join(FIXTURES, `${language}.md`), join(project, `statements/${language}.md`));
    copyFileSync(EVERYTHING, join(project, 'statements/everything.md'));
    const built = await runCli(['build', '--speaker-copy', '--force', '--concurrency', 'off'], { cwd: project });
    expect(built.code, built.stderr).toBe(0);
    converted = join(project, 'libreoffice');
    // One session for all six, in this order (as `--pdf-engine libreoffice` converts a batch): a font
    // LibreOffice met in one file stays for the next.
    await convertToPdf(
      [...LANGUAGES, 'everything'].flatMap((name) => [
        join(project, `dist/${name}.docx`),
        join(project, `dist/${name}.speaker.docx`),
      ]),
      converted,
      process.env,
    );
  });

  it.each(LANGUAGES)('lays out %s with the fonts the file embeds, on as many pages as the PDF', (language) => {
    const ours = join(project, `dist/${language}.pdf`);
    const theirs = join(converted, `${language}.pdf`);
    expect(pages(theirs)).toBe(pages(ours));
    const used = fonts(theirs);
    expect(used.length).toBeGreaterThan(0);
    // No substitute (DejaVu, Liberation…): every font is a subset of one the DOCX carries.
    expect(
      used.filter(
        (name) => !/^[A-Z]{6}\+(NotoSans|NotoSansMono|NotoSansSC(?:[0-9a-f]{8})?|IBMPlexSansArabic)-/.test(name),
      ),
    ).toEqual([]);
  });

  it.each([...LANGUAGES.map((language) => `${language}.speaker`), 'everything', 'everything.speaker'])(
    'lays out %s on as many pages as the PDF',
    (name) => {
      expect(pages(join(converted, `${name}.pdf`))).toBe(pages(join(project, `dist/${name}.pdf`)));
    },
  );

  it.each(['en', 'fr', 'es', 'ru'] as const)('breaks the lines of the %s body where the PDF does', (language) => {
    const ours = lines(join(project, `dist/${language}.pdf`), 'squeeze');
    const theirs = lines(join(converted, `${language}.pdf`), 'squeeze');
    // From the title on: the header's columns differ (the PDF wraps its long forum line beside the mark).
    const title = /^title: (.+)$/m.exec(readFileSync(join(FIXTURES, `${language}.md`), 'utf8'))![1]!.trim();
    const from = (list: string[]) => list.slice(list.indexOf(title));
    expect(from(ours).length).toBeGreaterThan(5);
    expect(from(theirs)).toEqual(from(ours));
  });

  it('breaks the lines of the Chinese handout where the PDF does', () => {
    expect(lines(join(converted, 'zh.pdf'), 'remove')).toEqual(lines(join(project, 'dist/zh.pdf'), 'remove'));
  });
});

describe.skipIf(!hasLibreOffice || notoInstalled)('two Chinese DOCX handouts in one LibreOffice session', () => {
  it('draws every character of the second, those the first does not use included', async () => {
    const first = readFileSync(join(FIXTURES, 'zh.md'), 'utf8');
    // Characters the fixture does not use: the first handout's subset of Noto Sans SC lacks them.
    const second = first.replace('谢谢。', '麒麟饕餮与鼹鼠蝙蝠。\n\n谢谢。');
    const project = tempProject({ 'statements/a.md': first, 'statements/b.md': second });
    const built = await runCli(['build', '--to', 'docx', '--force', '--concurrency', 'off'], { cwd: project });
    expect(built.code, built.stderr).toBe(0);
    const [a, b] = [join(project, 'dist/a.docx'), join(project, 'dist/b.docx')];
    await convertToPdf([b], join(project, 'alone'), process.env);
    await convertToPdf([a, b], join(project, 'session'), process.env);
    const alone = ink(join(project, 'alone/b.pdf'), 100);
    // Drawn blank, the eight characters left the page about 600 pixels lighter (at 100 dpi).
    expect(alone).toBeGreaterThan(0);
    expect(ink(join(project, 'session/b.pdf'), 100)).toBe(alone);
  });
});
