/**
 * Handout → PDF in pure JavaScript, with pdfkit and the fonts shipped as npm packages (subset into
 * the file), so `npm ci` alone gives PDFs on any machine. The layout is the project's own (text is set
 * by text-setter.ts): the header on every page and "Page X of Y", the title block, every kind of block,
 * paragraphs of the speaker's copy kept whole on a page, and, for Arabic, the whole page mirrored.
 */
import PDFDocument from 'pdfkit';
import type { Block, Handout, ImageData, Inline, Marks } from '../model/handout.js';
import { TextSetter, type Line, type MissingGlyph, type RunStyle } from './text-setter.js';
import { PAPER, pageLabel, type Template } from '../model/template.js';
import { drawTable, type TableHost } from './table.js';
import { Tagger } from './tags.js';
import { describeInXmp } from './metadata.js';

export type { MissingGlyph } from './text-setter.js';

/** The PDF and what could not be drawn. */
export interface PdfResult {
  bytes: Uint8Array;
  missing: MissingGlyph[];
}

/**
 * How a paragraph is drawn: its time (speaker's copy), its list marker, a bar beside it, the space after
 * it; and how it is tagged: the marker as a label, the lines as a paragraph, inside a list item's body
 * left open for the blocks that follow (`openBody`).
 */
interface ParagraphOptions {
  time?: { label: string };
  marker?: string;
  bar?: boolean;
  spacing?: number;
  openBody?: boolean;
}

const POINTS_PER_PIXEL = 72 / 96;
/** Bullets by depth, all in the shipped fonts. */
const BULLETS = ['•', '–', '·'];
const GUTTER = 46;
const INDENT = 22;

/** Renders a handout to the bytes of a PDF file, the same bytes for the same handout. */
export async function renderPdf(handout: Handout): Promise<PdfResult> {
  return new PdfRenderer(handout).render();
}

class PdfRenderer implements TableHost {
  readonly doc: PDFKit.PDFDocument;
  readonly text: TextSetter;
  readonly tags: Tagger;
  /** The images opened in this document, each embedded once. */
  private readonly openedImages = new Map<ImageData, object>();
  readonly template: Template;
  private readonly speaker: boolean;
  readonly rtl: boolean;
  readonly bodySize: number;
  private readonly pageWidth: number;
  private readonly pageHeight: number;
  private readonly left: number;
  private readonly right: number;
  top: number;
  readonly bottom: number;
  /** The header's lines, wrapped to its width (a long agenda item or organization takes the lines it needs). */
  private headerLines: Line[] = [];
  /** The last heading level used: levels are never skipped going down (PDF/UA). */
  private headingLevel = 1;
  y: number;

  constructor(private readonly handout: Handout) {
    this.template = handout.template;
    this.speaker = handout.copy === 'speaker';
    this.rtl = handout.direction === 'rtl';
    this.bodySize = this.speaker ? this.template.speakerCopy.size : this.template.sizes.body;
    [this.pageWidth, this.pageHeight] = PAPER[this.template.paper];
    const { margins } = this.template;
    this.left = margins.left;
    this.right = this.pageWidth - margins.right;
    this.top = margins.top;
    this.bottom = this.pageHeight - margins.bottom;
    this.y = this.top;
    const { meta } = handout;
    this.doc = new PDFDocument({
      size: [this.pageWidth, this.pageHeight],
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      bufferPages: true,
      autoFirstPage: true,
      compress: true,
      // No default Helvetica: pdfkit would parse its metrics for every document, and every run names its font.
      font: null as unknown as string,
      // Tagged and accessible: a structure tree (tags.ts), the language, the title shown as the window's.
      tagged: true,
      pdfVersion: '1.7',
      // pdfkit has the PDF/UA subset; its typings list only PDF/A.
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
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
    describeInXmp(this.doc);
    this.tags = new Tagger(this.doc);
    const lineSpacing = this.speaker ? this.template.speakerCopy.lineSpacing : this.template.lineSpacing;
    this.text = new TextSetter(this.doc, this.template, lineSpacing, this.rtl ? 'rtl' : 'ltr', handout.lineBreaks, {
      tree: this.tags,
      script: handout.script,
    });
    this.layOutHeader();
  }

  /** Wraps the header's lines; where they need more room than the top margin gives, the page's text starts lower. */
  private layOutHeader(): void {
    const { template, handout } = this;
    const headerStyle = this.base({ size: template.sizes.header, colour: template.colours.muted });
    const markStyle = this.base({ size: template.sizes.header, bold: true, colour: template.colours.accent });
    const markWidth = this.text.width(handout.header.mark, markStyle) + 12;
    const width = this.right - this.left - markWidth;
    this.headerLines = handout.header.lines.flatMap((line) => this.plain(line, headerStyle, width));
    const lineHeight = template.sizes.header * 1.3;
    // The rule sits 10 pt above the text, the lines 4 pt above the rule, and at least 18 pt below the edge.
    const needed = 18 + Math.max(1, this.headerLines.length) * lineHeight + 4 + 10;
    if (needed > this.top) {
      this.top = needed;
      this.y = this.top;
    }
  }

  async render(): Promise<PdfResult> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve) => this.doc.on('end', () => resolve()));
    this.header();
    this.titleBlock();
    this.blocks(this.handout.blocks, 0, 0);
    this.notes();
    this.tags.finish();
    this.footers();
    this.doc.end();
    await ended;
    return { bytes: new Uint8Array(Buffer.concat(chunks)), missing: [...this.text.missing.values()] };
  }

  // — styles and geometry —

  base(overrides: Partial<RunStyle> = {}): RunStyle {
    return {
      family: 'body',
      bold: false,
      italic: false,
      size: this.bodySize,
      colour: this.template.colours.text,
      ...overrides,
    };
  }

  readonly styled = (base: RunStyle, marks: Marks): RunStyle => ({
    ...base,
    family: marks.code ? 'code' : base.family,
    size: marks.code ? base.size * (this.template.sizes.code / this.template.sizes.body) : base.size,
    bold: base.bold || marks.bold === true,
    italic: base.italic || marks.italic === true,
    strike: marks.strike,
    link: marks.link,
    colour: marks.link ? this.template.colours.link : base.colour,
  });

  /** The content box of a block indented by `inset` from the side where lines start. */
  box(inset: number): { start: number; end: number } {
    return this.rtl ? { start: this.left, end: this.right - inset } : { start: this.left + inset, end: this.right };
  }

  private layout(inlines: readonly Inline[], style: RunStyle, width: number): Line[] {
    return this.text.lines(
      this.text.pieces(inlines, style, this.styled, this.template.colours.muted),
      width,
      style.size,
    );
  }

  private plain(text: string, style: RunStyle, width: number): Line[] {
    return this.layout([{ type: 'text', text, marks: {} }], style, width);
  }

  /** Draws a short text at a point: left of `x` for the start side in a right-to-left handout. */
  private label(text: string, style: RunStyle, x: number, top: number, ascent: number, alignRight = false): void {
    this.text.checkGlyphs(text, style, undefined);
    this.text.select(style);
    const width = this.text.width(text, style);
    this.text.put(
      text,
      alignRight ? x - width : x,
      top + ascent - this.text.ascent(style),
      { lineBreak: false },
      width,
    );
  }

  newPage(): void {
    // No marked content runs from one page to the next: the element's content goes on after the header.
    this.tags.pause();
    this.doc.addPage();
    this.header();
    this.y = this.top;
  }

  private ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top) this.newPage();
  }

  private drawImage(image: ImageData, alt: string, box: { start: number; end: number }): void {
    const natural = { width: image.width * POINTS_PER_PIXEL, height: image.height * POINTS_PER_PIXEL };
    const scale = Math.min(1, (box.end - box.start) / natural.width, (this.bottom - this.top) / natural.height);
    const width = natural.width * scale;
    const height = natural.height * scale;
    this.ensure(height);
    const x = this.rtl ? box.end - width : box.start;
    this.tags.begin('Figure', { alt, bbox: [x, this.y, x + width, this.y + height], placement: 'Block' });
    this.tags.mark();
    // Opened once per document, however often it is shown: pdfkit decodes and embeds each image it opens.
    let opened = this.openedImages.get(image);
    if (!opened) {
      // `openImage` is pdfkit's documented API, missing from its typings.
      opened = (this.doc as unknown as { openImage(source: Buffer): object }).openImage(Buffer.from(image.pdfData));
      this.openedImages.set(image, opened);
    }
    this.doc.image(opened as unknown as Buffer, x, this.y, { width, height });
    this.tags.end();
    this.y += height + this.template.paragraphSpacing / 2;
  }

  /** Draws lines from the cursor down, across pages, with an optional decoration beside each. */
  private drawLines(
    lines: readonly Line[],
    box: { start: number; end: number },
    decorate?: (top: number, height: number) => void,
  ): void {
    for (const line of lines) {
      const first = line.pieces[0];
      if (first?.image) {
        this.drawImage(first.image, first.text, box);
        continue;
      }
      this.ensure(line.height);
      if (decorate) this.tags.artifact('Layout', () => decorate(this.y, line.height));
      this.tags.mark();
      this.text.drawLine(line, box.start, box.end, this.y);
      this.y += line.height;
    }
  }

  // — blocks —

  private titleBlock(): void {
    const { title, labels } = this.handout;
    const { colours, sizes } = this.template;
    const box = this.box(0);
    const draw = (tag: string, text: string, style: RunStyle) =>
      this.tags.element(tag, () => this.drawLines(this.plain(text, style, box.end - box.start), box));
    if (this.speaker)
      draw(
        'P',
        labels.speakerCopy,
        this.base({ bold: true, colour: this.template.speakerCopy.slotColour, size: sizes.subtitle }),
      );
    if (title.title)
      draw('H1', title.title, this.base({ family: 'headings', bold: true, size: sizes.title, colour: colours.accent }));
    if (title.byline) draw('P', title.byline, this.base({ bold: true, size: sizes.subtitle }));
    if (title.organization) draw('P', title.organization, this.base({ size: sizes.subtitle }));
    if (title.title || title.byline || title.organization) {
      this.y += 4;
      this.tags.artifact('Layout', () => this.rule(this.left, this.right, this.y, 0.75, colours.rule));
      this.y += this.template.paragraphSpacing * 2;
    }
  }

  private blocks(blocks: readonly Block[], inset: number, depth: number, base = this.base()): void {
    for (const block of blocks) this.block(block, inset, depth, base);
  }

  /** A paragraph; in the speaker's copy kept on one page where it fits, its time in the margin. */
  private paragraph(inlines: readonly Inline[], inset: number, base: RunStyle, options: ParagraphOptions = {}): void {
    const box = this.box(this.speaker ? inset + GUTTER : inset);
    const lines = this.layout(inlines, base, box.end - box.start);
    const height = lines.reduce((sum, line) => sum + line.height, 0);
    if (this.speaker && height <= this.bottom - this.top) this.ensure(height);
    else this.ensure(lines[0]?.height ?? 0);
    const top = this.y;
    const ascent = lines[0]?.ascent ?? this.text.ascent(base);
    if (options.time) {
      // At least 12 pt: read at arm's length at the podium.
      const style = this.base({
        size: Math.max(12, this.bodySize * 0.6),
        colour: this.template.speakerCopy.timeColour,
      });
      // One column of times at the page's margin for every kind of block, list items and quotes included.
      const outer = this.box(0);
      // A help for the speaker's eye, not part of the text: an artifact.
      this.tags.artifact('Layout', () =>
        this.label(options.time!.label, style, this.rtl ? outer.end : outer.start, top, ascent, this.rtl),
      );
    }
    const drawMarker = (text: string) => {
      this.tags.mark();
      this.label(text, base, this.rtl ? box.end + 6 : box.start - 6, top, ascent, !this.rtl);
      // poppler read a number (`1.`) and an item that begins left to right (`148 CCPCJ …`) as one
      // left-to-right stretch: a right-to-left mark between them keeps them apart.
      if (this.rtl) this.text.writeMark('\u200f', base, box.end + 6 - 0.01, top + ascent - this.text.ascent(base));
    };
    // A list item's marker is its label; a note's number is the note's own content.
    const { marker } = options;
    if (marker !== undefined && options.openBody) this.tags.element('Lbl', () => drawMarker(marker));
    else if (marker !== undefined) drawMarker(marker);
    const barX = this.rtl ? box.end + 14 : box.start - 16;
    const decorate = options.bar
      ? (lineTop: number, lineHeight: number) =>
          this.doc.rect(barX, lineTop, 2.5, lineHeight).fill(this.template.colours.quoteBar)
      : undefined;
    if (options.openBody) this.tags.begin('LBody');
    // A paragraph of a list item, or of a quote: a paragraph in the tree too.
    if (inlines.length > 0) this.tags.element('P', () => this.drawLines(lines, box, decorate));
    this.y += options.spacing ?? this.template.paragraphSpacing;
  }

  private block(block: Block, inset: number, depth: number, base: RunStyle): void {
    const { template } = this;
    switch (block.type) {
      case 'paragraph':
        this.paragraph(block.inlines, inset, base, { time: block.time });
        return;
      case 'heading': {
        const size = this.speaker
          ? Math.max(this.bodySize, template.sizes.headings[0] ?? this.bodySize)
          : (template.sizes.headings[block.depth - 1] ?? template.sizes.body);
        const style = this.base({ family: 'headings', bold: true, size, colour: template.colours.accent });
        const box = this.box(inset);
        this.y += template.paragraphSpacing * 0.6;
        const lines = this.layout(block.inlines, style, box.end - box.start);
        // Keep a heading with the first lines after it.
        this.ensure(lines.reduce((sum, line) => sum + line.height, 0) + this.text.lineHeight(this.bodySize) * 2);
        this.tags.element(this.headingTag(block.depth), () => this.drawLines(lines, box));
        this.y += template.paragraphSpacing * 0.6;
        return;
      }
      case 'quote': {
        const quoteBase = { ...base, italic: true };
        this.tags.begin('BlockQuote');
        block.blocks.forEach((child, index) => {
          if (child.type === 'paragraph')
            this.paragraph(child.inlines, inset + INDENT, quoteBase, {
              time: index === 0 ? block.time : undefined,
              bar: true,
            });
          else this.block(child, inset + INDENT, depth, quoteBase);
        });
        this.tags.end();
        return;
      }
      case 'list': {
        // Items of a tight list (no blank lines between them in the Markdown) sit close together.
        const spacing = block.tight && !this.speaker ? template.paragraphSpacing / 3 : template.paragraphSpacing;
        this.tags.begin('L');
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${block.start + index}.` : BULLETS[depth % BULLETS.length]!;
          const box: Inline[] =
            item.checked === null
              ? []
              : [{ type: 'text', text: item.checked ? '[x] ' : '[ ] ', marks: { code: true } }];
          const [first, ...rest] = item.blocks;
          const options = { time: item.time, marker, spacing, openBody: true };
          this.tags.begin('LI');
          if (first?.type === 'paragraph') {
            this.paragraph([...box, ...first.inlines], inset + INDENT, base, options);
            this.blocks(rest, inset + INDENT, depth + 1, base);
          } else {
            this.paragraph(box, inset + INDENT, base, options);
            this.blocks(item.blocks, inset + INDENT, depth + 1, base);
          }
          this.tags.end(); // LBody
          this.tags.end(); // LI
        });
        this.tags.end();
        if (block.tight) this.y += template.paragraphSpacing - spacing;
        return;
      }
      case 'code':
        this.code(block.text, inset);
        return;
      case 'table':
        drawTable(this, block, inset);
        return;
      case 'rule': {
        const box = this.box(inset);
        this.ensure(template.paragraphSpacing * 2);
        this.y += template.paragraphSpacing / 2;
        this.tags.artifact('Layout', () => this.rule(box.start, box.end, this.y, 0.75, template.colours.rule));
        this.y += template.paragraphSpacing * 1.5;
        return;
      }
      case 'slotEnd': {
        const style = this.base({ bold: true, size: this.bodySize * 0.7, colour: template.speakerCopy.slotColour });
        this.ensure(this.text.lineHeight(style.size) + this.text.lineHeight(this.bodySize));
        this.tags.artifact('Layout', () =>
          this.rule(this.left, this.right, this.y, 2.5, template.speakerCopy.slotColour),
        );
        this.y += 3;
        this.tags.element('P', () =>
          this.drawLines(this.plain(block.label, style, this.right - this.left), this.box(0)),
        );
        this.y += template.paragraphSpacing;
        return;
      }
    }
  }

  /** The tag of a heading of Markdown `depth`: below the title's H1, never skipping a level. */
  private headingTag(depth: number): string {
    const wanted = Math.min(6, depth + (this.handout.title.title ? 1 : 0));
    this.headingLevel = Math.max(1, Math.min(wanted, this.headingLevel + 1));
    return `H${this.headingLevel}`;
  }

  /** A horizontal rule from `start` to `end` at `y`, `width` points thick. */
  private rule(start: number, end: number, y: number, width: number, colour: string): void {
    this.doc.moveTo(start, y).lineTo(end, y).lineWidth(width).strokeColor(colour).stroke();
  }

  /** Code keeps its lines and leading spaces, left to right whatever the language, on a shaded band. */
  private code(source: string, inset: number): void {
    const style = this.base({
      family: 'code',
      size: this.template.sizes.code * (this.bodySize / this.template.sizes.body),
    });
    const height = style.size * 1.35;
    const box = this.box(inset);
    const width = box.end - box.start;
    this.y += 2;
    this.tags.begin('Code', { placement: 'Block' });
    for (const sourceLine of source.split('\n')) {
      // Leading spaces are kept as no-break spaces, which lines do not drop.
      const text = sourceLine.replace(/\t/g, '    ').replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length));
      for (const line of this.plain(text || ' ', style, width - 12)) {
        this.ensure(height);
        this.tags.artifact('Layout', () =>
          this.doc.rect(box.start, this.y, width, height).fill(this.template.colours.codeBackground),
        );
        this.tags.mark();
        this.text.drawLine(
          { ...line, height, ascent: this.text.ascent(style) + (height - style.size) / 2 },
          box.start + 6,
          box.end - 6,
          this.y,
        );
        this.y += height;
      }
    }
    this.tags.end();
    this.y += this.template.paragraphSpacing;
  }

  private notes(): void {
    const { notes, labels } = this.handout;
    if (notes.length === 0) return;
    const { template } = this;
    this.y += template.paragraphSpacing;
    const heading = this.base({
      family: 'headings',
      bold: true,
      size: template.sizes.headings[2] ?? template.sizes.body,
      colour: template.colours.accent,
    });
    const style = this.base({ size: template.sizes.notes * (this.bodySize / template.sizes.body) });
    // The heading and two lines of notes together: notes follow the text on its page when they fit
    // (a short note went to a page of its own, where the DOCX keeps it at the foot of the first).
    this.ensure(this.text.lineHeight(heading.size) + this.text.lineHeight(style.size) * 2);
    this.tags.element(this.headingTag(1), () =>
      this.drawLines(this.plain(labels.notes, heading, this.right - this.left), this.box(0)),
    );
    for (const note of notes) {
      const [first, ...rest] = note.blocks;
      this.tags.begin('Note');
      this.paragraph(first?.type === 'paragraph' ? first.inlines : [], 18, style, {
        marker: `${note.number}.`,
        spacing: 3,
      });
      if (first && first.type !== 'paragraph') this.block(first, 18, 0, style);
      this.blocks(rest, 18, 0, style);
      this.tags.end();
    }
  }

  /** The header, drawn when a page begins so that it comes first in the page's reading order. */
  private header(): void {
    this.tags.artifact('Pagination', () => this.drawHeader());
  }

  private drawHeader(): void {
    const { template, handout } = this;
    const markStyle = this.base({ size: template.sizes.header, bold: true, colour: template.colours.accent });
    const lineHeight = template.sizes.header * 1.3;
    const lines = this.headerLines;
    const ruleY = this.top - 10;
    const saved = this.y;
    this.y = ruleY - 4 - Math.max(1, lines.length) * lineHeight;
    const markWidth = this.text.width(handout.header.mark, markStyle) + 12;
    const box = this.rtl
      ? { start: this.left + markWidth, end: this.right }
      : { start: this.left, end: this.right - markWidth };
    lines.forEach((laid, index) => {
      this.text.drawLine({ ...laid, height: lineHeight }, box.start, box.end, this.y);
      if (index === 0) this.mark(markStyle);
      this.y += lineHeight;
    });
    if (lines.length === 0) this.mark(markStyle);
    this.rule(this.left, this.right, ruleY, 0.75, template.colours.rule);
    this.y = saved;
  }

  /** "Check against delivery" (or its translation), at the end of the first header line. */
  private mark(style: RunStyle): void {
    const [line] = this.plain(this.handout.header.mark, style, this.right - this.left);
    if (!line) return;
    // The mark sits opposite the header lines: at the right, or at the left in a right-to-left handout.
    const start = this.rtl ? this.left : this.right - line.width;
    this.text.drawLine(line, start, start + line.width, this.y);
  }

  /** "Page X of Y" on every page, once the number of pages is known. */
  private footers(): void {
    const { doc, template, handout } = this;
    const range = doc.bufferedPageRange();
    const style = this.base({ size: template.sizes.footer, colour: template.colours.muted });
    for (let index = 0; index < range.count; index += 1) {
      doc.switchToPage(range.start + index);
      const [line] = this.plain(pageLabel(handout.labels.page, index + 1, range.count), style, this.right - this.left);
      if (!line) continue;
      const start = (this.pageWidth - line.width) / 2;
      this.tags.artifact('Pagination', () =>
        this.text.drawLine(line, start, start + line.width, this.bottom + template.margins.bottom / 3),
      );
    }
  }
}
