/**
 * Handout → DOCX: the neutral handout model (render/model/handout.ts, shared with the PDF) written with the
 * `docx` library's document model. Headers and footers with page numbers, real footnotes, list
 * numbering that restarts for each list, tables, images, hyperlinks, right-to-left paragraphs and runs
 * tagged with their languages, the template's fonts and colours, and the speaker's copy in large type
 * with times in the margin. Parts that repeat between handouts are reused (parts.ts); the styles are styles.ts's.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from './library.js';
import { packDocx } from './normalize.js';
import { embedFonts } from './fonts.js';
import { compileParts, FOOTER_PATH, HEADER_PATH, STYLES_PATH, type ReusablePart } from './parts.js';
import type { Block, Handout, Inline, ListItem } from '../model/handout.js';
import { hasRightToLeft, isRightToLeft, scriptRuns, type wordLanguages } from '../fonts/scripts.js';
import { PAPER } from '../model/template.js';
import { copyLook, documentStyles, type DocumentStyles } from './styles.js';
import { AUTO, family, halfPoints, hex, twips } from './units.js';

const PIXELS_PER_POINT = 96 / 72;
/** Bullets by depth, in the body font (the same as the PDF's). */
const BULLETS = ['•', '–', '·'];
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/** Renders a handout to the bytes of a .docx file, the same bytes for the same handout. */
export async function renderDocx(handout: Handout): Promise<Uint8Array> {
  const compiler = new DocxCompiler(handout);
  const styles = documentStyles(handout);
  // The parts are taken before the library zips them, so the package is compressed once, after normalizing;
  // the parts that repeat from one handout to the next are written once.
  const parts = new Map(
    await compileParts(
      (reused) =>
        compiler.document({
          styles: reused.has(STYLES_PATH) ? undefined : styles,
          header: !reused.has(HEADER_PATH),
          footer: !reused.has(FOOTER_PATH),
        }),
      reusableParts(handout, JSON.stringify(styles)),
    ),
  );
  // The fonts travel with the file: a PC without them lays the handout out as the PDF.
  await embedFonts(parts, handout);
  return packDocx(parts, { date: handout.meta.date, language: handout.meta.language });
}

/** The parts of a handout's package that repeat, each with everything its XML depends on. */
function reusableParts(handout: Handout, styles: string): ReusablePart[] {
  // The same for every handout: nothing given to the library changes them.
  const fixed = (path: string, component: ReusablePart['component']): ReusablePart => ({ path, key: '', component });
  // What every part of the page furniture depends on besides its own text.
  const look = JSON.stringify([handout.template, handout.language, handout.copy]);
  return [
    { path: STYLES_PATH, key: styles, component: (file) => file.Styles },
    fixed('word/theme/theme1.xml', (file) => file.Theme),
    fixed('word/settings.xml', (file) => file.Settings),
    fixed('word/fontTable.xml', (file) => file.FontTable?.View),
    fixed('word/_rels/fontTable.xml.rels', (file) => file.FontTable?.Relationships),
    fixed('docProps/app.xml', (file) => file.AppProperties),
    fixed('docProps/custom.xml', (file) => file.CustomProperties),
    fixed('_rels/.rels', (file) => file.FileRelationships),
    fixed('word/comments.xml', (file) => file.Comments),
    fixed('word/endnotes.xml', (file) => file.Endnotes?.View),
    // The footnotes part holds only its separators when the handout has no notes.
    {
      path: 'word/footnotes.xml',
      key: handout.notes.length === 0 ? '' : undefined,
      component: (file) => file.FootNotes?.View,
    },
    // A session's handouts share their header; every handout of a language and template its footer.
    {
      path: HEADER_PATH,
      key: `${JSON.stringify(handout.header)}\0${look}`,
      component: (file) => file.Headers?.[0]?.View,
    },
    {
      path: FOOTER_PATH,
      key: `${JSON.stringify(handout.labels.page)}\0${look}`,
      component: (file) => file.Footers?.[0]?.View,
    },
  ];
}

class DocxCompiler {
  private readonly template;
  private readonly speaker: boolean;
  private readonly bodySize: number;
  private readonly contentWidth: number;
  private readonly numbering: {
    reference: string;
    levels: {
      level: number;
      format: (typeof LevelFormat)[keyof typeof LevelFormat];
      text: string;
      start: number;
      indent: number;
    }[];
  }[] = [];

  private readonly rtl: boolean;
  private readonly languages: ReturnType<typeof wordLanguages>;

  constructor(private readonly handout: Handout) {
    const look = copyLook(handout);
    this.rtl = look.rtl;
    this.languages = look.languages;
    this.template = handout.template;
    this.speaker = look.speaker;
    this.bodySize = look.bodySize;
    const [width] = PAPER[this.template.paper];
    this.contentWidth = width - this.template.margins.left - this.template.margins.right;
  }

  /**
   * The document, with the given styles (those of `styles()`) or the library's defaults, and its header
   * and footer or empty ones where the part written for an earlier handout stands in (they hold text
   * only, so their relationships are the same).
   */
  document(parts: { styles: DocumentStyles | undefined; header: boolean; footer: boolean }): Document {
    const { styles } = parts;
    const { template, handout } = this;
    const [width, height] = PAPER[template.paper];
    const children = [...this.titleBlock(), ...this.blocks(handout.blocks, 0)];
    const footnotes: Record<number, { children: Paragraph[] }> = {};
    for (const note of handout.notes) footnotes[note.number] = { children: this.noteParagraphs(note.blocks) };
    return new Document({
      creator: handout.meta.author,
      lastModifiedBy: handout.meta.author,
      title: handout.meta.title,
      subject: handout.meta.subject,
      keywords: handout.meta.keywords.join(', '),
      description: handout.copy === 'speaker' ? handout.labels.speakerCopy : undefined,
      revision: 1,
      footnotes,
      numbering: {
        config: this.numbering.map(({ reference, levels }) => ({
          reference,
          levels: levels.map((level) => ({
            ...level,
            alignment: AlignmentType.START,
            // The bullet or number in the body font, which the file embeds (not the reader's default font).
            style: {
              paragraph: { indent: { left: twips(level.indent), hanging: twips(14) } },
              run: { font: family(template.fonts.body) },
            },
          })),
        })),
      },
      styles,
      sections: [
        {
          properties: {
            page: {
              size: { width: twips(width), height: twips(height) },
              margin: {
                top: twips(template.margins.top),
                bottom: twips(template.margins.bottom),
                left: twips(template.margins.left),
                right: twips(template.margins.right),
                header: twips(Math.min(36, template.margins.top / 3)),
                footer: twips(Math.min(28, template.margins.bottom / 2)),
              },
            },
          },
          headers: { default: parts.header ? this.header() : new Header({ children: [] }) },
          footers: { default: parts.footer ? this.footer() : new Footer({ children: [] }) },
          children,
        },
      ],
    });
  }

  private run(options: IRunOptions): IRunOptions {
    return { language: this.languages, ...options };
  }

  /** The runs of a piece of text, one per script: those of right-to-left scripts marked so, all tagged with their languages. */
  private textRuns(text: string, options: IRunOptions): TextRun[] {
    if (!this.rtl && !hasRightToLeft(text)) return [new TextRun(this.run({ ...options, text }))];
    return scriptRuns(text).map(
      (run, index) =>
        new TextRun(
          this.run({
            ...options,
            text: run.text,
            rightToLeft: isRightToLeft(run.script),
            break: index === 0 ? options.break : undefined,
          }),
        ),
    );
  }

  private header(): Header {
    const { handout, template } = this;
    const lines = handout.header.lines.length > 0 ? handout.header.lines : [''];
    const children = lines.map((line, index) => {
      const runs: ParagraphChild[] = [...this.textRuns(line, {})];
      if (index === 0)
        runs.push(
          new TextRun(
            this.run({ children: [new Tab(), handout.header.mark], bold: true, color: hex(template.colours.accent) }),
          ),
        );
      const last = index === lines.length - 1;
      return new Paragraph({
        style: 'HandoutHeader',
        tabStops: [{ type: TabStopType.RIGHT, position: twips(this.contentWidth) }],
        border: last
          ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: hex(template.colours.rule), space: 4 } }
          : undefined,
        children: runs,
      });
    });
    return new Header({ children });
  }

  private footer(): Footer {
    const text = this.handout.labels.page;
    const parts: string[] = [];
    for (const piece of text.split(/(\{page\}|\{pages\})/)) {
      if (piece === '{page}') parts.push(PageNumber.CURRENT);
      else if (piece === '{pages}') parts.push(PageNumber.TOTAL_PAGES);
      else if (piece !== '') parts.push(piece);
    }
    return new Footer({
      children: [new Paragraph({ style: 'HandoutFooter', children: [new TextRun(this.run({ children: parts }))] })],
    });
  }

  private titleBlock(): Paragraph[] {
    const { title } = this.handout;
    const paragraphs: Paragraph[] = [];
    if (this.speaker)
      paragraphs.push(
        new Paragraph({
          style: 'HandoutByline',
          children: [
            new TextRun(
              this.run({
                text: this.handout.labels.speakerCopy,
                bold: true,
                color: hex(this.template.speakerCopy.slotColour),
              }),
            ),
          ],
        }),
      );
    if (title.title)
      paragraphs.push(
        new Paragraph({ style: 'HandoutTitle', children: this.textRuns(title.title, { boldComplexScript: true }) }),
      );
    if (title.byline)
      paragraphs.push(
        new Paragraph({
          style: 'HandoutByline',
          children: this.textRuns(title.byline, { bold: true, boldComplexScript: true }),
        }),
      );
    if (title.organization)
      paragraphs.push(new Paragraph({ style: 'HandoutByline', children: this.textRuns(title.organization, {}) }));
    if (paragraphs.length > 0) {
      paragraphs.push(
        new Paragraph({
          spacing: { after: twips(this.template.paragraphSpacing * 2) },
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: hex(this.template.colours.rule), space: 1 } },
          children: [],
        }),
      );
    }
    return paragraphs;
  }

  private blocks(
    blocks: readonly Block[],
    depth: number,
    extra: Partial<IParagraphOptions> = {},
  ): (Paragraph | Table)[] {
    return blocks.flatMap((block) => this.block(block, depth, extra));
  }

  /** A paragraph of the speaker's copy: its running time in the margin, never split across pages. */
  /**
   * A paragraph of the speaker's copy: its start time in one column at the margin, whatever the block
   * (a list item's marker is written as text, after the time, so that it keeps a column of its own).
   */
  private timed(
    options: IParagraphOptions,
    time: { label: string } | undefined,
    leftIndent: number,
    marker?: string,
  ): IParagraphOptions {
    if (!this.speaker) return options;
    const gutter = 46;
    const runs = time
      ? [
          new TextRun(
            this.run({
              text: time.label,
              // At least 12 pt: read at arm's length at the podium.
              size: halfPoints(Math.max(12, this.bodySize * 0.6)),
              color: hex(this.template.speakerCopy.timeColour),
            }),
          ),
          new TextRun({ children: [new Tab()] }),
        ]
      : [];
    const markerRuns =
      marker === undefined ? [] : [new TextRun(this.run({ text: marker })), new TextRun({ children: [new Tab()] })];
    return {
      ...options,
      numbering: marker === undefined ? options.numbering : undefined,
      keepLines: true,
      // The first line starts at the margin, where the time is; the text at its indent.
      indent: { left: twips(leftIndent + gutter), hanging: time ? twips(leftIndent + gutter) : undefined },
      tabStops: [
        ...(marker === undefined ? [] : [{ type: TabStopType.LEFT, position: twips(leftIndent + gutter - 16) }]),
        { type: TabStopType.LEFT, position: twips(leftIndent + gutter) },
      ],
      children: [...runs, ...markerRuns, ...((options.children as ParagraphChild[] | undefined) ?? [])],
    };
  }

  private block(block: Block, depth: number, extra: Partial<IParagraphOptions>): (Paragraph | Table)[] {
    const { template } = this;
    switch (block.type) {
      case 'paragraph': {
        // Proportional spacing makes LibreOffice overlap inline images: a paragraph with one gets single spacing.
        const spacing = block.inlines.some((inline) => inline.type === 'image')
          ? { line: 240, lineRule: AUTO }
          : undefined;
        return [new Paragraph(this.timed({ ...extra, spacing, children: this.inlines(block.inlines) }, block.time, 0))];
      }
      case 'heading':
        return [
          new Paragraph({ heading: HEADINGS[Math.min(block.depth, 6) - 1], children: this.inlines(block.inlines) }),
        ];
      case 'quote': {
        const quoted = {
          ...extra,
          style: 'HandoutQuote',
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: hex(template.colours.quoteBar), space: 8 } },
        };
        const paragraphs = this.blocks(block.blocks, depth, quoted);
        if (this.speaker && block.time && paragraphs[0] instanceof Paragraph) {
          return [new Paragraph(this.timed({ ...quoted, children: [] }, block.time, 0)), ...paragraphs];
        }
        return paragraphs;
      }
      case 'list':
        return this.list(block, depth);
      case 'code':
        return [
          new Paragraph({
            style: 'HandoutCode',
            shading: { type: ShadingType.CLEAR, fill: hex(template.colours.codeBackground), color: 'auto' },
            children: block.text
              .split('\n')
              .map((line, index) => new TextRun(this.run({ text: line, break: index > 0 ? 1 : undefined }))),
          }),
        ];
      case 'table':
        return [this.table(block)];
      case 'rule':
        return [
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: hex(template.colours.rule), space: 1 } },
            children: [],
          }),
        ];
      case 'slotEnd':
        return [
          new Paragraph({
            keepNext: true,
            border: {
              top: { style: BorderStyle.SINGLE, size: 18, color: hex(template.speakerCopy.slotColour), space: 2 },
            },
            children: [
              new TextRun(
                this.run({
                  text: block.label,
                  bold: true,
                  color: hex(template.speakerCopy.slotColour),
                  size: halfPoints(this.bodySize * 0.7),
                }),
              ),
            ],
          }),
        ];
    }
  }

  private list(block: Extract<Block, { type: 'list' }>, depth: number): Paragraph[] {
    const level = Math.min(depth, 8);
    const reference = `list-${this.numbering.length + 1}`;
    // Each list has its own numbering (so it restarts), with the levels up to its own depth.
    const levels = Array.from({ length: level + 1 }, (_, index) => ({
      level: index,
      format: block.ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
      text: block.ordered ? `%${index + 1}.` : BULLETS[index % BULLETS.length]!,
      start: index === level ? block.start : 1,
      indent: 22 * (index + 1),
    }));
    this.numbering.push({ reference, levels });
    // Items of a tight list (no blank lines between them in the Markdown) sit close together.
    const tightSpacing =
      block.tight && !this.speaker ? { after: twips(this.template.paragraphSpacing / 3) } : undefined;
    return block.items.flatMap((item: ListItem, index) => {
      const [first, ...rest] = item.blocks;
      const last = index === block.items.length - 1;
      const spacing = last ? undefined : tightSpacing;
      const box = item.checked === null ? [] : [new TextRun(this.run({ text: item.checked ? '[x] ' : '[ ] ' }))];
      const numbering = { reference, level };
      // In the speaker's copy the marker is text after the time, not Word's numbering in the time's column.
      const marker = this.speaker
        ? block.ordered
          ? `${block.start + index}.`
          : BULLETS[level % BULLETS.length]!
        : undefined;
      const indent = this.speaker ? 22 * (level + 1) : 22 * level;
      const out: Paragraph[] = [];
      if (first?.type === 'paragraph')
        out.push(
          new Paragraph(
            this.timed(
              { numbering, spacing, children: [...box, ...this.inlines(first.inlines)] },
              item.time,
              indent,
              marker,
            ),
          ),
        );
      else out.push(new Paragraph(this.timed({ numbering, spacing, children: box }, item.time, indent, marker)));
      const remaining = first?.type === 'paragraph' ? rest : item.blocks;
      for (const child of this.blocks(remaining, depth + 1, { indent: { left: twips(22 * (level + 1)) } }))
        out.push(child as Paragraph);
      return out;
    });
  }

  private table(block: Extract<Block, { type: 'table' }>): Table {
    const { template } = this;
    const border = { style: BorderStyle.SINGLE, size: 4, color: hex(template.colours.tableBorder) };
    const alignments = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: block.rows.map(
        (row, rowIndex) =>
          new TableRow({
            tableHeader: rowIndex === 0,
            cantSplit: true,
            children: row.map(
              (cell, column) =>
                new TableCell({
                  shading:
                    rowIndex === 0
                      ? { type: ShadingType.CLEAR, fill: hex(template.colours.tableHeader), color: 'auto' }
                      : undefined,
                  margins: { top: 40, bottom: 40, left: 80, right: 80 },
                  children: [
                    new Paragraph({
                      alignment: alignments[block.align[column] ?? 'left'] ?? AlignmentType.LEFT,
                      spacing: { after: 0 },
                      children: this.inlines(
                        rowIndex === 0
                          ? cell.map((inline) =>
                              inline.type === 'text' ? { ...inline, marks: { ...inline.marks, bold: true } } : inline,
                            )
                          : cell,
                      ),
                    }),
                  ],
                }),
            ),
          }),
      ),
    });
  }

  private noteParagraphs(blocks: readonly Block[]): Paragraph[] {
    const paragraphs = this.blocks(blocks, 0, { style: 'FootnoteText' }).filter(
      (child): child is Paragraph => child instanceof Paragraph,
    );
    return paragraphs.length > 0 ? paragraphs : [new Paragraph({ style: 'FootnoteText', children: [] })];
  }

  private inlines(inlines: readonly Inline[]): ParagraphChild[] {
    const { template } = this;
    const children: ParagraphChild[] = [];
    let pendingBreak = false;
    for (const inline of inlines) {
      if (inline.type === 'break') {
        pendingBreak = true;
        continue;
      }
      if (inline.type === 'note') {
        children.push(new FootnoteReferenceRun(inline.number));
        continue;
      }
      if (inline.type === 'image') {
        const maxWidth = this.contentWidth * PIXELS_PER_POINT;
        const scale = Math.min(1, maxWidth / inline.image.width);
        children.push(
          new ImageRun({
            type: inline.image.format,
            data: inline.image.data,
            transformation: {
              width: Math.round(inline.image.width * scale),
              height: Math.round(inline.image.height * scale),
            },
            altText: { title: inline.alt, description: inline.alt, name: inline.alt || 'image' },
          }),
        );
        continue;
      }
      const runs = this.textRuns(inline.text, {
        bold: inline.marks.bold,
        boldComplexScript: inline.marks.bold,
        italics: inline.marks.italic,
        italicsComplexScript: inline.marks.italic,
        strike: inline.marks.strike,
        font: inline.marks.code ? family(template.fonts.code) : undefined,
        style: inline.marks.link ? 'Hyperlink' : undefined,
        break: pendingBreak ? 1 : undefined,
      });
      pendingBreak = false;
      children.push(
        ...(inline.marks.link ? [new ExternalHyperlink({ link: inline.marks.link, children: runs })] : runs),
      );
    }
    if (pendingBreak) children.push(new TextRun({ break: 1 }));
    return children;
  }
}
