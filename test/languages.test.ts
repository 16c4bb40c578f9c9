/**
 * The six UN languages: a statement in each (150 words and more, with bold, a list, figures and a
 * Latin acronym) checks, times and builds; the PDF's text reads back in logical order with no missing
 * glyph; page one matches a reviewed reference image; the DOCX tags direction, languages and fonts.
 * Regenerate the references (after reviewing the change) with UPDATE_REFERENCES=1.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import pixelmatch from 'pixelmatch';
import { describe, expect, it } from 'vitest';
import { speak, builtInPronunciations } from '../src/timing/spoken.js';
import { stageDirections } from '../src/engine/project/registry-data.js';
import { runCli } from './helpers/cli.js';
import { docxParts, pdfContent } from './helpers/documents.js';
import { tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test/fixtures/languages');
const REFERENCES = join(FIXTURES, 'reference');
const LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;

/** Words of each statement, in the order they are read, that its PDF must give back. */
const IN_ORDER: Record<(typeof LANGUAGES)[number], string[]> = {
  en: [
    'Thank you, Chair.',
    'UNODC',
    '1,250,000',
    '12.5%',
    'rights must come first',
    'fund victim services',
    'Thank you.',
  ],
  fr: [
    'Monsieur le Président,',
    'ONUDC',
    '1 250 000',
    '12,5',
    'les droits doivent passer en premier',
    'de financer des services',
    'Je vous remercie.',
  ],
  es: [
    'Señor Presidente,',
    'UNODC',
    '1.250.000',
    '12,5',
    'derechos deben estar primero',
    'financien servicios',
    'Muchas gracias.',
  ],
  ar: [
    'السيد الرئيس',
    'يشكركم تحالف المنظمات غير الحكومية',
    'UNODC',
    '1,250,000',
    'يجب أن تأتي حقوقه',
    'تمويل خدمات الضحايا',
    'شكرا',
  ],
  zh: [
    '主席先生：',
    '联合国毒品和犯罪问题办公室',
    'UNODC',
    '1,250,000',
    '他们的权利必须放在首位',
    '在每个区域为受害者服务提供资金',
    '谢谢。',
  ],
  ru: [
    'Уважаемый господин Председатель!',
    'UNODC',
    '1 250 000',
    '12,5',
    'чьи права должны быть на первом месте',
    'финансировать службы помощи',
    'Благодарю за внимание.',
  ],
};

/** Text as PDF readers give it, lines joined: spaces collapsed, none between Chinese characters, tanween marks set apart joined again. */
const flatten = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/(\p{Script=Han}|[，。：；]) (?=\p{Script=Han}|[，。：；])/gu, '$1')
    .replace(/ ([\u064b-\u065f])/g, '$1');

async function renderFirstPage(
  pdf: Uint8Array,
): Promise<{ data: Uint8ClampedArray; width: number; height: number; png: Buffer }> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const page = await document.getPage(1);
  const viewport = page.getViewport({ scale: 0.5 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  await document.destroy();
  return { data: image.data, width: canvas.width, height: canvas.height, png: canvas.toBuffer('image/png') };
}

async function readPng(path: string): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(readFileSync(path));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return { data: context.getImageData(0, 0, image.width, image.height).data, width: image.width, height: image.height };
}

describe('statements in the six UN languages', async () => {
  const project = tempProject();
  cpSync(FIXTURES, join(project, 'statements'), { recursive: true, filter: (path) => !path.includes('reference') });
  const check = await runCli(['check'], { cwd: project });
  const time = await runCli(['time', '--format', 'json'], { cwd: project });
  const build = await runCli(['build'], { cwd: project });

  it('check without a problem', () => {
    expect(check.stdout).toContain('6 files checked, no problems');
    expect(check.code).toBe(0);
  });

  it('are timed at the pace of their language, Chinese in characters', () => {
    const entries = JSON.parse(time.stdout) as {
      filePath: string;
      pace: number;
      unit: string;
      writtenWords: number;
      seconds: number;
    }[];
    const byLanguage = Object.fromEntries(
      entries.map((entry) => [entry.filePath.split('/').at(-1)!.slice(0, 2), entry]),
    );
    expect(byLanguage.en).toMatchObject({ pace: 110, unit: 'words' });
    expect(byLanguage.ar).toMatchObject({ pace: 95, unit: 'words' });
    expect(byLanguage.ru).toMatchObject({ pace: 100, unit: 'words' });
    expect(byLanguage.zh).toMatchObject({ pace: 160, unit: 'characters' });
    for (const language of LANGUAGES) {
      expect(byLanguage[language]!.writtenWords, language).toBeGreaterThanOrEqual(150);
      expect(byLanguage[language]!.seconds, language).toBeGreaterThan(60);
    }
  });

  it('build, with no character left without a glyph', () => {
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('6 statements built (12 files)');
    expect(build.stdout).not.toContain('missing-glyph');
  });

  it.each(LANGUAGES)(
    '%s: the PDF reads back in logical order, without replacement glyphs, tagged with its language',
    async (language) => {
      const pdf = await pdfContent(readFileSync(join(project, 'dist', `${language}.pdf`)));
      const text = flatten(pdf.pages.join('\n'));
      expect(text).not.toContain('\ufffd');
      let from = 0;
      for (const words of IN_ORDER[language]) {
        const at = text.indexOf(words, from);
        expect(at, `${language}: ${words}`).toBeGreaterThanOrEqual(from);
        from = at;
      }
      expect(pdf.info.Language).toBe(language);
    },
  );

  it.each(LANGUAGES)('%s: page one looks like its reviewed reference', async (language) => {
    const page = await renderFirstPage(readFileSync(join(project, 'dist', `${language}.pdf`)));
    const reference = join(REFERENCES, `${language}.png`);
    if (process.env.UPDATE_REFERENCES === '1' || !existsSync(reference)) {
      mkdirSync(REFERENCES, { recursive: true });
      writeFileSync(reference, page.png);
      if (process.env.UPDATE_REFERENCES !== '1')
        throw new Error(`No reference image for ${language}: wrote ${reference}, review it`);
    }
    const expected = await readPng(reference);
    expect([page.width, page.height]).toEqual([expected.width, expected.height]);
    const different = pixelmatch(page.data, expected.data, undefined, page.width, page.height, { threshold: 0.2 });
    expect(different / (page.width * page.height), `${different} pixels differ`).toBeLessThan(0.005);
  });

  it('tags Arabic paragraphs and runs right to left in the DOCX, and every run with its languages and fonts', () => {
    const arabic = docxParts(readFileSync(join(project, 'dist/ar.docx')));
    expect(arabic['word/styles.xml']).toMatch(/<w:pPrDefault><w:pPr>[^]*?<w:bidi\/>/);
    expect(arabic['word/styles.xml']).toMatch(
      /<w:rFonts w:ascii="Noto Sans" w:cs="IBM Plex Sans Arabic" w:eastAsia="Noto Sans SC" w:hAnsi="Noto Sans"\/>/,
    );
    expect(arabic['word/document.xml']).toMatch(
      /<w:rPr><w:rtl\/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"\/><\/w:rPr><w:t xml:space="preserve">السيد الرئيس،<\/w:t>/,
    );
    expect(arabic['word/document.xml']).toMatch(/<w:rtl w:val="false"\/>[^]*?UNODC/);
    expect(arabic['word/document.xml']).toMatch(/<w:b\/><w:bCs\/>[^]*?يجب أن تأتي حقوقه أولاً/);
    const chinese = docxParts(readFileSync(join(project, 'dist/zh.docx')));
    expect(chinese['word/document.xml']).toContain('w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"');
    const russian = docxParts(readFileSync(join(project, 'dist/ru.docx')));
    expect(russian['word/document.xml']).toContain('w:lang w:val="ru-RU" w:eastAsia="zh-CN" w:bidi="ar-SA"');
  });
});

describe('what is said in Arabic, Chinese and Russian', () => {
  const said = (text: string, language: string) =>
    speak(text, {
      language,
      pronunciations: new Map(Object.entries(builtInPronunciations())),
      stageDirections: stageDirections(),
    }).words.join(' ');

  it.each([
    ['ar', 'في عام 2023', 'في عام ألفان وثلاثة وعشرون'],
    ['ar', '٢٠٢٣', 'ألفان وثلاثة وعشرون'],
    ['ar', '12.5%', 'اثنا عشر فاصلة خمسة في المائة'],
    ['zh', '2023年', '二 零 二 三 年'],
    ['zh', '1,250,000人', '一百二十五万 人'],
    ['ru', '1 250 000 человек', 'один миллион двести пятьдесят тысяч человек'],
    ['ru', '12,5 %', 'двенадцать целых пять десятых процентов'],
  ])('%s: %s is said "%s"', (language, text, words) => {
    expect(said(text, language)).toBe(words);
  });
});

describe('alliance new in every language', () => {
  it.each(['ar', 'zh', 'ru', 'fr', 'es'])(
    'writes a statement in %s that passes check once written',
    async (language) => {
      const project = tempProject({ 'alliance.config.yaml': 'organization: Alliance\n' });
      const run = await runCli(
        ['new', '--forum', 'CCPCJ', '--session', '34', '--speaker', 'A', '--language', language],
        {
          cwd: project,
        },
      );
      expect(run.code).toBe(0);
      const text = readFileSync(join(project, run.stdout.trim()), 'utf8');
      expect(text).toContain(`language: ${language}`);
      // The skeleton is only that until a paragraph of the author's takes the guidance comment's place.
      const skeleton = await runCli(['check', run.stdout.trim()], { cwd: project });
      expect(skeleton.stdout).toContain('empty-statement');
      writeFileSync(join(project, run.stdout.trim()), text.replace(/<!--[\s\S]*?-->/, 'Alliance 2025.'));
      const check = await runCli(['check', run.stdout.trim()], { cwd: project });
      expect(check.stdout).toContain('no problems');
    },
  );
});

describe('a language given with its region or script', () => {
  it.each([
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['zh-Hant', 'zh'],
    ['ar-EG', 'ar'],
  ])('%s is checked and timed with the data of %s, and its handouts keep the tag', async (tag, base) => {
    const source = readFileSync(join(FIXTURES, `${base}.md`), 'utf8').replace(`language: ${base}`, `language: ${tag}`);
    expect(source).toContain(`language: ${tag}`);
    const project = tempProject({ [`statements/${base}.md`]: source });
    const check = await runCli(['check', '--format', 'json'], { cwd: project });
    expect((JSON.parse(check.stdout) as { errorCount: number }[])[0]!.errorCount).toBe(0);
    const timed = await runCli(['time', '--format', 'json'], { cwd: project });
    const baseline = await runCli(['time', '--format', 'json'], {
      cwd: tempProject({ [`statements/${base}.md`]: readFileSync(join(FIXTURES, `${base}.md`), 'utf8') }),
    });
    expect(JSON.parse(timed.stdout)[0].spokenWords).toBe(JSON.parse(baseline.stdout)[0].spokenWords);
    const built = await runCli(['build', '--to', 'docx'], { cwd: project });
    expect(built.code).toBe(0);
    const parts = docxParts(readFileSync(join(project, `dist/${base}.docx`)));
    expect(parts['word/document.xml'] + parts['word/styles.xml']!).toContain(`"${tag}"`);
  });
});
