/** Reading handouts back as a reader would: the XML parts of a DOCX, the text and metadata of a PDF. */
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The parts of a .docx, as text (XML) or bytes (media). */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    parts[name] = name.startsWith('word/media/') ? `<${data.length} bytes>` : strFromU8(data);
  return parts;
}

/** A run of a DOCX paragraph: its text and its bold and italic. */
export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The paragraphs of a WordprocessingML part: text, runs, style, numbering. */
export function docxParagraphs(
  xml: string,
): { text: string; runs: DocxRun[]; style?: string; numbering?: string; xml: string }[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((match) => {
    const body = match[1] ?? '';
    const runs = [...body.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)].map((run) => {
      const inner = run[1]!;
      const text = [...inner.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
        .map((piece) =>
          piece[0].startsWith('<w:br') ? '\n' : piece[0].startsWith('<w:tab') ? '\t' : decode(piece[1] ?? ''),
        )
        .join('');
      return {
        text,
        bold: /<w:b\/>|<w:b w:val="(?:true|1)"\/>/.test(inner),
        italic: /<w:i\/>|<w:i w:val="(?:true|1)"\/>/.test(inner),
      };
    });
    return {
      text: runs.map((run) => run.text).join(''),
      runs,
      style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1],
      numbering: /<w:numId w:val="([^"]+)"/.exec(body)?.[1],
      xml: match[0],
    };
  });
}

/** A PDF opened by pdf.js (the legacy build), as a viewer opens it: no script evaluated, no fonts installed. */
export function openPdf(bytes: Uint8Array) {
  return getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
}

/** The text of a PDF, page by page, in content order, with its metadata and the size of each text item. */
export async function pdfContent(bytes: Uint8Array): Promise<{
  pages: string[];
  items: { text: string; size: number; page: number }[];
  info: Record<string, unknown>;
  numPages: number;
}> {
  const document = await openPdf(bytes);
  const pages: string[] = [];
  const items: { text: string; size: number; page: number }[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim() !== '')
        items.push({ text: item.str, size: Math.abs(item.transform[0] as number), page: number });
    }
    pages.push(text);
  }
  const { info } = await document.getMetadata();
  const numPages = document.numPages;
  await document.destroy();
  return { pages, items, info: info as Record<string, unknown>, numPages };
}

/** The words of a text, for comparing what a handout holds with what the statement says. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The text of every ToUnicode map of a PDF (its streams inflated where they are compressed): what each
 * drawn glyph is recorded as, before a reader normalizes it (poppler and pdf.js report U+00A0 and
 * U+202F as plain spaces).
 */
export function pdfUnicodeMaps(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('latin1');
  const maps: string[] = [];
  for (const found of text.matchAll(/stream\r?\n/g)) {
    const start = found.index + found[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    const raw = Buffer.from(text.slice(start, end), 'latin1');
    let data: string;
    try {
      data = inflateSync(raw).toString('latin1');
    } catch {
      data = raw.toString('latin1');
    }
    if (data.includes('begincmap')) maps.push(data);
  }
  return maps;
}

/** How many pixels of a PDF's first page, rendered in grey by poppler at `dpi`, are dark: how much ink it has. */
export function ink(pdf: string, dpi: number): number {
  const image = execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', '1', '-l', '1', pdf], {
    maxBuffer: 64 << 20,
  });
  // A binary PGM: "P5", width, height and the largest value, each after white space, then the pixels.
  const header = /^P5\s+\d+\s+\d+\s+\d+\s/.exec(image.toString('latin1', 0, 64))![0].length;
  return image.subarray(header).filter((value) => value < 128).length;
}
