/** Places in a file's text from offsets: a line and a column, 1-based, as messages give them. */
import type { Point, Span, Statement } from '../../model/statement.js';

/**
 * A function from an offset in `source` to its line and column (columns count UTF-16 code units, as
 * the tree's positions do): the lines found once, each place by a binary search, so a rule with many
 * findings stays linear in the file.
 */
export function placesIn(source: string): {
  point(offset: number): Point;
  span(start: number, end: number): Span;
  offset(point: Point): number;
} {
  // The lines are found on the first place asked for: most files have no finding to place.
  let found: number[] | undefined;
  const lines = (): number[] => {
    if (found) return found;
    found = [0];
    for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) found.push(index + 1);
    return found;
  };
  const point = (offset: number): Point => {
    const starts = lines();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
  const offset = ({ line, column }: Point): number => {
    const starts = lines();
    return Math.min(source.length, (starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0) + column - 1);
  };
  return { point, span: (start, end) => ({ start: point(start), end: point(end) }), offset };
}

/**
 * Where the value of the front matter field `key` is written, when it is a scalar on the key's line
 * (`slot: 3`, `forum: "CCPJC"`): its offsets, quotes included, a comment after it left out.
 */
export function fieldValueRange(statement: Statement, key: string): [number, number] | undefined {
  const span = statement.frontMatter.positions.get(key);
  if (!span) return undefined;
  const { source } = statement;
  const lineStart = placesIn(source).offset({ line: span.start.line, column: 1 });
  const newline = source.indexOf('\n', lineStart);
  const line = source.slice(lineStart, newline === -1 ? source.length : newline).replace(/\r$/, '');
  const match = /^(\s*[^:#]+:[ \t]*)((?:"[^"]*"|'[^']*'|[^#\s](?:[^#]*[^#\s])?))?[ \t]*(?:#.*)?$/.exec(line);
  if (!match?.[2]) return undefined;
  const start = lineStart + match[1]!.length;
  return [start, start + match[2].length];
}
