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
    // What the unit takes on a line: all but its trailing spaces (a unit may hold spaces within, ` ; `).
    let trailing = 0;
    for (let index = unit.length - 1; index >= 0 && unit[index]!.space; index -= 1) trailing += unit[index]!.width;
    const visible = unitWidth - trailing;
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
 * Breaks a piece wider than the line (a long address) between characters: each line takes about the
 * most characters that fit, at least one. Where a line ends is found from the widths of the characters
 * alone (each measured once per font); the line is then measured whole, and given back a character at
 * a time while kerning or joining makes it wider than the line. Measuring ever longer texts to find
 * each end exactly made a table of long addresses take seconds of layout; here each line is measured
 * about once.
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
  // The width of the first `n` characters, each measured alone.
  const before = [0];
  for (const character of characters) before.push(before[before.length - 1]! + fonts.width(character, piece.style));
  for (let start = 0; start < characters.length;) {
    const available = width - used();
    // The most characters whose widths add up to no more than the line (at least one).
    let low = 1;
    let high = characters.length - start + 1;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (before[start + middle]! - before[start]! <= available) low = middle;
      else high = middle;
    }
    let end = start + low;
    let part = text(start, end);
    let partWidth = fonts.width(part, piece.style);
    while (partWidth > available && end > start + 1) {
      end -= 1;
      part = text(start, end);
      partWidth = fonts.width(part, piece.style);
    }
    add({ ...piece, text: part, width: partWidth });
    if (end < characters.length) finish();
    start = end;
  }
}
