/**
 * Lines of a PDF paragraph: pieces placed whole between break opportunities, a line ending where the
 * next unit would pass the width; a piece wider than the line (a long address) broken between
 * characters; hard breaks and images on lines of their own.
 */
import type { FontChoices } from './font-choice.js';
import type { Piece } from './pieces.js';

/** A line of pieces in logical order. */
export interface Line {
  pieces: Piece[];
  width: number;
  height: number;
  ascent: number;
}

/** Breaks pieces into lines of at most `width` points, where the pieces allow. */
export function breakLines(
  fonts: FontChoices,
  pieces: readonly Piece[],
  width: number,
  minSize: number,
  lineHeight: (size: number) => number,
): Line[] {
  const lines: Line[] = [];
  let current: Piece[] = [];
  let lineWidth = 0;
  const baseStyle = pieces[0]?.style;
  const finish = () => {
    while (current.length > 0 && current[current.length - 1]!.space) lineWidth -= current.pop()!.width;
    const styles = current.filter((piece) => !piece.image).map((piece) => piece.style);
    const size = Math.max(minSize, ...styles.map((style) => style.size));
    const ascent = Math.max(
      baseStyle ? fonts.ascent({ ...baseStyle, size: minSize, rise: 0 }) : minSize * 0.8,
      ...styles.map((style) => fonts.ascent(style)),
    );
    lines.push({ pieces: current, width: lineWidth, height: lineHeight(size), ascent });
    current = [];
    lineWidth = 0;
  };
  // A unit is what lies between two break opportunities: it goes on a line whole.
  let unit: Piece[] = [];
  const place = () => {
    const unitWidth = unit.reduce((sum, piece) => sum + piece.width, 0);
    const visible = unit.filter((piece) => !piece.space).reduce((sum, piece) => sum + piece.width, 0);
    if (lineWidth + visible > width && current.length > 0) finish();
    if (unit.every((piece) => piece.space) && current.length === 0) {
      unit = [];
      return;
    }
    if (visible > width) {
      for (const piece of unit)
        splitLong(
          fonts,
          piece,
          width,
          () => lineWidth,
          (part) => {
            current.push(part);
            lineWidth += part.width;
          },
          finish,
        );
    } else {
      for (const piece of unit) current.push(piece);
      lineWidth += unitWidth;
    }
    unit = [];
  };
  for (const piece of pieces) {
    if (piece.hardBreak) {
      place();
      finish();
      continue;
    }
    if (piece.image) {
      place();
      if (current.length > 0) finish();
      lines.push({ pieces: [piece], width: 0, height: 0, ascent: 0 });
      continue;
    }
    unit.push(piece);
    if (piece.breakAfter) place();
  }
  place();
  if (current.length > 0 || lines.length === 0) finish();
  return lines;
}

/**
 * Breaks a piece wider than the line (a long address) between characters: each line takes the most
 * characters that fit, at least one. A text only grows wider as characters are added, so the most
 * that fit are found by doubling, then halving: measuring every longer prefix in turn made a 4 KB
 * inline code span take two seconds of layout. No text measured is more than twice a line's worth.
 */
function splitLong(
  fonts: FontChoices,
  piece: Piece,
  width: number,
  used: () => number,
  add: (part: Piece) => void,
  finish: () => void,
): void {
  const characters = [...piece.text];
  const text = (start: number, end: number) => characters.slice(start, end).join('');
  const fits = (start: number, end: number, available: number) =>
    fonts.width(text(start, end), piece.style) <= available;
  for (let start = 0; start < characters.length;) {
    const available = width - used();
    // `low` characters fit (one always goes on the line); `high` is past the most that fit.
    let low = 1;
    let high = 2;
    while (start + high <= characters.length && fits(start, start + high, available)) {
      low = high;
      high *= 2;
    }
    high = Math.min(high, characters.length - start + 1);
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (fits(start, start + middle, available)) low = middle;
      else high = middle;
    }
    const end = start + low;
    const part = text(start, end);
    add({ ...piece, text: part, width: fonts.width(part, piece.style) });
    if (end < characters.length) finish();
    start = end;
  }
}
