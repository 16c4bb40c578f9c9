/** Places in a file's text from offsets: a line and a column, 1-based, as messages give them. */
import { location } from '../../data/libraries.js';
import type { Point, Span, Statement } from '../../model/statement.js';

/**
 * A function from an offset in `source` to its line and column and back, as the tree's positions count
 * them (vfile-location, which the loader places the tree's positions with too: CR, LF and CRLF end a
 * line; columns count UTF-16 code units). It finds lines only as far as a place asks, and each place by
 * a binary search, so a rule with many findings stays linear in the file, and a file with none costs nothing.
 */
export function placesIn(source: string): {
  point(offset: number): Point;
  span(start: number, end: number): Span;
  offset(point: Point): number;
} {
  let place: ReturnType<typeof location> | undefined;
  const lines = () => (place ??= location(source));
  const point = (offset: number): Point => {
    const found = lines().toPoint(Math.min(Math.max(offset, 0), source.length));
    return { line: found?.line ?? 1, column: found?.column ?? 1 };
  };
  const offset = (at: Point): number => lines().toOffset(at) ?? source.length;
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
  // The key's line, to its end (CR, LF or CRLF, as the places count lines).
  const ends = /[\r\n]/g;
  ends.lastIndex = lineStart;
  const line = source.slice(lineStart, ends.exec(source)?.index ?? source.length);
  const match = /^(\s*[^:#]+:[ \t]*)((?:"[^"]*"|'[^']*'|[^#\s](?:[^#]*[^#\s])?))?[ \t]*(?:#.*)?$/.exec(line);
  if (!match?.[2]) return undefined;
  const start = lineStart + match[1]!.length;
  return [start, start + match[2].length];
}
