/**
 * Tagged, accessible PDFs (PDF/UA-1): every handout and speaker's copy of the six language fixtures,
 * the examples and the build fixture passes the machine-checkable PDF/UA conditions (test/helpers/pdf-ua.ts,
 * read with pikepdf), and pdf.js, reading the structure tree as Firefox's viewer does, finds every
 * drawn text either in an element of the tree or in an artifact (header, page numbers, margin times).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { openPdf } from './helpers/documents.js';
import { checkPdfUa } from './helpers/pdf-ua.js';
import { filesIn, handoutProject, tempProject } from './helpers/statements.js';

const LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

interface TreeNode {
  role?: string;
  type?: string;
  id?: string;
  lang?: string;
  alt?: string;
  children?: TreeNode[];
}

/** The roles of a pdf.js structure tree in document order, and the ids of the marked content it names. */
function walk(node: TreeNode, roles: string[], ids: Set<string>, langs: string[]): void {
  if (node.role) roles.push(node.role);
  if (node.lang) langs.push(node.lang);
  if (node.type === 'content' && node.id) ids.add(node.id);
  for (const child of node.children ?? []) walk(child, roles, ids, langs);
}

/** What pdf.js reads of a PDF's structure: roles, languages, and the text inside and outside the tree. */
async function pdfjsStructure(path: string): Promise<{
  roles: string[];
  langs: string[];
  tagged: string;
  artifacts: string;
  untagged: string[];
}> {
  const document = await openPdf(readFileSync(path));
  const roles: string[] = [];
  const langs: string[] = [];
  let tagged = '';
  let artifacts = '';
  const untagged: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const ids = new Set<string>();
    const tree = (await page.getStructTree()) as TreeNode | null;
    if (tree) walk(tree, roles, ids, langs);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: { tag: string; id?: string }[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps')
          open.push({ tag: (item as { tag?: string }).tag ?? '', id: (item as { id?: string }).id });
        else if (item.type === 'endMarkedContent') open.pop();
        continue;
      }
      if (item.str.trim() === '') continue;
      if (open.some((entry) => entry.tag === 'Artifact')) artifacts += item.str + ' ';
      else if (open.some((entry) => entry.id !== undefined && ids.has(entry.id))) tagged += item.str + ' ';
      else untagged.push(item.str);
    }
  }
  await document.destroy();
  return { roles, langs, tagged, artifacts, untagged };
}

describe('a tagged PDF handout', () => {
  let project: string;
  let pdfs: string[];

  beforeAll(async () => {
    project = handoutProject(LANGUAGES);
    const built = await runCli(['build', '--speaker-copy', '--force', '--concurrency', 'off'], { cwd: project });
    expect(built.code, built.stderr).toBe(0);
    pdfs = filesIn(join(project, 'dist'), /\.pdf$/).map((name) => join(project, 'dist', name));
    expect(pdfs.length).toBeGreaterThanOrEqual(LANGUAGES.length * 2 + 2);
  }, 120_000);

  it('passes the machine-checkable PDF/UA-1 conditions, every handout and speaker’s copy', () => {
    for (const pdf of pdfs) {
      const report = checkPdfUa(pdf);
      expect(report.failures, pdf).toEqual([]);
      expect(report.counts.mcids, pdf).toBeGreaterThan(5);
      expect(report.counts.artifacts, pdf).toBeGreaterThan(0);
    }
  });

  it('has a structure tree of what the statement holds: headings, lists, quotes, tables, notes, links, figures', () => {
    const report = checkPdfUa(join(project, 'dist/everything.pdf'));
    const tree = report.tree.map((line) => line.trim());
    for (const role of [
      'Document',
      'H1',
      'H2',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'BlockQuote',
      'Table',
      'TR',
      'TH',
      'TD',
      'Code',
      'Note',
      'Link',
      'Figure',
    ])
      expect(tree, role).toContain(role);
    expect(report.counts.links).toBeGreaterThan(0);
    expect(report.counts.figures).toBeGreaterThan(0);
  });

  it('gives pdf.js every text in the tree or in an artifact: the header, page numbers and margin times are artifacts', async () => {
    for (const language of LANGUAGES) {
      const handout = await pdfjsStructure(join(project, `dist/languages/${language}.pdf`));
      expect(handout.untagged, language).toEqual([]);
      expect(handout.roles.slice(0, 3), language).toEqual(['Root', 'Document', 'H1']);
      const speaker = await pdfjsStructure(join(project, `dist/languages/${language}.speaker.pdf`));
      expect(speaker.untagged, language).toEqual([]);
      // The margin times (`0:00`, `1:23`) are for the speaker's eye: artifacts, never read out.
      expect(speaker.artifacts, language).toMatch(/\b0:00\b/);
      expect(speaker.tagged, language).not.toMatch(/\b0:00\b/);
    }
    const english = await pdfjsStructure(join(project, 'dist/languages/en.pdf'));
    expect(english.artifacts).toMatch(/Page 1 of 1/);
    expect(english.tagged).not.toMatch(/Page 1 of 1|Check against delivery/);
  });

  it('names its language, and the language of a stretch in another script', async () => {
    for (const language of LANGUAGES)
      expect(checkPdfUa(join(project, `dist/languages/${language}.pdf`)).lang).toBe(language);
    const quoted = tempProject({
      'statements/quote.md':
        '---\nforum: CCPCJ\nsession: 34\nspeaker: Ana Pérez\norganization: Alliance of NGOs\n---\n\nThank you, Chair.\n\nA survivor told us: “كنت رقماً فقط في ملف عام” and asked for her name.\n\nThank you.\n',
    });
    expect((await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: quoted })).code).toBe(0);
    const structure = await pdfjsStructure(join(quoted, 'dist/quote.pdf'));
    expect(structure.langs).toContain('ar');
    expect(structure.untagged).toEqual([]);
  });
});

describe('the metadata of a tagged PDF', () => {
  it('holds a title with XML’s special characters as written, in well-formed XMP', async () => {
    const title = 'Victims & witnesses: a<b, "always" \'now\'';
    const project = tempProject({
      'statements/amp.md': `---\ntitle: ${JSON.stringify(title)}\nforum: CCPCJ\nsession: 34\nspeaker: Ana & Co\norganization: Alliance of NGOs\n---\n\nThank you, Chair.\n\nThank you.\n`,
    });
    const built = await runCli(['build', '--to', 'pdf', '--concurrency', 'off'], { cwd: project });
    expect(built.code, built.stderr + built.stdout).toBe(0);
    const report = checkPdfUa(join(project, 'dist/amp.pdf'));
    expect(report.failures).toEqual([]);
    expect(report.title).toBe(title);
  });
});

describe('the PDF/UA check itself', () => {
  it('fails an untagged PDF, naming what is missing', async () => {
    const folder = tempProject();
    const doc = new PDFDocument({ pdfVersion: '1.7' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    doc.text('Untagged text.');
    doc.end();
    await ended;
    writeFileSync(join(folder, 'untagged.pdf'), Buffer.concat(chunks));
    const checkpoints = checkPdfUa(join(folder, 'untagged.pdf')).failures.map(([checkpoint]) => checkpoint);
    for (const expected of ['06-001', '11-001', '01-006']) expect(checkpoints).toContain(expected);
  });
});
