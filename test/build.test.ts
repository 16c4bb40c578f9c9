/** `alliance build`: the handouts opened and read back (DOCX parts, PDF text and metadata), and a build that can be trusted. */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxParagraphs, docxParts, pdfContent, wordsOf } from './helpers/documents.js';
import { runCli } from './helpers/cli.js';
import { damagePng, makePng } from './helpers/png.js';
import { GOOD, tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/fixtures/build');

function everythingProject(): string {
  const project = tempProject();
  cpSync(FIXTURE, project, { recursive: true });
  return project;
}

async function build(project: string, ...args: string[]) {
  return runCli(['build', ...args], { cwd: project, env: { SOURCE_DATE_EPOCH: undefined } });
}

describe('the example statements', () => {
  it('build to a DOCX and a PDF each, the source tree mirrored, with a manifest', async () => {
    const project = tempProject();
    cpSync(join(ROOT, 'statements'), join(project, 'statements'), { recursive: true });
    cpSync(join(ROOT, 'alliance.config.yaml'), join(project, 'alliance.config.yaml'));
    const run = await build(project);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const stem of [
      'ahc-5/international-cooperation',
      'ahc-5/international-cooperation.fr',
      'untoc-cop-2024/constructive-dialogue',
      'untoc-cop-2024/constructive-dialogue.es',
    ]) {
      expect(existsSync(join(project, 'dist', `${stem}.docx`))).toBe(true);
      expect(existsSync(join(project, 'dist', `${stem}.pdf`))).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(project, 'dist/manifest.json'), 'utf8'));
    // The two statements and their French and Spanish versions.
    expect(manifest.statements).toHaveLength(6);
    const source = (manifest.statements as { source: string }[]).find(
      (entry) => entry.source === 'statements/ahc-5/international-cooperation.md',
    );
    expect(source).toMatchObject({
      source: 'statements/ahc-5/international-cooperation.md',
      outputs: [{ path: 'ahc-5/international-cooperation.docx' }, { path: 'ahc-5/international-cooperation.pdf' }],
      writtenWords: expect.any(Number),
      seconds: expect.any(Number),
      slotSeconds: 300,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});

describe('the DOCX handout', async () => {
  const project = everythingProject();
  await build(project);
  const parts = docxParts(readFileSync(join(project, 'dist/everything.docx')));
  const body = docxParagraphs(parts['word/document.xml']!);
  const text = body.map((paragraph) => paragraph.text).join('\n');

  it('has a header on every page: organization, forum and session, agenda item, date, and the mark', () => {
    const headerName = Object.keys(parts).find((name) => /^word\/header\d*\.xml$/.test(name))!;
    const header = docxParagraphs(parts[headerName]!).map((paragraph) => paragraph.text);
    expect(header).toEqual([
      'Alliance of NGOs\tCheck against delivery',
      'Commission on Crime Prevention and Criminal Justice, thirty-fourth session',
      'Agenda item 5',
      '19 May 2025',
    ]);
    expect(parts['word/document.xml']).toMatch(/<w:headerReference w:type="default"/);
  });

  it('has a footer with "Page X of Y" fields', () => {
    const footerName = Object.keys(parts).find((name) => /^word\/footer\d*\.xml$/.test(name))!;
    const footer = parts[footerName]!;
    expect(footer).toMatch(/Page /);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
  });

  it('opens with the title block: title, speaker and role, organization', () => {
    expect(body.slice(0, 3).map((paragraph) => [paragraph.style, paragraph.text])).toEqual([
      ['HandoutTitle', 'Everything a statement can hold'],
      ['HandoutByline', 'Ana Pérez, Policy Officer'],
      ['HandoutByline', 'Alliance of NGOs'],
    ]);
  });

  it("keeps each paragraph's text with its bold and italic", () => {
    const paragraph = body.find((candidate) => candidate.text.startsWith('The Alliance of NGOs speaks'))!;
    const run = (words: string) => paragraph.runs.find((candidate) => candidate.text === words)!;
    expect(run('bold words')).toMatchObject({ bold: true, italic: false });
    expect(run('italic words')).toMatchObject({ bold: false, italic: true });
    expect(run('bolditalic words')).toMatchObject({ bold: true, italic: true });
    expect(paragraph.xml).toMatch(/<w:strike\/>/);
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="https://www.unodc.org/ngos"');
    expect(paragraph.xml).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(parts['word/footnotes.xml']).toContain('A footnote with its own');
  });

  it('numbers each list from its own start, and nests bullets', () => {
    const numbering = parts['word/numbering.xml']!;
    const item = (words: string) => body.find((paragraph) => paragraph.text.startsWith(words))!;
    const three = item('Ordered three');
    const fresh = item('Fresh list one');
    expect(three.numbering).toBeDefined();
    expect(fresh.numbering).toBeDefined();
    expect(three.numbering).not.toBe(fresh.numbering);
    const startOf = (numId: string) => {
      const abstract = new RegExp(`<w:num w:numId="${numId}"[^>]*>[\\s\\S]*?<w:abstractNumId w:val="(\\d+)"`).exec(
        numbering,
      )![1];
      const definition = new RegExp(`<w:abstractNum[^>]*w:abstractNumId="${abstract}"[\\s\\S]*?</w:abstractNum>`).exec(
        numbering,
      )![0];
      return /<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:start w:val="(\d+)"/.exec(definition)![1];
    };
    expect(startOf(three.numbering!)).toBe('3');
    expect(startOf(fresh.numbering!)).toBe('1');
    expect(item('Deeper bullet three').xml).toMatch(/<w:ilvl w:val="2"\/>/);
  });

  it('holds the other constructs: headings, quote, hard break, table, code, images, raw HTML text', () => {
    expect(body.find((paragraph) => paragraph.text === 'Heading alpha')?.style).toBe('Heading2');
    expect(body.find((paragraph) => paragraph.text === 'Heading beta')?.style).toBe('Heading3');
    expect(body.find((paragraph) => paragraph.text.startsWith('Quoted words'))?.style).toBe('HandoutQuote');
    expect(text).toContain('A line before a hard break\nand the line after it.');
    expect(parts['word/document.xml']).toMatch(/<w:tbl>/);
    expect(text).toContain('    indented codeblock line two');
    expect(Object.keys(parts).filter((name) => name.startsWith('word/media/'))).toHaveLength(2);
    expect(text).toContain('[A remote picture]');
    expect(text).toContain('Raw htmltext survives.');
  });

  it('loses no word of the statement', () => {
    const source = readFileSync(join(FIXTURE, 'statements/everything.md'), 'utf8').split('\n---\n').slice(1).join('\n');
    const all = wordsOf(
      Object.values(parts)
        .filter((part) => part.startsWith('<?xml'))
        .map((part) =>
          docxParagraphs(part)
            .map((paragraph) => paragraph.text)
            .join(' '),
        )
        .join(' '),
    ).join(' ');
    for (const word of [
      'bold',
      'bolditalic',
      'struck',
      'codespan',
      'linked',
      'autolink',
      'Nested',
      'Deeper',
      'Task',
      'Quoted',
      'Austria',
      'Brazil',
      'codeblock',
      'htmltext',
      'Москва',
      'Αθήνα',
      'Tiếng',
      'notelink',
    ]) {
      expect(source).toContain(word);
      expect(all).toContain(word);
    }
  });

  it('carries the metadata: title, author, subject, language, and no stray names or dates', () => {
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Everything a statement can hold</dc:title>');
    expect(core).toContain('<dc:creator>Ana Pérez</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Ana Pérez</cp:lastModifiedBy>');
    expect(core).toContain('<dc:subject>CCPCJ 34</dc:subject>');
    expect(core).toContain('<dc:language>en</dc:language>');
    expect(core).toContain('>2025-05-19T00:00:00Z</dcterms:created>');
    expect(core).not.toMatch(/Un-named/);
  });
});

describe('the PDF handout', async () => {
  const project = everythingProject();
  await build(project);
  const pdf = await pdfContent(readFileSync(join(project, 'dist/everything.pdf')));
  const text = pdf.pages.join('\n');

  it('holds the header first on each page, the title block, the text in order, and "Page X of Y"', () => {
    expect(pdf.numPages).toBe(2);
    for (const [index, page] of pdf.pages.entries()) {
      expect(page.startsWith('Alliance of NGOs')).toBe(true);
      expect(page).toContain('Check against delivery');
      expect(page).toContain(`Page ${index + 1} of 2`);
    }
    const order = [
      'Commission on Crime Prevention and Criminal Justice, thirty-fourth session',
      'Agenda item 5',
      '19 May 2025',
      'Everything a statement can hold',
      'Ana Pérez, Policy Officer',
      'Thank you, Chair.',
      'bold words',
      'Heading alpha',
      'Bullet one',
      'Nested bullet two',
      'Ordered three',
      'Quoted words',
      'Austria',
      'codeblock line one',
      'Raw htmltext survives.',
      'Москва',
      'Notes',
      'A footnote',
    ];
    let from = 0;
    for (const words of order) {
      const at = text.indexOf(words, from);
      expect(at, words).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('shows the address of each link', () => {
    expect(text).toContain('linked phrase (https://www.unodc.org/ngos)');
    expect(text).toContain('https://example.org/autolink');
  });

  it('loses no word of the statement', () => {
    for (const word of [
      'bolditalic',
      'struck',
      'codespan',
      'Deeper',
      'Task',
      'Brazil',
      'indented',
      'htmltext',
      'Москва',
      'Αθήνα',
      'Tiếng',
      'notelink',
      'remote',
    ])
      expect(text).toContain(word);
  });

  it("carries the metadata: title, author, subject, language, and the statement's date", () => {
    expect(pdf.info).toMatchObject({
      Title: 'Everything a statement can hold',
      Author: 'Ana Pérez',
      Subject: 'CCPCJ 34',
      Language: 'en',
      CreationDate: 'D:20250519000000Z',
    });
  });
});

describe('a build that can be trusted', () => {
  it('is deterministic: the same input gives byte-identical DOCX and PDF', async () => {
    const project = everythingProject();
    await build(project);
    const first = ['everything.docx', 'everything.pdf'].map((name) => readFileSync(join(project, 'dist', name)));
    await new Promise((done) => setTimeout(done, 1100));
    await build(project, '--rebuild', '--out', 'again');
    const second = ['everything.docx', 'everything.pdf'].map((name) => readFileSync(join(project, 'again', name)));
    expect(second[0]!.equals(first[0]!)).toBe(true);
    expect(second[1]!.equals(first[1]!)).toBe(true);
  });

  it('takes its dates from SOURCE_DATE_EPOCH when set', async () => {
    const project = everythingProject();
    await runCli(['build'], { cwd: project, env: { SOURCE_DATE_EPOCH: '1735689600' } });
    expect(docxParts(readFileSync(join(project, 'dist/everything.docx')))['docProps/core.xml']).toContain(
      '>2025-01-01T00:00:00Z</dcterms:created>',
    );
    expect((await pdfContent(readFileSync(join(project, 'dist/everything.pdf')))).info.CreationDate).toBe(
      'D:20250101000000Z',
    );
  });

  it('refuses a malformed SOURCE_DATE_EPOCH (exit 2) rather than take other dates', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    for (const value of ['yesterday', '-5', '1.5', '99999999999999']) {
      const run = await runCli(['build'], { cwd: project, env: { SOURCE_DATE_EPOCH: value } });
      expect(run.code, value).toBe(2);
      expect(run.stderr).toContain(
        `Expected SOURCE_DATE_EPOCH to be whole seconds since 1970 (at most 253402300799), found \`${value}\``,
      );
    }
    expect(existsSync(join(project, 'dist'))).toBe(false);
    expect((await runCli(['build'], { cwd: project, env: { SOURCE_DATE_EPOCH: '' } })).code).toBe(0);
  });

  it('is incremental: nothing changed rewrites nothing; a change rebuilds what depends on it', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, 'statements/b.md': GOOD.replace('welcomes', 'applauds') });
    await build(project);
    const mtime = (name: string) => statSync(join(project, 'dist', name)).mtimeMs;
    const before = { a: mtime('a.pdf'), b: mtime('b.pdf'), manifest: mtime('manifest.json') };
    await new Promise((done) => setTimeout(done, 50));
    const second = await build(project);
    expect(second.stdout).toContain('0 statements built (0 files)');
    expect(second.stdout).toContain('2 up to date');
    expect({ a: mtime('a.pdf'), b: mtime('b.pdf'), manifest: mtime('manifest.json') }).toEqual(before);

    writeFileSync(join(project, 'statements/b.md'), GOOD.replace('welcomes', 'salutes'));
    const third = await build(project);
    expect(third.stdout).toContain('1 statement built (2 files)');
    expect(mtime('a.pdf')).toBe(before.a);
    expect(mtime('b.pdf')).not.toBe(before.b);

    mkdirSync(join(project, 'templates'));
    writeFileSync(join(project, 'templates/handout.yaml'), 'colours:\n  accent: "#006400"\n');
    expect((await build(project)).stdout).toContain('2 statements built (4 files)');
    // Built with the edited template, not one read earlier in the same process (as a --watch build is).
    expect(docxParts(readFileSync(join(project, 'dist/a.docx')))['word/styles.xml']).toContain('w:val="006400"');
    writeFileSync(join(project, 'alliance.config.yaml'), 'paper: Letter\n');
    expect((await build(project)).stdout).toContain('2 statements built (4 files)');
    expect((await pdfContent(readFileSync(join(project, 'dist/a.pdf')))).numPages).toBe(1);
    expect((await build(project, '--rebuild')).stdout).toContain('2 statements built (4 files)');
  });

  it('--rebuild renders everything again but leaves a handout whose bytes did not change untouched', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, 'statements/b.md': GOOD.replace('welcomes', 'applauds') });
    await build(project);
    const stat = (name: string) => lstatSync(join(project, 'dist', name));
    const before = { inode: stat('a.docx').ino, mtime: stat('a.docx').mtimeMs };
    // A handout damaged by hand, and one replaced by a symlink to a copy of itself: both are written anew.
    writeFileSync(join(project, 'dist/b.pdf'), 'damaged');
    const copy = join(tempProject(), 'a.pdf');
    cpSync(join(project, 'dist/a.pdf'), copy);
    rmSync(join(project, 'dist/a.pdf'));
    symlinkSync(copy, join(project, 'dist/a.pdf'));
    await new Promise((done) => setTimeout(done, 50));
    expect((await build(project, '--rebuild')).stdout).toContain('2 statements built (4 files)');
    expect({ inode: stat('a.docx').ino, mtime: stat('a.docx').mtimeMs }).toEqual(before);
    expect(readFileSync(join(project, 'dist/b.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(stat('a.pdf').isSymbolicLink()).toBe(false);
  });

  it('writes atomically, never outside the output folder, replacing a symlink instead of following it', async () => {
    const project = tempProject({ 'statements/ccpcj/a.md': GOOD });
    const outside = tempProject({ 'a.pdf': 'precious' });
    mkdirSync(join(project, 'dist'));
    symlinkSync(outside, join(project, 'dist/ccpcj'));
    const run = await build(project);
    expect(run.code).toBe(0);
    expect(readFileSync(join(outside, 'a.pdf'), 'utf8')).toBe('precious');
    expect(readdirSync(outside)).toEqual(['a.pdf']);
    expect(statSync(join(project, 'dist/ccpcj')).isDirectory()).toBe(true);
    expect(readdirSync(join(project, 'dist/ccpcj')).sort()).toEqual(['a.docx', 'a.pdf']);
  });

  it('names a handout it cannot replace, still writes the others, and leaves no temporary file', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, 'statements/b.md': GOOD });
    mkdirSync(join(project, 'dist/a.pdf/in-the-way'), { recursive: true });
    const run = await build(project);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/statements\/a\.md: could not write dist\/a\.pdf: a folder stands in its place/);
    expect(existsSync(join(project, 'dist/a.docx'))).toBe(true);
    expect(existsSync(join(project, 'dist/b.pdf'))).toBe(true);
    expect(readdirSync(join(project, 'dist')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('what is built', () => {
  const broken = GOOD.replace('Thank you, Chair.\n\n', '');

  it('leaves out statements with errors, naming their first error, and builds the rest (exit 1)', async () => {
    const project = tempProject({ 'statements/bad.md': broken, 'statements/good.md': GOOD });
    const run = await build(project);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /✖ statements\/bad\.md not built: 8:1 Expected the opening to address the presiding officer .*\(opening-address\)/,
    );
    expect(existsSync(join(project, 'dist/bad.pdf'))).toBe(false);
    expect(existsSync(join(project, 'dist/good.pdf'))).toBe(true);
  });

  it('--force builds them all, prints the errors and exits 0', async () => {
    const project = tempProject({ 'statements/bad.md': broken, 'statements/good.md': GOOD });
    const run = await build(project, '--force');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/statements\/bad\.md:8:1 +error +Expected the opening/);
    expect(existsSync(join(project, 'dist/bad.pdf'))).toBe(true);
  });

  it('--force still exits 1, naming it, when a statement cannot be built at all', async () => {
    const beyond = `${GOOD.replace('Thank you.\n', '')}${'a'.repeat(20_000)}\n\nThank you.\n`;
    const project = tempProject({ 'statements/beyond.md': beyond, 'statements/good.md': GOOD });
    const run = await build(project, '--force');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✖ statements\/beyond\.md not built: .*at most 16 KB/);
    expect(existsSync(join(project, 'dist/good.pdf'))).toBe(true);
    expect(existsSync(join(project, 'dist/beyond.pdf'))).toBe(false);
  });

  it('never lets two statements write the same handout, even where names differ only in case', async () => {
    const project = tempProject({
      'statements/a.md': GOOD,
      'statements/a.markdown': GOOD.replace('welcomes', 'applauds'),
      'statements/A.md': GOOD.replace('welcomes', 'salutes'),
    });
    const run = await build(project, 'statements', '--to', 'docx');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✔ statements/A.md → dist/A.docx');
    for (const other of ['a.markdown', 'a.md']) {
      expect(run.stdout).toContain(
        `✖ statements/${other} not built: 1:1 Expected a handout name of its own, found \`a\`, which is \`A\` of \`statements/A.md\` on Windows and macOS`,
      );
    }
    expect(readdirSync(join(project, 'dist')).sort()).toEqual(['A.docx', 'manifest.json']);
  });

  it('refuses an output folder it cannot make (a file in its place, a file system that takes no folders) with exit 2, without hanging', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, handouts: 'a file' });
    const file = await build(project, '--out', 'handouts');
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(
      'Expected an output folder at `' + join(project, 'handouts') + '`, found a file there',
    );
    if (existsSync('/proc/self')) {
      // Node's own recursive mkdir never returns here.
      const proc = await build(project, '--out', '/proc/alliance-handouts');
      expect(proc.code).toBe(2);
      expect(proc.stderr).toContain('Expected an output folder at `/proc/alliance-handouts`, found an error: `ENOENT`');
    }
  });

  it('--to picks the formats, --out the folder', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    expect((await build(project, '--to', 'docx', '--out', 'handouts')).code).toBe(0);
    expect(readdirSync(join(project, 'handouts')).sort()).toEqual(['a.docx', 'manifest.json']);
    const bad = await build(project, '--to', 'odt');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Expected `docx`, `pdf` or `docx,pdf`, found `odt`');
  });

  it('warns about an image it leaves out, and a character no font has', async () => {
    const project = tempProject({
      'statements/a.md': GOOD.replace(
        'Thank you.\n',
        '![secret](../../../etc/passwd) and 中文 and \u{13000} text.\n\nThank you.\n',
      ),
    });
    const run = await build(project);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /12:1 +warning +Expected an image file at `\.\.\/\.\.\/\.\.\/etc\/passwd`, found none|12:1 +warning +Expected an image inside the project/,
    );
    expect(run.stdout).toMatch(
      /warning +Expected a character the handout's fonts can draw, found \u{13000} \(U\+13000\), which no font has +missing-glyph/u,
    );
    expect(run.stdout).not.toContain('U+4E2D');
  });

  it('embeds PNGs of every colour type, depth and interlacing, and leaves out damaged ones with a warning, never crashing', async () => {
    const kinds: [number, number][] = [
      [0, 1],
      [0, 8],
      [0, 16],
      [2, 8],
      [2, 16],
      [3, 1],
      [3, 8],
      [4, 8],
      [6, 8],
      [6, 16],
    ];
    const files: Record<string, Uint8Array | string> = {};
    const uses: string[] = [];
    for (const [type, depth] of kinds) {
      for (const interlaced of [false, true]) {
        const name = `t${type}d${depth}${interlaced ? 'i' : ''}`;
        files[`statements/${name}.png`] = makePng(13, 11, type, depth, interlaced);
        files[`statements/${name}-damaged.png`] = damagePng(makePng(13, 11, type, depth, interlaced));
        uses.push(`![${name}](${name}.png) ![${name}-damaged](${name}-damaged.png)`);
      }
    }
    const cut = makePng(13, 11, 6, 8);
    files['statements/cut.png'] = cut.subarray(0, cut.length - 20);
    uses.push('![cut](cut.png)');
    // Small interlaced images with transparency, which the standard allows and pdfkit's own decoder fails on.
    const tiny = [
      [1, 3],
      [2, 2],
      [3, 1],
    ].flatMap(([width, height]) =>
      [4, 6].map((type) => ({
        name: `tiny-${type}-${width}x${height}`,
        png: makePng(width!, height!, type, 8, true, 0x43),
      })),
    );
    for (const { name, png } of tiny) {
      files[`statements/${name}.png`] = png;
      uses.push(`![${name}](${name}.png)`);
    }
    files['statements/a.md'] = GOOD.replace('Thank you.\n', `${uses.join('\n\n')}\n\nThank you.\n`);
    const project = tempProject(files);
    const run = await build(project);
    expect(run.code).toBe(0);
    const warned = [...run.stdout.matchAll(/Expected a readable PNG image, found `([^`]+)` with ([^;]+);/g)].map(
      (match) => `${match[1]}: ${match[2]}`,
    );
    expect(warned).toHaveLength(kinds.length * 2 + 1);
    expect(
      warned.every((line) => /-damaged\.png: image data that does not inflate|cut\.png: its end cut off/.test(line)),
    ).toBe(true);
    const media = Object.keys(docxParts(readFileSync(join(project, 'dist/a.docx')))).filter((name) =>
      name.startsWith('word/media/'),
    );
    expect(media).toHaveLength(kinds.length * 2 + tiny.length);
    expect((await pdfContent(readFileSync(join(project, 'dist/a.pdf')))).numPages).toBeGreaterThan(0);
  });

  it('never reads an image that is a folder or a pipe (which would block), and says which it found', async () => {
    const project = tempProject({
      'statements/a.md': GOOD.replace('Thank you.\n', '![room](room.png) and ![pipe](pipe.png)\n\nThank you.\n'),
    });
    mkdirSync(join(project, 'statements/room.png'));
    execFileSync('mkfifo', [join(project, 'statements/pipe.png')]);
    const run = await build(project, '--to', 'docx');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /warning +Expected an image file at `room\.png`, found a folder; its alt text `room` stands in +image/,
    );
    expect(run.stdout).toMatch(
      /warning +Expected an image file at `pipe\.png`, found something else \(a pipe, socket or device\); its alt text `pipe` stands in +image/,
    );
  });

  it('writes well-formed XML from text holding characters XML does not allow (U+FFFE, U+FFFF)', async () => {
    const project = tempProject({
      'statements/a.md': GOOD.replace(
        'speaker: Ana Pérez',
        'speaker: "Ana \uFFFF Pérez"\ntitle: "A \uFFFE title"',
      ).replace('welcomes', 'welcomes \uFFFF and \uFFFE'),
    });
    expect((await build(project, '--to', 'docx')).code).toBe(0);
    const parts = docxParts(readFileSync(join(project, 'dist/a.docx')));
    for (const [name, text] of Object.entries(parts)) expect(text, name).not.toMatch(/[\uFFFE\uFFFF]/);
    expect(parts['docProps/core.xml']).toContain('<dc:title>A  title</dc:title>');
    expect(docxParagraphs(parts['word/document.xml']!).map((paragraph) => paragraph.text)).toContain(
      'The Alliance of NGOs welcomes  and  the resolution.',
    );
  });

  it("makes the speaker's copy in large type, with times and the end of the slot", async () => {
    const long = GOOD.replace('forum: CCPCJ\n', 'forum: CCPCJ\nslot: 10s\n').replace(
      'Thank you.\n',
      `${'We call on States to act now. '.repeat(6)}\n\nThank you.\n`,
    );
    const project = tempProject({ 'statements/a.md': long });
    const run = await build(project, '--speaker-copy', '--force');
    expect(run.code).toBe(0);
    const pdf = await pdfContent(readFileSync(join(project, 'dist/a.speaker.pdf')));
    const body = pdf.items.filter((item) => item.text.includes('welcomes the resolution'));
    expect(body[0]!.size).toBeGreaterThanOrEqual(16);
    const text = pdf.pages.join('\n');
    expect(text).toMatch(/0:0\d/);
    expect(text).toContain('0:10: end of the speaking slot');
    expect(text.indexOf('0:10: end of the speaking slot')).toBeLessThan(text.lastIndexOf('We call on States'));
    const docx = docxParts(readFileSync(join(project, 'dist/a.speaker.docx')));
    expect(docx['word/styles.xml']).toMatch(/<w:sz w:val="36"\/>/);
    expect(docx['word/document.xml']).toContain('0:10: end of the speaking slot');
  });
});
