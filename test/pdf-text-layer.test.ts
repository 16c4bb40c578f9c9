/**
 * The PDF's text layer, read back by poppler (pdftotext) and pdf.js: Arabic-Indic figures in their
 * order, brackets as in the source, and every handout the same whether built alone or in a batch.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { docxParagraphs, docxParts, ink, pdfContent, pdfUnicodeMaps } from './helpers/documents.js';
import { tempProject } from './helpers/statements.js';

const LANGUAGES = resolve(import.meta.dirname, 'fixtures/languages');
/** An Arabic statement: the address to the Chair, then `paragraphs`. */
function arabicStatement(paragraphs: readonly string[], title?: string): string {
  const heading = title === undefined ? '' : `title: ${title}\n`;
  return `---\n${heading}forum: CCPCJ\nsession: 34\nspeaker: ليلى حسن\norganization: تحالف المنظمات غير الحكومية\nlanguage: ar\n---\n\nالسيد الرئيس،\n\n${paragraphs.join('\n\n')}\n`;
}

const ARABIC_FIGURES = arabicStatement([
  'في عام ٢٠٢٣، كان ١٬٢٥٠٬٠٠٠ شخص ضحايا، ولم يتلق المساعدة سوى ١٢٫٥٪ منهم سنوياً للاحتجاز (مقارنة بالعام الماضي).',
  'شكراً.',
]);

/** The paragraphs of a statement with the signs poppler and pdf.js used to misplace. */
const ARABIC_SIGNS = [
  'هل تعلمون أن ١٢٫٥٪ فقط من الضحايا، أي واحد من كل ثمانية، تلقى المساعدة عام ٢٠٢٣؟ إنه رقم صادم!',
  'قالت إحدى الناجيات: «لم يسألني أحد عن اسمي». وأضافت: "كنت رقماً فقط" (انظر الفقرة 3 من التقرير رقم 5).',
  'ارتفع التمويل بنسبة 25% بين 2019 و2023، لكنه ما زال أقل من 1/3 المطلوب؛ وتراجع في 12 دولة - أي بمعدل -4.5 نقطة.',
  // The Arabic semicolon and question mark are of no script: alone between a word with marks and a
  // Latin one, the semicolon was laid out left to right, on the page too (`UNODC ؛جداً`).
  'نشكر مكتب UNODC؛ جداً على عمله، وهل قرأتم تقرير UNODC؟ نعم.',
  // A space between two signs in no letter's run, which pdf.js reads as a text item each.
  'وقالوا (2019) (UNODC) إن الأمر عاجل، «شكراً لكم».',
  'نطالب بما يلي: أولاً، التمويل؛ ثانياً، البيانات؛ ثالثاً، الحماية… وشكراً.',
];
/** A vocalized paragraph: marks inside words, and on the first letter of what the font draws as a ligature (`بر`, `ني`). */
const VOCALIZED = 'إِنَّ الْمُجْتَمَعَ الْمَدَنِيَّ يُقَدِّمُ الْخِبْرَةَ وَالثِّقَةَ، فِي كُلِّ عَامٍ لِلنَّاسِ، **شكراً جزيلاً** ~~وهذا خطأً~~ وأيضاً جزيلاً.';
const ARABIC_SIGNS_STATEMENT = arabicStatement(
  [...ARABIC_SIGNS.slice(0, 3), VOCALIZED, ...ARABIC_SIGNS.slice(3)],
  'حماية الشهود أيضاً',
);

/** The text poppler reads from a PDF, bidirectional marks removed. */
function poppler(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
}

/**
 * The text pdf.js reads from a PDF, page after page, bidirectional marks removed: a space before a mark
 * that ends an Arabic word is written as one with a right-to-left mark (see font-views.ts).
 */
async function pdfjs(path: string): Promise<string> {
  return (await pdfContent(readFileSync(path))).pages.join('').replace(/[\u200e\u200f]/g, '');
}

/** Text with its lines joined and its white space made single spaces. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('the text layer of an Arabic handout', () => {
  it('holds Arabic-Indic figures in their order (poppler and pdf.js)', async () => {
    const project = tempProject({ 'statements/ar.md': ARABIC_FIGURES });
    expect((await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const pdf = join(project, 'dist/ar.pdf');
    const text = poppler(pdf);
    const js = await pdfjs(pdf);
    for (const figure of ['٢٠٢٣', '١٬٢٥٠٬٠٠٠', '١٢٫٥']) {
      expect(text).toContain(figure);
      expect(js).toContain(figure);
    }
    for (const reversed of ['٣٢٠٢', '٠٠٠٬٠٥٢٬١', '٥٫٢١']) expect(text + js).not.toContain(reversed);
  });

  it('reads in poppler as the source: marks on their letters, signs and figures on their side', async () => {
    const project = tempProject({
      'statements/signs.md': ARABIC_SIGNS_STATEMENT,
      'statements/ar.md': readFileSync(join(LANGUAGES, 'ar.md'), 'utf8'),
    });
    expect((await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const signs = flat(poppler(join(project, 'dist/signs.pdf')));
    for (const paragraph of [...ARABIC_SIGNS, VOCALIZED.replace(/\*\*|~~/g, '')]) expect(signs).toContain(paragraph);
    expect(signs).toContain('حماية الشهود أيضاً');
    const statement = flat(poppler(join(project, 'dist/ar.pdf')));
    for (const phrase of [
      'الضحايا أولاً',
      'والجريمة (UNODC) عن أعماله في عام 2024.',
      'في عام 2023، وقع نحو 1,250,000 شخص في 148 بلداً ضحايا',
      'ولم يتلقَّ المساعدة سوى 12.5% منهم. ووراء',
      'حقوقه أولاً.',
      'في أمسّ الحاجة إليها. إن هذه',
      'شكراً لكم.',
    ])
      expect(statement).toContain(phrase);
  });

  it('reads words whose letters the font spaces apart (أكثر, أكتوبر) whole, in poppler and pdf.js', async () => {
    const paragraphs = [
      'إن عدد الضحايا أكثر من أي وقت مضى، وأكبر مما نعرف، كما أكد التقرير.',
      'تعمل الأكاديمية بأكثر من وسيلة منذ 14 أكتوبر 2024 وآكد من ذلك.',
    ];
    const project = tempProject({ 'statements/ar.md': arabicStatement(paragraphs) });
    expect((await runCli(['build', '--to', 'pdf', '--force', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const pdf = join(project, 'dist/ar.pdf');
    const read = [flat(poppler(pdf)), flat(await pdfjs(pdf))];
    for (const text of read) for (const paragraph of paragraphs) expect(text).toContain(paragraph);
  });

  it('reads in pdf.js with brackets, quotation marks and separators in their place', async () => {
    const project = tempProject({ 'statements/signs.md': ARABIC_SIGNS_STATEMENT });
    expect((await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const text = flat(await pdfjs(join(project, 'dist/signs.pdf')));
    for (const paragraph of [...ARABIC_SIGNS, VOCALIZED.replace(/\*\*|~~/g, '')]) expect(text).toContain(paragraph);
  });

  it('reads in pdf.js with the words of a line with marks in their order', async () => {
    const paragraph =
      'شكراً سيدي الرئيس على إتاحة الفرصة. نحن نعمل أيضاً جداً مع الضحايا، ونطالب أيضاً بالحماية. وشكراً جزيلاً لكم جميعاً على الاستماع إلينا اليوم في هذه الجلسة المهمة جداً.';
    const project = tempProject({ 'statements/ar.md': arabicStatement([paragraph]) });
    expect((await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    // The outlines of the words with marks were drawn between the pieces of a line's text, and pdf.js,
    // which ends a text item at each, read the pieces of the line in display order.
    expect(flat(await pdfjs(join(project, 'dist/ar.pdf')))).toContain(paragraph);
  });

  it('keeps list numbers and left-to-right stretches ending with a sign on their side (poppler and pdf.js)', async () => {
    const statement = arabicStatement([
      'قالت الدول أيضاً [CCPCJ](https://www.unodc.org/ngo) يقدم الضحايا وثيقة A/CN.15/2024/5 (2019) أولاً.',
      '1. 148 CCPCJ والثقة وفقاً؟\n2. (2019) للعمل إنّ الخبرة!',
      'شكراً.',
    ]);
    const project = tempProject({ 'statements/ar.md': statement });
    expect((await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const pdf = join(project, 'dist/ar.pdf');
    const [popplerText, pdfjsText] = [flat(poppler(pdf)), flat(await pdfjs(pdf))];
    // poppler read `)CCPCJ (https://www.unodc.org/ngo` and `148 1. CCPCJ`, `2019( 2.)`.
    for (const text of [
      'أيضاً CCPCJ (https://www.unodc.org/ngo) يقدم',
      'وثيقة A/CN.15/2024/5 (2019) أولاً.',
      '1. 148 CCPCJ والثقة وفقاً؟',
      '2. (2019) للعمل إنّ الخبرة!',
    ])
      expect(popplerText).toContain(text);
    for (const text of ['أيضاً CCPCJ (https://www.unodc.org/ngo) يقدم', '148 CCPCJ والثقة وفقاً؟', '(2019) للعمل إنّ'])
      expect(pdfjsText).toContain(text);
  });

  it('draws the marks it writes invisibly into the text layer', async () => {
    const statement = (word: string) =>
      `---\nforum: CCPCJ\nsession: 34\nspeaker: ليلى\norganization: تحالف\nlanguage: ar\n---\n\nالسيد الرئيس،\n\nنقول ${word} لكم.\n`;
    const project = tempProject({ 'statements/marked.md': statement('شكراً'), 'statements/bare.md': statement('شكرا') });
    // Forced: the statement is too short to have a closing, which is not what this is about.
    expect((await runCli(['build', '--to', 'pdf', '--force', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    expect(poppler(join(project, 'dist/marked.pdf'))).toContain('نقول شكراً لكم.');
    // The tanwin adds ink to the page; drawn neither as outline nor as text, the word would take it away.
    expect(ink(join(project, 'dist/marked.pdf'), 150)).toBeGreaterThan(ink(join(project, 'dist/bare.pdf'), 150));
  });

  it('keeps Arabic quoted in an English statement in its place (poppler and pdf.js)', async () => {
    const paragraphs = [
      'Survivors wrote «شكراً لكم», and "حقوق الإنسان أولاً" on the wall, before 12 States acted.',
      'They wrote «لَكُمْ» and «شُكْراً لكم» too, and **حقوق الإنسان** in bold, in 2024.',
    ];
    const project = tempProject({
      'statements/en.md': `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana\norganization: Alliance\n---\n\nThank you, Chair.\n\n${paragraphs.join('\n\n')}\n\nThank you.\n`,
    });
    expect((await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const pdf = join(project, 'dist/en.pdf');
    const [popplerText, pdfjsText] = [flat(poppler(pdf)), flat(await pdfjs(pdf))];
    for (const paragraph of paragraphs.map((text) => text.replace(/\*\*/g, ''))) {
      expect(popplerText).toContain(paragraph);
      // pdf.js reverses a text item with mostly right-to-left letters whole, the quotation marks
      // around them with it when they were of the same item (`,»شكراً لكم«`).
      expect(pdfjsText).toContain(paragraph);
    }
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

/** The paragraphs and list items of a statement's body, as plain text (emphasis and list markers left out). */
function sourceParagraphs(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split(/\n\s*\n|\n(?=- )/)
    .map((block) =>
      block
        .replace(/\*\*|__/g, '')
        .replace(/^- /, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((block) => block !== '' && !block.startsWith('#'));
}

describe('the text layer of every language', () => {
  it('holds each paragraph of the source in reading order (poppler and pdf.js)', async () => {
    const project = tempProject({ 'statements/.keep': '' });
    const languages = readdirSync(LANGUAGES).filter((entry) => entry.endsWith('.md'));
    for (const name of languages) copyFileSync(join(LANGUAGES, name), join(project, 'statements', name));
    expect((await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    expect(languages.length).toBe(6);
    const bare = (text: string) => text.replace(/\s+/g, '');
    for (const name of languages) {
      const pdf = join(project, 'dist', name.replace(/\.md$/, '.pdf'));
      const popplerText = flat(poppler(pdf));
      const pdfjsText = flat(await pdfjs(pdf));
      for (const text of sourceParagraphs(readFileSync(join(LANGUAGES, name), 'utf8'))) {
        // Chinese lines break between characters, where both readers end a line: compared without white space.
        if (name === 'zh.md') {
          expect(bare(popplerText), name).toContain(bare(text));
          expect(bare(pdfjsText), name).toContain(bare(text));
          continue;
        }
        expect(popplerText, name).toContain(text);
        expect(pdfjsText, name).toContain(text);
      }
    }
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

describe('the header', () => {
  it('names the forum and the session as the UN writes them in each language, with its separators', async () => {
    const project = tempProject({ 'statements/.keep': '' });
    for (const name of readdirSync(LANGUAGES).filter((entry) => entry.endsWith('.md')))
      copyFileSync(join(LANGUAGES, name), join(project, 'statements', name));
    expect((await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const expected: Record<string, string> = {
      en: 'Commission on Crime Prevention and Criminal Justice, thirty-fourth session',
      fr: 'Commission pour la prévention du crime et la justice pénale, trente-quatrième',
      es: 'Comisión de Prevención del Delito y Justicia Penal, 34º período de',
      ru: 'Комиссия по предупреждению преступности и уголовному правосудию, тридцать четвёртая',
      ar: 'لجنة منع الجريمة والعدالة الجنائية، الدورة الرابعة والثلاثون',
      zh: '预防犯罪和刑事司法委员会，第三十四届会议',
    };
    // Compared without white space: poppler places the space of an Arabic comma on either side of it.
    for (const [language, header] of Object.entries(expected)) {
      expect(poppler(join(project, `dist/${language}.pdf`)).replace(/\s+/g, ''), language).toContain(
        header.replace(/\s+/g, ''),
      );
    }
  });

  it('capitalizes the session only where it starts a line, writes Chinese teens and Arabic months as the UN does, and names the AHC in each language', async () => {
    const statement = (language: string, forum: string, session: string) =>
      `---\nforum: ${forum}\nsession: "${session}"\ndate: 2025-10-14\nlanguage: ${language}\nspeaker: Ana\norganization: Alliance\n---\n\nx\n`;
    const project = tempProject({
      'alliance.config.yaml': 'template: lines\n',
      'templates/lines.yaml': 'header:\n  lines: ["{forum}", "{session}", "{date}"]\n',
      'statements/en.md': statement('en', 'CCPCJ', '34'),
      'statements/ru.md': statement('ru', 'CND', '68'),
      'statements/zh.md': statement('zh', 'CCPCJ', '12'),
      'statements/ar.md': statement('ar', 'AHC', '5'),
      'statements/fr.md': statement('fr', 'AHC', '5'),
    });
    expect((await runCli(['build', '--to', 'pdf', '--force', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const text = (language: string) => poppler(join(project, `dist/${language}.pdf`)).replace(/\s+/g, '');
    expect(text('en')).toContain('Thirty-fourthsession');
    expect(text('ru')).toContain('Шестьдесятвосьмаясессия');
    expect(text('zh')).toContain('第十二届会议');
    expect(text('zh')).not.toContain('一十二');
    expect(text('ar')).toContain('تشرينالأول/أكتوبر');
    expect(text('ar')).toContain('اللجنةالمخصصة');
    expect(text('fr')).toContain('Comitéspécialchargé');
    expect(text('fr')).toContain('14octobre2025');
  });

  it('keeps UN document symbols whole at the end of a line', async () => {
    const symbols = ['A/CN.15/2024/5', 'E/CN.15/2025/L.3', 'CTOC/COP/WG.2/2024/2', 'E/CN.7/2023/13', 'A/RES/78/1'];
    const body = Array.from({ length: 6 }, (_, index) =>
      symbols.map((symbol) => `see ${symbol}${' and'.repeat(index)}`).join(', '),
    ).join('; ');
    const project = tempProject({
      'statements/a.md': `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana\norganization: Alliance\n---\n\nThank you, Chair.\n\nThe Alliance notes the documents: ${body}.\n\nThank you.\n`,
    });
    expect((await runCli(['build', '--to', 'pdf', '--force', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const text = poppler(join(project, 'dist/a.pdf'));
    for (const symbol of symbols) expect(text.split(symbol).length - 1, symbol).toBe(6);
  });

  it('in French starts no line with ; : ! ? » and ends none with «, where the text has ordinary spaces', async () => {
    const sentence = 'la Commission a dit ; « les victimes » comptent : pourquoi ? Enfin ! ';
    const body = Array.from({ length: 40 }, (_, index) => `${'mot '.repeat(index % 7)}${sentence}`).join('');
    const project = tempProject({
      'statements/a.md': `---\nforum: CCPCJ\nsession: "34"\nlanguage: fr\nspeaker: Ana\norganization: Alliance\n---\n\nMonsieur le Président,\n\n${body}\n\nJe vous remercie.\n`,
    });
    expect((await runCli(['build', '--to', 'pdf', '--force', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const lines = poppler(join(project, 'dist/a.pdf'))
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.filter((line) => /^[;:!?»]/.test(line) || line.endsWith('«'))).toEqual([]);
  });

  it('records no-break spaces as written (U+00A0, U+202F) and breaks no line at them', async () => {
    const sentence = 'soit 1\u202f250\u202f000 victimes, 27\u00a0% ; merci\u00a0! ';
    const project = tempProject({
      'statements/a.md': `---\nforum: CCPCJ\nsession: "34"\nlanguage: fr\nspeaker: Ana\norganization: Alliance\n---\n\nMonsieur le Président,\n\n${sentence.repeat(30)}\n\nJe vous remercie.\n`,
    });
    expect((await runCli(['build', '--to', 'pdf', '--force', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const maps = pdfUnicodeMaps(readFileSync(join(project, 'dist/a.pdf'))).join('\n');
    expect(maps).toMatch(/<00a0>/i);
    expect(maps).toMatch(/<202f>/i);
    // The readers give them as plain spaces; no line ends inside a figure or before its sign.
    const lines = poppler(join(project, 'dist/a.pdf')).split('\n');
    expect(lines.filter((line) => /^(?:250|000|%|!)/.test(line.trim()))).toEqual([]);
  });

  it('keeps a hyphenated word whole at the end of a line', async () => {
    const words = ['follow-up', 'anti-corruption', 'well-being', 'e-mail', 'so-called', 'peut-être'];
    const body = Array.from({ length: 12 }, (_, index) => `${'a '.repeat(index)}${words.join(' ')}`).join(' ');
    const project = tempProject({
      'statements/a.md': `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana\norganization: Alliance\n---\n\nThank you, Chair.\n\nThe Alliance notes ${body}.\n\nThank you.\n`,
    });
    expect((await runCli(['build', '--to', 'pdf', '--force', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    // poppler reads a word broken after its hyphen without it (`email`), pdf.js with a space (`e- mail`).
    const pdf = join(project, 'dist/a.pdf');
    const [popplerText, pdfjsText] = [flat(poppler(pdf)), flat(await pdfjs(pdf))];
    for (const word of words) {
      expect(popplerText.split(word).length - 1, word).toBe(12);
      expect(pdfjsText.split(word).length - 1, word).toBe(12);
    }
  });

  it('wraps a long agenda item instead of cutting it off', async () => {
    const item =
      '5. Integration and coordination of efforts by UNODC and by Member States in the field of crime prevention and criminal justice';
    const project = tempProject({
      'statements/a.md': ARABIC_FIGURES.replace('language: ar', `language: ar\nagenda_item: "${item}"`),
      'statements/b.md': ARABIC_FIGURES.replace('language: ar', `language: en\nagenda_item: "${item}"`)
        .replace('السيد الرئيس،', 'Thank you, Chair.')
        .replace('شكراً.', 'Thank you.'),
    });
    expect((await runCli(['build', '--to', 'pdf', '--force', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    for (const name of ['a', 'b']) {
      const text = poppler(join(project, `dist/${name}.pdf`)).replace(/\s+/g, ' ');
      expect(text, name).toContain('criminal justice');
      expect(text, name).toContain('Integration and coordination of efforts by UNODC and by Member');
    }
  });
});

describe("the speaker's copy", () => {
  it('prints, readable at arm’s length, the time each paragraph should start, and says so at the top', async () => {
    const statement = `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana\norganization: Alliance\n---\n\nThank you, Chair.\n\n${'We call on States to act. '.repeat(20)}\n\nThank you.\n`;
    const project = tempProject({ 'statements/a.md': statement });
    expect(
      (await runCli(['build', '--to', 'pdf', '--speaker-copy', '--concurrency', 'off'], { cwd: project })).code,
    ).toBe(0);
    const content = await pdfContent(readFileSync(join(project, 'dist/a.speaker.pdf')));
    const text = content.pages.join(' ');
    expect(text).toContain('the time beside a paragraph is when it should start');
    const times = content.items.filter((item) => /^\d:\d\d$/.test(item.text.trim()));
    // The opening starts at 0:00; the last paragraph starts when the second ends, not at the end of the statement.
    expect(times.map((item) => item.text.trim())[0]).toBe('0:00');
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (const time of times) expect(time.size).toBeGreaterThanOrEqual(12);
  });

  it('draws the end of the slot where it falls: inside the paragraph, at the word reached then', async () => {
    const long = `Opening ${'we call on States to act. '.repeat(20)}Closing.`;
    const statement = `---\nforum: CCPCJ\nsession: "34"\nslot: 30s\nspeaker: Ana\norganization: Alliance\n---\n\nThank you, Chair.\n\n${long}\n\nThank you.\n`;
    const project = tempProject({ 'statements/a.md': statement });
    const run = await runCli(['build', '--speaker-copy', '--force', '--concurrency', 'off'], { cwd: project });
    expect(run.code).toBe(0);
    const label = '0:30: end of the speaking slot';
    const pdf = poppler(join(project, 'dist/a.speaker.pdf'));
    const docx = docxParagraphs(docxParts(readFileSync(join(project, 'dist/a.speaker.docx')))['word/document.xml']!)
      .map((paragraph) => paragraph.text)
      .join('\n');
    for (const text of [pdf, docx]) {
      expect(text.indexOf('Opening')).toBeLessThan(text.indexOf(label));
      expect(text.indexOf(label)).toBeLessThan(text.indexOf('Closing'));
    }
    // The words before the line take about as long as the slot has left when the paragraph starts.
    const before = pdf
      .slice(pdf.indexOf('Opening'), pdf.indexOf(label))
      .split(/\s+/)
      .filter((word) => /^[a-z]/i.test(word));
    expect(before.length).toBeGreaterThan(40);
    expect(before.length).toBeLessThan(80);
  });
});

describe('notes', () => {
  it('follow the text on its page when they fit, rather than a page of their own', async () => {
    // Twenty-two paragraphs leave room at the foot of the first page for the heading and a short note.
    const body = Array.from(
      { length: 22 },
      (_, index) => `Paragraph ${index} of the statement, which says what the Alliance asks of States.`,
    ).join('\n\n');
    const project = tempProject({
      'statements/a.md': `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana\norganization: Alliance\n---\n\nThank you, Chair.\n\n${body}[^1]\n\nThank you.\n\n[^1]: A short note.\n`,
    });
    // Forced: twenty-two paragraphs run over the slot, which is not what this is about.
    expect((await runCli(['build', '--to', 'pdf', '--force', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const content = await pdfContent(readFileSync(join(project, 'dist/a.pdf')));
    expect(content.numPages).toBe(1);
    expect(content.pages[0]).toContain('A short note.');
  });
});

describe("the speaker's copy in Word", () => {
  it('keeps the times in a column of their own, list items included (the bullet after the time, not in its place)', async () => {
    const { docxParagraphs, docxParts } = await import('./helpers/documents.js');
    const project = tempProject({
      'statements/a.md': `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana\norganization: Alliance\n---\n\nThank you, Chair.\n\nWe ask States to:\n\n- fund victim services;\n- collect data.\n\nThank you.\n`,
    });
    expect(
      (await runCli(['build', '--to', 'docx', '--speaker-copy', '--concurrency', 'off'], { cwd: project })).code,
    ).toBe(0);
    const paragraphs = docxParagraphs(
      docxParts(readFileSync(join(project, 'dist/a.speaker.docx')))['word/document.xml'] ?? '',
    );
    const item = paragraphs.find((paragraph) => paragraph.text.includes('fund victim services'))!;
    expect(item.numbering).toBeUndefined();
    expect(item.xml).toMatch(
      /<w:t xml:space="preserve">\d:\d\d<\/w:t><\/w:r><w:r><w:tab\/><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">•<\/w:t><\/w:r><w:r><w:tab\/>/,
    );
    const opening = paragraphs.find((paragraph) => paragraph.text.includes('Thank you, Chair.'))!;
    expect(opening.xml).toMatch(/<w:t xml:space="preserve">0:00<\/w:t><\/w:r><w:r><w:tab\/>/);
  });
});

describe('a character no font has', () => {
  it('is named once, at the column of its first use', async () => {
    const project = tempProject({
      'statements/a.md': `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana\norganization: Alliance\n---\n\nThank you, Chair.\n\nThe sign \u{13000} stands here, and \u{13000} here again.\n\nThank you.\n`,
    });
    const run = await runCli(['build', '--to', 'pdf', '--format', 'json', '--concurrency', 'off'], { cwd: project });
    const messages = (
      JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[]
    )[0]!.messages.filter((message) => message.ruleId === 'missing-glyph');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ line: 10, column: 10 });
  });
});
