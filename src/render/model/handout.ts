/**
 * Statement → Handout: the neutral model both renderers (DOCX, PDF) draw from. It holds every word of
 * the Markdown (paragraphs, emphasis, links, headings, lists, quotes, footnotes, tables, breaks, code,
 * images, the text of raw HTML), the header, the title block, the metadata, and for the speaker's copy
 * each spoken paragraph's running time and the end of the slot.
 */
import type { Nodes, Definition, FootnoteDefinition, PhrasingContent, RootContent, TableCell } from 'mdast';
import { formatClock } from '../../model/duration.js';
import { htmlText } from '../../model/html-text.js';
import { collapseSpaces } from '../../model/spaces.js';
import type { Point, Statement } from '../../model/statement.js';
import type { Timing } from '../../timing/estimate.js';
import { sessionAt, sessionWords } from './session.js';
import { splitAtShare } from './slot-split.js';
import { fill, labelsFor, type Labels, type Template } from './template.js';

/** An image ready to embed (already checked by the engine). */
export interface ImageData {
  /** The file's bytes, for the DOCX. */
  data: Uint8Array;
  /** The bytes for the PDF: a PNG decoded and written anew (8-bit, not interlaced), a JPEG as it is. */
  pdfData: Uint8Array;
  format: 'png' | 'jpg';
  width: number;
  height: number;
}

/** The inline styles of a run of text. */
export interface Marks {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
}

/** Inline content. */
export type Inline =
  | { type: 'text'; text: string; marks: Marks; place?: Point }
  | { type: 'break' }
  | { type: 'note'; number: number }
  | { type: 'image'; image: ImageData; alt: string };

/** When a spoken block ends, for the speaker's copy ("1:40"). */
export interface SpokenTime {
  cumulativeSeconds: number;
  label: string;
}

/** A list item. */
export interface ListItem {
  blocks: Block[];
  checked: boolean | null;
  time?: SpokenTime;
  /** The source line it starts on (for the preview, which shows messages where they belong). */
  line?: number;
}

/** Block content; `line` is the source line a block starts on. */
export type Block =
  | { type: 'paragraph'; inlines: Inline[]; time?: SpokenTime; line?: number }
  | { type: 'heading'; depth: number; inlines: Inline[]; line?: number }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: ListItem[] }
  | { type: 'quote'; blocks: Block[]; time?: SpokenTime; line?: number }
  | { type: 'code'; text: string; line?: number }
  | { type: 'table'; align: ('left' | 'right' | 'center' | null)[]; rows: Inline[][][]; line?: number }
  | { type: 'rule' }
  | { type: 'slotEnd'; label: string };

/** A footnote, numbered in the order of its first reference. */
export interface Note {
  number: number;
  blocks: Block[];
}

/** Which copy: the handout, or the speaker's copy in large type with times. */
export type Copy = 'handout' | 'speaker';

/** The neutral handout. */
export interface Handout {
  copy: Copy;
  language: string;
  /** The tag the documents are marked with (`zh-CN`). */
  documentLanguage: string;
  /** The direction and script of the statement's language, from its record. */
  direction: 'ltr' | 'rtl';
  script: Statement['settings']['languageRecord']['script'];
  /** Punctuation a space beside it never breaks a line at (see the language record's `lineBreaks`). */
  lineBreaks: { keepBefore: string; keepAfter: string };
  template: Template;
  labels: Labels;
  meta: { title: string; author: string; subject: string; keywords: string[]; language: string; date: Date };
  header: { lines: string[]; mark: string };
  title: { title?: string; byline?: string; organization?: string };
  blocks: Block[];
  notes: Note[];
}

/** What the engine resolved for the handout: images by URL (absent or null: not embeddable). */
export interface HandoutInputs {
  statement: Statement;
  template: Template;
  timing: Timing;
  copy: Copy;
  images: ReadonlyMap<string, ImageData | null>;
  /** The creation date of the documents (SOURCE_DATE_EPOCH, the statement's date, or a fixed one). */
  date: Date;
}

/**
 * Soft line breaks as spaces, the spaces around them dropped, in linear time: a regular expression
 * for it retried at every space of a long run, and 900,000 spaces took minutes.
 */
function joinLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  return lines
    .map((line, index) => {
      let start = 0;
      let end = line.length;
      if (index > 0) while (start < end && (line[start] === ' ' || line[start] === '\t')) start += 1;
      if (index < lines.length - 1)
        while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\r')) end -= 1;
      return line.slice(start, end);
    })
    .join(' ');
}

/** Date formats by locale: making one costs more than a whole paragraph's layout, so each is made once. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The date a handout prints, in its language (English the UN way, "19 May 2025"), never shifted by a time zone. */
export function formatDate(date: string, locale: string, months?: readonly string[]): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(locale, format);
  }
  const parts = format.formatToParts(new Date(Date.UTC(year, month - 1, day)));
  const name = months?.[month - 1];
  return parts.map((part) => (part.type === 'month' && name ? name : part.value)).join('');
}

/** Builds the handout of a statement. */
export function buildHandout(inputs: HandoutInputs): Handout {
  const { statement, template, timing, copy } = inputs;
  const { fields } = statement.frontMatter;
  const { settings } = statement;
  const labels = labelsFor(template, settings.languageRecord);
  const organization = settings.organizations.join('; ') || undefined;
  // A session given as its number is written as the UN writes it; any other text as given.
  const numbered = fields.session !== undefined && /^\d+$/.test(fields.session);
  const session = numbered
    ? (fill(labels.session, sessionWords(fields.session!, settings.languageRecord)) ?? fields.session)
    : fields.session;
  const values: Record<string, string | undefined> = {
    organization,
    // The forum as the registry names it, whatever name or alias the front matter gave.
    forum: settings.forum?.names?.[settings.language] ?? settings.forum?.name ?? fields.forum,
    forumName: settings.forum?.names?.[settings.language] ?? settings.forum?.name ?? fields.forum,
    forumShort: settings.forum?.id ?? fields.forum,
    session,
    agendaItem:
      fields.agenda_item === undefined
        ? undefined
        : (fill(labels.agendaItem, { agendaItem: fields.agenda_item }) ?? undefined),
    date:
      fields.date === undefined ? undefined : formatDate(fields.date, settings.locale, settings.languageRecord.months),
    title: fields.title,
    speaker: fields.speaker,
    role: fields.role,
    language: settings.locale,
  };
  // The template's own separators (", ") in the statement's language (the Arabic comma, the Chinese one).
  const separator = settings.languageRecord.listSeparator;
  // The session capitalized where it starts a line, as written mid-line after a comma elsewhere.
  const record = settings.languageRecord;
  const headerLines = template.header.lines
    .map((line) => {
      const lineStart = line.trimStart().startsWith('{session}');
      const lineValues = { ...values, session: numbered ? sessionAt(session!, lineStart, record) : session };
      return fill(line.replace(/, /g, separator), lineValues);
    })
    .filter((line): line is string => !!line);
  const subject = [fields.forum, fields.session].filter(Boolean).join(' ');

  const converter = new Converter(statement, inputs, labels);
  const blocks = converter.blocks(statement.tree.children);
  return {
    copy,
    language: settings.locale,
    // Word and PDF readers want a region (`zh-CN`, not `zh`) for their fonts and spelling.
    documentLanguage: settings.locale.includes('-')
      ? settings.locale
      : (settings.languageRecord.regionTag ?? settings.locale),
    direction: settings.languageRecord.direction,
    lineBreaks: {
      keepBefore: settings.languageRecord.lineBreaks?.keepBefore ?? '',
      keepAfter: settings.languageRecord.lineBreaks?.keepAfter ?? '',
    },
    script: settings.languageRecord.script,
    template,
    labels,
    meta: {
      title: fields.title ?? ([organization, subject].filter(Boolean).join(', ') || 'Statement'),
      author: fields.speaker ?? organization ?? '',
      subject,
      keywords: [
        fields.forum,
        fields.session,
        fields.agenda_item === undefined ? undefined : `agenda item ${fields.agenda_item}`,
      ].filter((word): word is string => !!word),
      language: settings.locale,
      date: inputs.date,
    },
    header: { lines: headerLines, mark: labels[settings.mark] },
    title: {
      title: fields.title,
      byline:
        fields.speaker === undefined
          ? undefined
          : [fields.speaker, fields.role].filter(Boolean).join(settings.languageRecord.listSeparator),
      organization,
    },
    blocks: copy === 'speaker' ? converter.markSlot(blocks, timing) : blocks,
    notes: converter.notes(),
  };
}

/** Walks the mdast tree into handout blocks. */
class Converter {
  private readonly definitions = new Map<string, Definition>();
  private readonly footnotes = new Map<string, FootnoteDefinition>();
  private readonly noteNumbers = new Map<string, number>();
  private readonly times = new Map<Nodes, SpokenTime>();

  constructor(
    statement: Statement,
    private readonly inputs: HandoutInputs,
    private readonly labels: Labels,
  ) {
    const collect = (node: Nodes) => {
      if (node.type === 'definition') this.definitions.set(node.identifier, node);
      if (node.type === 'footnoteDefinition') this.footnotes.set(node.identifier, node);
      if ('children' in node) for (const child of node.children) collect(child);
    };
    collect(statement.tree);
    if (inputs.copy === 'speaker') {
      for (const paragraph of inputs.timing.paragraphs) {
        // The time at which the paragraph should start: what a speaker checks against the clock.
        const startSeconds = paragraph.cumulativeSeconds - paragraph.seconds;
        this.times.set(paragraph.paragraph.node as Nodes, {
          cumulativeSeconds: paragraph.cumulativeSeconds,
          label: formatClock(startSeconds),
        });
      }
    }
  }

  blocks(nodes: readonly RootContent[]): Block[] {
    return nodes.flatMap((node) => this.block(node));
  }

  private block(node: RootContent): Block[] {
    const line = node.position?.start.line;
    switch (node.type) {
      case 'paragraph':
        return [{ type: 'paragraph', inlines: this.inlines(node.children, {}), time: this.times.get(node), line }];
      case 'heading':
        return [{ type: 'heading', depth: node.depth, inlines: this.inlines(node.children, {}), line }];
      case 'blockquote':
        return [{ type: 'quote', blocks: this.blocks(node.children), time: this.times.get(node), line }];
      case 'list':
        return [
          {
            type: 'list',
            ordered: node.ordered === true,
            start: node.start ?? 1,
            tight: node.spread !== true && node.children.every((item) => item.spread !== true),
            items: node.children.map((item) => ({
              blocks: this.blocks(item.children),
              checked: item.checked ?? null,
              time: this.times.get(item),
              line: item.position?.start.line,
            })),
          },
        ];
      case 'code':
        return [{ type: 'code', text: node.value, line }];
      case 'html': {
        const text = collapseSpaces(htmlText(node.value));
        return text === ''
          ? []
          : [
              {
                type: 'paragraph',
                inlines: [{ type: 'text', text, marks: {}, place: node.position?.start }],
                time: this.times.get(node),
                line,
              },
            ];
      }
      case 'table':
        return [
          {
            type: 'table',
            align: node.align ?? [],
            rows: node.children.map((row) => row.children.map((cell: TableCell) => this.inlines(cell.children, {}))),
            line,
          },
        ];
      case 'thematicBreak':
        return [{ type: 'rule' }];
      case 'definition':
      case 'footnoteDefinition':
      case 'yaml':
        return [];
      default:
        // Constructs a plugin might add: keep their text.
        return 'children' in node ? this.blocks((node as { children: RootContent[] }).children) : [];
    }
  }

  private inlines(nodes: readonly PhrasingContent[], marks: Marks): Inline[] {
    const out: Inline[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out.push({
            type: 'text',
            text: joinLines(node.value),
            marks,
            place: node.position?.start,
          });
          break;
        case 'strong':
          out.push(...this.inlines(node.children, { ...marks, bold: true }));
          break;
        case 'emphasis':
          out.push(...this.inlines(node.children, { ...marks, italic: true }));
          break;
        case 'delete':
          out.push(...this.inlines(node.children, { ...marks, strike: true }));
          break;
        case 'inlineCode':
          // CommonMark: a line ending inside a code span is a space.
          out.push({
            type: 'text',
            text: node.value.replace(/\r?\n/g, ' '),
            marks: { ...marks, code: true },
            place: node.position?.start,
          });
          break;
        case 'break':
          out.push({ type: 'break' });
          break;
        case 'link':
          out.push(...this.link(node.url, node.children, marks));
          break;
        case 'linkReference': {
          const definition = this.definitions.get(node.identifier);
          if (definition) out.push(...this.link(definition.url, node.children, marks));
          else out.push(...this.inlines(node.children, marks));
          break;
        }
        case 'image':
          out.push(this.image(node.url, node.alt ?? '', marks, node.position?.start));
          break;
        case 'imageReference': {
          const definition = this.definitions.get(node.identifier);
          out.push(this.image(definition?.url ?? '', node.alt ?? '', marks, node.position?.start));
          break;
        }
        case 'footnoteReference':
          out.push({ type: 'note', number: this.noteNumber(node.identifier) });
          break;
        case 'html':
          if (/^<br\s*\/?>$/i.test(node.value.trim())) out.push({ type: 'break' });
          else {
            const text = htmlText(node.value);
            if (text.trim() !== '') out.push({ type: 'text', text, marks, place: node.position?.start });
          }
          break;
        default: {
          // Constructs a plugin might add: keep their text.
          const other = node as { children?: PhrasingContent[]; value?: unknown };
          if (other.children) out.push(...this.inlines(other.children, marks));
          else if (typeof other.value === 'string') out.push({ type: 'text', text: other.value, marks });
        }
      }
    }
    return out;
  }

  private link(url: string, children: readonly PhrasingContent[], marks: Marks): Inline[] {
    const safe = /^(https?:|mailto:)/i.test(url) ? url : undefined;
    return this.inlines(children, safe ? { ...marks, link: safe } : marks);
  }

  private image(url: string, alt: string, marks: Marks, place: Point | undefined): Inline {
    const image = this.inputs.images.get(url);
    if (image) return { type: 'image', image, alt };
    return { type: 'text', text: alt === '' ? '' : `[${alt}]`, marks: { ...marks, italic: true }, place };
  }

  private noteNumber(identifier: string): number {
    let number = this.noteNumbers.get(identifier);
    if (number === undefined) {
      number = this.noteNumbers.size + 1;
      this.noteNumbers.set(identifier, number);
    }
    return number;
  }

  /** The footnotes in the order of their first reference; definitions never referenced come last. */
  notes(): Note[] {
    for (const identifier of this.footnotes.keys()) this.noteNumber(identifier);
    return [...this.noteNumbers].flatMap(([identifier, number]) => {
      const definition = this.footnotes.get(identifier);
      return definition ? [{ number, blocks: this.blocks(definition.children) }] : [];
    });
  }

  /**
   * Puts the end of the slot where it falls: inside the paragraph during which the slot runs out, at
   * the word reached then; before or after a list item or a quote, whichever is nearer.
   */
  markSlot(blocks: Block[], timing: Timing): Block[] {
    const slot = timing.fit.slotSeconds;
    if (slot === null) return blocks;
    const overrun = timing.paragraphs[timing.fit.overrunIndex];
    const label = fill(this.labels.slotEnds, { slot: formatClock(slot) }) ?? formatClock(slot);
    const slotEnd: Block = { type: 'slotEnd', label };
    if (!overrun) return [...blocks, slotEnd];
    const target = this.times.get(overrun.paragraph.node as Nodes);
    const start = overrun.cumulativeSeconds - overrun.seconds;
    const share = overrun.seconds > 0 ? (slot - start) / overrun.seconds : 0;
    const insert = (list: Block[]): Block[] | null => {
      for (let index = 0; index < list.length; index += 1) {
        const block = list[index]!;
        // The list with this block replaced by `middle` (copied only for the block the slot's end goes beside).
        const replaced = (...middle: Block[]): Block[] => [
          ...list.slice(0, index),
          ...middle,
          ...list.slice(index + 1),
        ];
        if (block.type === 'paragraph' && block.time === target) {
          const { before, after } = splitAtShare(block.inlines, share, timing.unit);
          if (before.length === 0) return replaced(slotEnd, block);
          if (after.length === 0) return replaced(block, slotEnd);
          const rest: Block = { type: 'paragraph', inlines: after, line: block.line };
          return replaced({ ...block, inlines: before }, slotEnd, rest);
        }
        if (block.type === 'quote' && block.time === target)
          return share < 0.5 ? replaced(slotEnd, block) : replaced(block, slotEnd);
        if (block.type === 'list') {
          const found = block.items.findIndex((entry) => entry.time === target);
          if (found !== -1) {
            const item = share < 0.5 ? found : found + 1;
            const before = { ...block, items: block.items.slice(0, item) };
            const after = { ...block, start: block.start + item, items: block.items.slice(item) };
            return replaced(
              ...(before.items.length > 0 ? [before] : []),
              slotEnd,
              ...(after.items.length > 0 ? [after] : []),
            );
          }
          for (const entry of block.items) {
            const inner = insert(entry.blocks);
            if (inner) {
              entry.blocks = inner;
              return list;
            }
          }
        }
        if (block.type === 'quote') {
          const inner = insert(block.blocks);
          if (inner) {
            block.blocks = inner;
            return list;
          }
        }
      }
      return null;
    };
    return insert(blocks) ?? blocks;
  }
}
