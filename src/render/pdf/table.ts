/**
 * A table in a PDF handout: columns shared by content, the first column at the start of the handout's
 * direction, the header row repeated (as an artifact) on each page the table runs to, and tagged as a
 * table of rows, header cells (scope: column) and data cells.
 */
import type { Block } from '../model/handout.js';
import type { Template } from '../model/template.js';
import type { Tagger } from './tags.js';
import type { Line, RunStyle, TextSetter } from './text-setter.js';
import type { Marks } from '../model/handout.js';

/** What a table needs of the page it is drawn on. */
export interface TableHost {
  readonly doc: PDFKit.PDFDocument;
  readonly text: TextSetter;
  readonly tags: Tagger;
  readonly template: Template;
  readonly rtl: boolean;
  readonly top: number;
  readonly bottom: number;
  y: number;
  box(inset: number): { start: number; end: number };
  base(overrides?: Partial<RunStyle>): RunStyle;
  readonly styled: (base: RunStyle, marks: Marks) => RunStyle;
  bodySize: number;
  newPage(): void;
}

const PADDING = 4;

/** Draws a table from the host's cursor down, across pages. */
export function drawTable(host: TableHost, block: Extract<Block, { type: 'table' }>, inset: number): void {
  const { template, text, doc, tags } = host;
  const box = host.box(inset);
  const available = box.end - box.start;
  const columns = Math.max(...block.rows.map((row) => row.length));
  const size = host.bodySize * 0.9;
  const cellPieces = block.rows.map((row, rowIndex) =>
    Array.from({ length: columns }, (_, column) =>
      text.pieces(row[column] ?? [], host.base({ size, bold: rowIndex === 0 }), host.styled, template.colours.muted),
    ),
  );
  // Columns get at least their longest word, then share the rest in proportion to their content.
  const natural = Array.from(
    { length: columns },
    (_, column) =>
      Math.max(...cellPieces.map((row) => row[column]!.reduce((total, piece) => total + piece.width, 0))) + PADDING * 2,
  );
  const minimum = Array.from(
    { length: columns },
    (_, column) =>
      Math.max(
        ...cellPieces.map((row) =>
          Math.max(0, ...row[column]!.filter((piece) => !piece.space).map((piece) => piece.width)),
        ),
      ) +
      PADDING * 2,
  );
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  let widths: number[];
  if (sum(natural) <= available) widths = natural.map((width) => (width / sum(natural)) * available);
  else if (sum(minimum) >= available) widths = minimum.map((width) => (width / sum(minimum)) * available);
  else {
    const slack = natural.map((width, column) => width - minimum[column]!);
    widths = minimum.map((width, column) => width + (slack[column]! / sum(slack)) * (available - sum(minimum)));
  }

  const layout = (rowIndex: number) =>
    cellPieces[rowIndex]!.map((pieces, column) => text.lines(pieces, widths[column]! - PADDING * 2, size));
  const heightOf = (cells: Line[][]) =>
    Math.max(...cells.map((lines) => lines.reduce((total, line) => total + line.height, 0))) + PADDING * 2;
  const drawRow = (rowIndex: number, cells: Line[][]) => {
    const height = heightOf(cells);
    // In a right-to-left handout the first column is on the right.
    let cellX = host.rtl ? box.end : box.start;
    cells.forEach((lines, column) => {
      const width = widths[column]!;
      const x = host.rtl ? cellX - width : cellX;
      tags.artifact('Layout', () => {
        if (rowIndex === 0) doc.rect(x, host.y, width, height).fill(template.colours.tableHeader);
        doc.rect(x, host.y, width, height).lineWidth(0.5).strokeColor(template.colours.tableBorder).stroke();
      });
      const align = block.align[column];
      // A cell without an alignment of its own aligns to the start of the handout's direction.
      const side = align === 'center' ? 'center' : (align ?? (host.rtl ? 'right' : 'left'));
      const drawCell = () => {
        let lineY = host.y + PADDING;
        for (const line of lines) {
          const free = width - PADDING * 2 - line.width;
          const start = x + PADDING + (side === 'right' ? free : side === 'center' ? free / 2 : 0);
          tags.mark();
          text.drawLine(line, start, start + line.width, lineY);
          lineY += line.height;
        }
      };
      if (rowIndex === 0) tags.element('TH', drawCell, { scope: 'Column' });
      else tags.element('TD', drawCell);
      cellX = host.rtl ? cellX - width : cellX + width;
    });
    host.y += height;
  };
  const header = layout(0);
  tags.element('Table', () => {
    block.rows.forEach((_, rowIndex) => {
      const cells = rowIndex === 0 ? header : layout(rowIndex);
      if (host.y + heightOf(cells) > host.bottom && host.y > host.top) {
        host.newPage();
        // The header row again, for the eye: a reader has it once, at the table's start.
        if (rowIndex > 0) tags.artifact('Pagination', () => drawRow(0, header));
      }
      tags.element('TR', () => drawRow(rowIndex, cells));
    });
  });
  host.y += template.paragraphSpacing;
}
