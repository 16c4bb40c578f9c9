/**
 * The PDF's text layer, read back by poppler (pdftotext) and pdf.js: Arabic-Indic figures in their
 * order, brackets as in the source, and every handout the same whether built alone or in a batch.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { pdfContent } from './helpers/documents.js';
import { tempProject } from './helpers/statements.js';

const LANGUAGES = resolve(import.meta.dirname, 'fixtures/languages');
const ARABIC_FIGURES = `---
forum: CCPCJ
session: 34
speaker: ليلى حسن
organization: تحالف المنظمات غير الحكومية
language: ar
---

السيد الرئيس،

في عام ٢٠٢٣، كان ١٬٢٥٠٬٠٠٠ شخص ضحايا، ولم يتلق المساعدة سوى ١٢٫٥٪ منهم سنوياً للاحتجاز (مقارنة بالعام الماضي).

شكراً.
`;

/** The text poppler reads from a PDF, bidirectional marks removed. */
function poppler(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
}

describe('the text layer of an Arabic handout', () => {
  it('holds Arabic-Indic figures in their order (poppler and pdf.js)', async () => {
    const project = tempProject({ 'statements/ar.md': ARABIC_FIGURES });
    expect((await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const pdf = join(project, 'dist/ar.pdf');
    const text = poppler(pdf);
    const js = (await pdfContent(readFileSync(pdf))).pages.join(' ');
    for (const figure of ['٢٠٢٣', '١٬٢٥٠٬٠٠٠', '١٢٫٥']) {
      expect(text).toContain(figure);
      expect(js).toContain(figure);
    }
    for (const reversed of ['٣٢٠٢', '٠٠٠٬٠٥٢٬١', '٥٫٢١']) expect(text + js).not.toContain(reversed);
  });

  it('holds the brackets of the source, not their mirrored forms', () => {
    const project = tempProject({ 'statements/ar.md': ARABIC_FIGURES });
    execFileSync(process.execPath, [resolve(import.meta.dirname, '../bin/alliance.js'), 'build', '--to', 'pdf'], {
      cwd: project,
    });
    const text = poppler(join(project, 'dist/ar.pdf'));
    expect(text).toContain('(مقارنة');
    expect(text).toContain('الماضي)');
    expect(text).not.toContain(')مقارنة');
  });
});

describe('every handout', () => {
  it('is the same built alone or in a batch, in every language', () => {
    const project = tempProject({ 'statements/ar-figures.md': ARABIC_FIGURES });
    for (const name of readdirSync(LANGUAGES).filter((entry) => entry.endsWith('.md')))
      copyFileSync(join(LANGUAGES, name), join(project, 'statements', name));
    const bin = resolve(import.meta.dirname, '../bin/alliance.js');
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1735689600' };
    execFileSync(process.execPath, [bin, 'build', '--to', 'pdf,docx', '--force', '--concurrency', 'off'], {
      cwd: project,
      env,
    });
    const names = readdirSync(join(project, 'statements')).map((name) => name.replace(/\.md$/, ''));
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) {
      const alone = join(project, `alone-${name}`);
      mkdirSync(alone);
      execFileSync(
        process.execPath,
        [bin, 'build', `statements/${name}.md`, '--to', 'pdf,docx', '--force', '--concurrency', 'off', '--out', alone],
        { cwd: project, env },
      );
      for (const extension of ['pdf', 'docx']) {
        const batch = readFileSync(join(project, 'dist', `${name}.${extension}`));
        expect(readFileSync(join(alone, `${name}.${extension}`)).equals(batch), `${name}.${extension}`).toBe(true);
      }
    }
  });
});
