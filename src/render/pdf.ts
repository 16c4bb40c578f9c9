/**
 * Handout → PDF in pure JavaScript, with pdfkit and the fonts shipped as npm packages (subset into
 * the file), so `npm ci` alone gives PDFs on any machine. The layout is the project's own: lines are
 * broken and placed here, which keeps the text in reading order, the header and footer on every page
 * ("Page X of Y"), paragraphs of the speaker's copy whole on a page, and characters no font can draw
 * reported instead of silently left blank.
 */
import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import type { Point } from '../model/statement.js';
import { covers, fontSet, type FontSet, type FontStyle } from './fonts.js';
import type { Block, Handout, ImageData, Inline, Marks } from './handout.js';
import { PAPER, pageLabel, type Template } from './template.js';

/** A character no font of the handout can draw, where it was first met. */
export interface MissingGlyph {
  character: string;
  place?: Point;
}

/** The PDF and what could not be drawn. */
export interface PdfResult {
  bytes: Uint8Array;
  missing: MissingGlyph[];
}

type Family = 'body' | 'headings' | 'code';

/** How a paragraph is drawn: its time (speaker's copy), its list marker, a bar beside it, the space after it. */
interface ParagraphOptions {
  time?: { label: string };
  marker?: string;
  decorate?: (top: number, height: number) => void;
  spacing?: number;
}

interface RunStyle {
  family: Family;
  bold: boolean;
  italic: boolean;
  size: number;
  colour: string;
  link?: string;
  strike?: boolean;
  /** Raise above the baseline (superscript), in points. */
  rise?: number;
}

interface Token {
  kind: 'word' | 'space' | 'break' | 'image';
  text: string;
  style: RunStyle;
  width: number;
  place?: Point;
  image?: ImageData;
}

interface Line {
  tokens: Token[];
  width: number;
  height: number;
  ascent: number;
}

const POINTS_PER_PIXEL = 72 / 96;
/** Bullets by depth, all in the shipped fonts. */
const BULLETS = ['•', '–', '·'];
const LINE_FACTOR = 1.2;
const GUTTER = 46;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const INVISIBLE = /[\p{Cf}\p{Zs}\p{Cc}]/u;

const widths = new WeakMap<Font, Map<string, number>>();

/** The advance width of `text` in font units per em, cached per font across documents. */
function unitsWide(font: Font, text: string): number {
  let known = widths.get(font);
  if (!known) {
    known = new Map();
    widths.set(font, known);
  }
  let width = known.get(text);
  if (width === undefined) {
    width = (font.layout(text).advanceWidth / font.unitsPerEm) * 1000;
    known.set(text, width);
  }
  return width;
}

function styleKey(style: FontStyle | undefined, bold: boolean, italic: boolean): FontStyle {
  return style ?? (bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular');
}

/** Renders a handout to the bytes of a PDF file, the same bytes for the same handout. */
export async function renderPdf(handout: Handout): Promise<PdfResult> {
  return new PdfRenderer(handout).render();
}

class PdfRenderer {
  private readonly doc: PDFKit.PDFDocument;
  private readonly template: Template;
  private readonly fonts: Record<Family, FontSet>;
  private readonly speaker: boolean;
  private readonly bodySize: number;
  private readonly lineSpacing: number;
  private readonly pageWidth: number;
  private readonly pageHeight: number;
  private readonly left: number;
  private readonly right: number;
  private readonly top: number;
  private readonly bottom: number;
  private y: number;
  private readonly missing = new Map<string, MissingGlyph>();

  constructor(private readonly handout: Handout) {
    this.template = handout.template;
    this.speaker = handout.copy === 'speaker';
    this.bodySize = this.speaker ? this.template.speakerCopy.size : this.template.sizes.body;
    this.lineSpacing = this.speaker ? this.template.speakerCopy.lineSpacing : this.template.lineSpacing;
    [this.pageWidth, this.pageHeight] = PAPER[this.template.paper];
    const { margins } = this.template;
    this.left = margins.left;
    this.right = this.pageWidth - margins.right;
    this.top = margins.top;
    this.bottom = this.pageHeight - margins.bottom;
    this.y = this.top;
    this.fonts = { body: fontSet(this.template.fonts.body), headings: fontSet(this.template.fonts.headings), code: fontSet(this.template.fonts.code) };
    const { meta } = handout;
    this.doc = new PDFDocument({
      size: [this.pageWidth, this.pageHeight],
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      bufferPages: true,
      autoFirstPage: true,
      compress: true,
      // No default Helvetica: pdfkit would parse its metrics for every document, and every run names its font.
      font: null as unknown as string,
      lang: meta.language,
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: meta.author,
        Subject: meta.subject,
        Keywords: meta.keywords.join(', '),
        Creator: 'alliance',
        Producer: 'alliance (pdfkit)',
        CreationDate: meta.date,
        ModDate: meta.date,
      },
    });
    for (const family of ['body', 'headings', 'code'] as const) {
      for (const style of ['regular', 'bold', 'italic', 'boldItalic'] as const) this.doc.registerFont(`${family}-${style}`, this.fonts[family][style] as never);
    }
  }

  async render(): Promise<PdfResult> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve) => this.doc.on('end', () => resolve()));
    this.header();
    this.titleBlock();
    this.blocks(this.handout.blocks, this.left, 0);
    this.notes();
    this.footers();
    this.doc.end();
    await ended;
    return { bytes: new Uint8Array(Buffer.concat(chunks)), missing: [...this.missing.values()] };
  }

  // — text measuring and drawing —

  private font(style: RunStyle): Font {
    return this.fonts[style.family][styleKey(undefined, style.bold, style.italic)];
  }

  private fontName(style: RunStyle): string {
    return `${style.family}-${styleKey(undefined, style.bold, style.italic)}`;
  }

  private width(text: string, style: RunStyle): number {
    return (unitsWide(this.font(style), text) * style.size) / 1000;
  }

  private lineHeight(size: number): number {
    return size * this.lineSpacing * LINE_FACTOR;
  }

  private ascent(style: RunStyle): number {
    const font = this.font(style);
    return (font.ascent / font.unitsPerEm) * style.size;
  }

  private base(overrides: Partial<RunStyle> = {}): RunStyle {
    return { family: 'body', bold: false, italic: false, size: this.bodySize, colour: this.template.colours.text, ...overrides };
  }

  private styled(base: RunStyle, marks: Marks): RunStyle {
    return {
      ...base,
      family: marks.code ? 'code' : base.family,
      size: marks.code ? base.size * (this.template.sizes.code / this.template.sizes.body) : base.size,
      bold: base.bold || marks.bold === true,
      italic: base.italic || marks.italic === true,
      strike: marks.strike,
      link: marks.link,
      colour: marks.link ? this.template.colours.link : base.colour,
    };
  }

  /** Notes which characters the run's font cannot draw (once per character). */
  private checkGlyphs(text: string, style: RunStyle, place: Point | undefined): void {
    const font = this.font(style);
    for (const character of text) {
      const codePoint = character.codePointAt(0)!;
      if (covers(font, codePoint) || INVISIBLE.test(character) || this.missing.has(character)) continue;
      this.missing.set(character, { character, place });
    }
  }

  /** Splits inlines into measured tokens: words, spaces, breaks, images. */
  private tokens(inlines: readonly Inline[], base: RunStyle): Token[] {
    const tokens: Token[] = [];
    const { colours } = this.template;
    const pushText = (text: string, style: RunStyle, place?: Point) => {
      for (const piece of text.replace(CONTROL, '').split(/( +)/)) {
        if (piece === '') continue;
        const kind = piece.startsWith(' ') ? 'space' : 'word';
        if (kind === 'word') this.checkGlyphs(piece, style, place);
        tokens.push({ kind, text: kind === 'space' ? ' ' : piece, style, width: this.width(kind === 'space' ? ' ' : piece, style), place });
      }
    };
    for (let index = 0; index < inlines.length; index += 1) {
      const inline = inlines[index]!;
      if (inline.type === 'break') tokens.push({ kind: 'break', text: '', style: base, width: 0 });
      else if (inline.type === 'note') {
        const style = { ...base, size: base.size * 0.65, rise: base.size * 0.35 };
        tokens.push({ kind: 'word', text: String(inline.number), style, width: this.width(String(inline.number), style) });
      } else if (inline.type === 'image') tokens.push({ kind: 'image', text: inline.alt, style: base, width: 0, image: inline.image });
      else {
        const style = this.styled(base, inline.marks);
        pushText(inline.text, style, inline.place);
        // A link's address is shown after its last run, unless the text is the address.
        const link = inline.marks.link;
        const next = inlines[index + 1];
        const continues = next?.type === 'text' && next.marks.link === link;
        if (link && !continues && !link.endsWith(inline.text.trim()) && !`mailto:${inline.text.trim()}`.endsWith(link)) {
          pushText(` (${link.replace(/^mailto:/, '')})`, { ...base, size: base.size * 0.85, colour: colours.muted }, inline.place);
        }
      }
    }
    return tokens;
  }

  /** Breaks tokens into lines of at most `width` points. */
  private lines(tokens: readonly Token[], width: number, minSize: number): Line[] {
    const lines: Line[] = [];
    let current: Token[] = [];
    let lineWidth = 0;
    const finish = () => {
      while (current.length > 0 && current[current.length - 1]!.kind === 'space') lineWidth -= current.pop()!.width;
      const size = Math.max(minSize, ...current.map((token) => token.style.size));
      const ascent = Math.max(this.ascent(this.base({ size: minSize })), ...current.map((token) => this.ascent(token.style)));
      lines.push({ tokens: current, width: lineWidth, height: this.lineHeight(size), ascent });
      current = [];
      lineWidth = 0;
    };
    for (const token of tokens) {
      if (token.kind === 'break') {
        finish();
        continue;
      }
      if (token.kind === 'image') {
        if (current.length > 0) finish();
        lines.push({ tokens: [token], width: 0, height: 0, ascent: 0 });
        continue;
      }
      if (token.kind === 'space') {
        if (current.length > 0) {
          current.push(token);
          lineWidth += token.width;
        }
        continue;
      }
      if (lineWidth + token.width > width && current.length > 0) finish();
      if (token.width > width) {
        // A word longer than the line (a long address): broken between characters.
        let piece = '';
        for (const character of token.text) {
          const wider = this.width(piece + character, token.style);
          if (wider > width - lineWidth && piece !== '') {
            current.push({ ...token, text: piece, width: this.width(piece, token.style) });
            lineWidth += this.width(piece, token.style);
            finish();
            piece = '';
          }
          piece += character;
        }
        if (piece !== '') {
          const rest = { ...token, text: piece, width: this.width(piece, token.style) };
          current.push(rest);
          lineWidth += rest.width;
        }
        continue;
      }
      current.push(token);
      lineWidth += token.width;
    }
    if (current.length > 0 || lines.length === 0) finish();
    return lines;
  }

  private newPage(): void {
    this.doc.addPage();
    this.header();
    this.y = this.top;
  }

  private ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top) this.newPage();
  }

  /** Draws one line at `x`, its runs of equal style each in one piece, spaces included. */
  private drawLine(line: Line, x: number): void {
    const { doc } = this;
    const image = line.tokens[0]?.kind === 'image' ? line.tokens[0] : undefined;
    if (image?.image) {
      this.drawImage(image.image, x);
      return;
    }
    let cursor = x;
    let index = 0;
    while (index < line.tokens.length) {
      const style = line.tokens[index]!.style;
      let text = '';
      while (index < line.tokens.length && line.tokens[index]!.style === style) text += line.tokens[index++]!.text;
      const width = this.width(text, style);
      const top = this.y + line.ascent - this.ascent(style) - (style.rise ?? 0);
      doc.font(this.fontName(style)).fontSize(style.size).fillColor(style.colour);
      doc.text(text, cursor, top, { lineBreak: false, link: style.link ?? null, strike: style.strike === true, underline: style.link !== undefined });
      cursor += width;
    }
  }

  private drawImage(image: ImageData, x: number): void {
    const maxWidth = this.right - x;
    const maxHeight = this.bottom - this.top;
    const natural = { width: image.width * POINTS_PER_PIXEL, height: image.height * POINTS_PER_PIXEL };
    const scale = Math.min(1, maxWidth / natural.width, maxHeight / natural.height);
    const width = natural.width * scale;
    const height = natural.height * scale;
    this.ensure(height);
    this.doc.image(Buffer.from(image.data), x, this.y, { width, height });
    this.y += height + this.template.paragraphSpacing / 2;
  }

  /** Draws lines from the cursor down, across pages, with an optional decoration beside each line. */
  private drawLines(lines: readonly Line[], x: number, decorate?: (top: number, height: number) => void): void {
    for (const line of lines) {
      if (line.tokens[0]?.kind !== 'image') this.ensure(line.height);
      decorate?.(this.y, line.height);
      this.drawLine(line, x);
      if (line.tokens[0]?.kind !== 'image') this.y += line.height;
    }
  }

  // — blocks —

  private titleBlock(): void {
    const { title, labels } = this.handout;
    const { colours, sizes } = this.template;
    const draw = (text: string, style: RunStyle) => this.drawLines(this.lines(this.tokens([{ type: 'text', text, marks: {} }], style), this.right - this.left, style.size), this.left);
    if (this.speaker) draw(labels.speakerCopy, this.base({ bold: true, colour: this.template.speakerCopy.slotColour, size: sizes.subtitle }));
    if (title.title) draw(title.title, this.base({ family: 'headings', bold: true, size: sizes.title, colour: colours.accent }));
    if (title.byline) draw(title.byline, this.base({ bold: true, size: sizes.subtitle }));
    if (title.organization) draw(title.organization, this.base({ size: sizes.subtitle }));
    if (title.title || title.byline || title.organization) {
      this.y += 4;
      this.doc.moveTo(this.left, this.y).lineTo(this.right, this.y).lineWidth(0.75).strokeColor(colours.rule).stroke();
      this.y += this.template.paragraphSpacing * 2;
    }
  }

  private blocks(blocks: readonly Block[], x: number, depth: number, base = this.base()): void {
    for (const block of blocks) this.block(block, x, depth, base);
  }

  /** A paragraph; in the speaker's copy kept on one page where it fits, its time in the margin. */
  private paragraph(inlines: readonly Inline[], x: number, base: RunStyle, options: ParagraphOptions = {}): void {
    const { time, marker, decorate } = options;
    const textX = this.speaker ? x + GUTTER : x;
    const lines = this.lines(this.tokens(inlines, base), this.right - textX, base.size);
    const height = lines.reduce((sum, line) => sum + line.height, 0);
    if (this.speaker && height <= this.bottom - this.top) this.ensure(height);
    else this.ensure(lines[0]?.height ?? 0);
    const firstTop = this.y;
    const firstAscent = lines[0]?.ascent ?? this.ascent(base);
    if (time) {
      const style = this.base({ size: this.bodySize * 0.6, colour: this.template.speakerCopy.timeColour });
      this.doc.font(this.fontName(style)).fontSize(style.size).fillColor(style.colour);
      this.doc.text(time.label, x, firstTop + firstAscent - this.ascent(style), { lineBreak: false });
    }
    if (marker) {
      this.checkGlyphs(marker, base, undefined);
      const width = this.width(marker, base);
      this.doc.font(this.fontName(base)).fontSize(base.size).fillColor(base.colour);
      this.doc.text(marker, textX - width - 6, firstTop + firstAscent - this.ascent(base), { lineBreak: false });
    }
    this.drawLines(lines, textX, decorate);
    this.y += options.spacing ?? this.template.paragraphSpacing;
  }

  private block(block: Block, x: number, depth: number, base: RunStyle, marker?: string): void {
    const { template } = this;
    switch (block.type) {
      case 'paragraph':
        this.paragraph(block.inlines, x, base, { time: block.time, marker });
        return;
      case 'heading': {
        const size = this.speaker ? Math.max(this.bodySize, template.sizes.headings[0] ?? this.bodySize) : (template.sizes.headings[block.depth - 1] ?? template.sizes.body);
        const style = this.base({ family: 'headings', bold: true, size, colour: template.colours.accent });
        this.y += template.paragraphSpacing * 0.6;
        const lines = this.lines(this.tokens(block.inlines, style), this.right - x, size);
        // Keep a heading with the first lines after it.
        this.ensure(lines.reduce((sum, line) => sum + line.height, 0) + this.lineHeight(this.bodySize) * 2);
        this.drawLines(lines, x);
        this.y += template.paragraphSpacing * 0.6;
        return;
      }
      case 'quote': {
        const barX = x + 6;
        const inner = x + 22;
        const decorate = (top: number, height: number) => this.doc.rect(barX, top, 2.5, height).fill(template.colours.quoteBar);
        const quoteBase = { ...base, italic: true };
        block.blocks.forEach((child, index) => {
          if (child.type === 'paragraph') this.paragraph(child.inlines, inner, quoteBase, { time: index === 0 ? block.time : undefined, decorate });
          else this.block(child, inner, depth, quoteBase);
        });
        return;
      }
      case 'list': {
        // Items of a tight list (no blank lines between them in the Markdown) sit close together.
        const spacing = block.tight && !this.speaker ? template.paragraphSpacing / 3 : template.paragraphSpacing;
        block.items.forEach((item, index) => {
          const itemMarker = block.ordered ? `${block.start + index}.` : BULLETS[depth % BULLETS.length]!;
          const box: Inline[] = item.checked === null ? [] : [{ type: 'text', text: item.checked ? '[x] ' : '[ ] ', marks: { code: true } }];
          const inner = x + 22;
          const [first, ...rest] = item.blocks;
          if (first?.type === 'paragraph') {
            this.paragraph([...box, ...first.inlines], inner, base, { time: item.time, marker: itemMarker, spacing });
            this.blocks(rest, inner, depth + 1, base);
          } else {
            this.paragraph(box, inner, base, { time: item.time, marker: itemMarker, spacing });
            this.blocks(item.blocks, inner, depth + 1, base);
          }
        });
        if (block.tight) this.y += template.paragraphSpacing - spacing;
        return;
      }
      case 'code':
        this.code(block.text, x);
        return;
      case 'table':
        this.table(block, x);
        return;
      case 'rule':
        this.ensure(template.paragraphSpacing * 2);
        this.y += template.paragraphSpacing / 2;
        this.doc.moveTo(x, this.y).lineTo(this.right, this.y).lineWidth(0.75).strokeColor(template.colours.rule).stroke();
        this.y += template.paragraphSpacing * 1.5;
        return;
      case 'slotEnd': {
        const style = this.base({ bold: true, size: this.bodySize * 0.7, colour: template.speakerCopy.slotColour });
        this.ensure(this.lineHeight(style.size) + this.lineHeight(this.bodySize));
        this.doc.moveTo(this.left, this.y).lineTo(this.right, this.y).lineWidth(2.5).strokeColor(template.speakerCopy.slotColour).stroke();
        this.y += 3;
        this.drawLines(this.lines(this.tokens([{ type: 'text', text: block.label, marks: {} }], style), this.right - this.left, style.size), this.left);
        this.y += template.paragraphSpacing;
        return;
      }
    }
  }

  private code(text: string, x: number): void {
    const style = this.base({ family: 'code', size: this.template.sizes.code * (this.bodySize / this.template.sizes.body) });
    const height = style.size * 1.35;
    const width = this.right - x;
    this.y += 2;
    for (const sourceLine of text.split('\n')) {
      // Leading spaces of code are kept (as no-break spaces, which lines do not drop).
      const text = sourceLine.replace(/\t/g, '    ').replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length));
      const tokens = this.tokens([{ type: 'text', text: text || ' ', marks: {} }], style);
      for (const line of this.lines(tokens, width - 12, style.size)) {
        this.ensure(height);
        this.doc.rect(x, this.y, width, height).fill(this.template.colours.codeBackground);
        this.drawLine({ ...line, height, ascent: this.ascent(style) + (height - style.size) / 2 }, x + 6);
        this.y += height;
      }
    }
    this.y += this.template.paragraphSpacing;
  }

  private table(block: Extract<Block, { type: 'table' }>, x: number): void {
    const { template } = this;
    const padding = 4;
    const available = this.right - x;
    const columns = Math.max(...block.rows.map((row) => row.length));
    const size = this.bodySize * 0.9;
    const cellTokens = block.rows.map((row, rowIndex) =>
      Array.from({ length: columns }, (_, column) => this.tokens(row[column] ?? [], this.base({ size, bold: rowIndex === 0 }))),
    );
    // Columns get at least their longest word, then share the rest in proportion to their content.
    const natural = Array.from({ length: columns }, (_, column) => Math.max(...cellTokens.map((row) => row[column]!.reduce((total, token) => total + token.width, 0))) + padding * 2);
    const minimum = Array.from({ length: columns }, (_, column) => Math.max(...cellTokens.map((row) => Math.max(0, ...row[column]!.filter((token) => token.kind === 'word').map((token) => token.width)))) + padding * 2);
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    let widths: number[];
    if (sum(natural) <= available) widths = natural.map((width) => (width / sum(natural)) * available);
    else if (sum(minimum) >= available) widths = minimum.map((width) => (width / sum(minimum)) * available);
    else {
      const slack = natural.map((width, column) => width - minimum[column]!);
      widths = minimum.map((width, column) => width + (slack[column]! / sum(slack)) * (available - sum(minimum)));
    }

    const layout = (rowIndex: number) => cellTokens[rowIndex]!.map((tokens, column) => this.lines(tokens, widths[column]! - padding * 2, size));
    const heightOf = (cells: Line[][]) => Math.max(...cells.map((lines) => lines.reduce((total, line) => total + line.height, 0))) + padding * 2;
    const drawRow = (rowIndex: number, cells: Line[][]) => {
      const height = heightOf(cells);
      let cellX = x;
      cells.forEach((lines, column) => {
        const width = widths[column]!;
        if (rowIndex === 0) this.doc.rect(cellX, this.y, width, height).fill(template.colours.tableHeader);
        this.doc.rect(cellX, this.y, width, height).lineWidth(0.5).strokeColor(template.colours.tableBorder).stroke();
        let lineY = this.y + padding;
        const align = block.align[column];
        for (const line of lines) {
          const saved = this.y;
          this.y = lineY;
          const offset = align === 'right' ? width - padding * 2 - line.width : align === 'center' ? (width - padding * 2 - line.width) / 2 : 0;
          this.drawLine(line, cellX + padding + offset);
          this.y = saved;
          lineY += line.height;
        }
        cellX += width;
      });
      this.y += height;
    };
    const header = layout(0);
    block.rows.forEach((_, rowIndex) => {
      const cells = rowIndex === 0 ? header : layout(rowIndex);
      const height = heightOf(cells);
      if (this.y + height > this.bottom && this.y > this.top) {
        this.newPage();
        if (rowIndex > 0) drawRow(0, header);
      }
      drawRow(rowIndex, cells);
    });
    this.y += template.paragraphSpacing;
  }

  private notes(): void {
    const { notes, labels } = this.handout;
    if (notes.length === 0) return;
    const { template } = this;
    this.y += template.paragraphSpacing;
    const heading = this.base({ family: 'headings', bold: true, size: template.sizes.headings[2] ?? template.sizes.body, colour: template.colours.accent });
    this.ensure(this.lineHeight(heading.size) * 3);
    this.drawLines(this.lines(this.tokens([{ type: 'text', text: labels.notes, marks: {} }], heading), this.right - this.left, heading.size), this.left);
    const style = this.base({ size: template.sizes.notes * (this.bodySize / template.sizes.body) });
    for (const note of notes) {
      const [first, ...rest] = note.blocks;
      this.paragraph(first?.type === 'paragraph' ? first.inlines : [], this.left + 18, style, { marker: `${note.number}.`, spacing: 3 });
      if (first && first.type !== 'paragraph') this.block(first, this.left + 18, 0, style);
      this.blocks(rest, this.left + 18, 0, style);
    }
  }

  /** The header, drawn when a page begins so that it comes first in the page's reading order. */
  private header(): void {
    const { doc, template, handout } = this;
    const headerStyle = this.base({ size: template.sizes.header, colour: template.colours.muted });
    const markStyle = this.base({ size: template.sizes.header, bold: true, colour: template.colours.accent });
    const lineHeight = template.sizes.header * 1.3;
    const lines = handout.header.lines;
    const ruleY = this.top - 10;
    let y = ruleY - 4 - Math.max(1, lines.length) * lineHeight;
    doc.font(this.fontName(headerStyle)).fontSize(headerStyle.size).fillColor(headerStyle.colour);
    lines.forEach((line, index) => {
      this.checkGlyphs(line, headerStyle, undefined);
      doc.font(this.fontName(headerStyle)).fontSize(headerStyle.size).fillColor(headerStyle.colour);
      doc.text(line, this.left, y, { lineBreak: false });
      if (index === 0) this.mark(markStyle, y);
      y += lineHeight;
    });
    if (lines.length === 0) this.mark(markStyle, y);
    doc.moveTo(this.left, ruleY).lineTo(this.right, ruleY).lineWidth(0.75).strokeColor(template.colours.rule).stroke();
  }

  private mark(style: RunStyle, y: number): void {
    const { mark } = this.handout.header;
    this.checkGlyphs(mark, style, undefined);
    this.doc.font(this.fontName(style)).fontSize(style.size).fillColor(style.colour);
    this.doc.text(mark, this.right - this.width(mark, style), y, { lineBreak: false });
  }

  /** "Page X of Y" on every page, once the number of pages is known. */
  private footers(): void {
    const { doc, template, handout } = this;
    const range = doc.bufferedPageRange();
    const style = this.base({ size: template.sizes.footer, colour: template.colours.muted });
    for (let index = 0; index < range.count; index += 1) {
      doc.switchToPage(range.start + index);
      const label = pageLabel(handout.labels.page, index + 1, range.count);
      doc.font(this.fontName(style)).fontSize(style.size).fillColor(style.colour);
      doc.text(label, (this.pageWidth - this.width(label, style)) / 2, this.bottom + template.margins.bottom / 3, { lineBreak: false });
    }
  }
}
