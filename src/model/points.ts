/** Offsets in a statement's source to line and column. */
import { location } from '../data/libraries.js';
import type { Point, Span, Statement } from './statement.js';

const locators = new WeakMap<Statement, ReturnType<typeof location>>();

/** The line and column (1-based) of `offset` in the statement's source. */
export function pointAt(statement: Statement, offset: number): Point {
  let locator = locators.get(statement);
  if (!locator) {
    locator = location(statement.source);
    locators.set(statement, locator);
  }
  const point = locator.toPoint(Math.max(0, Math.min(offset, statement.source.length)));
  return { line: point?.line ?? 1, column: point?.column ?? 1 };
}

/** The span of an mdast node's position, or the start of the file when it has none. */
export function spanOf(node: { position?: { start: Point; end: Point } }): Span {
  const position = node.position;
  return position
    ? {
        start: { line: position.start.line, column: position.start.column },
        end: { line: position.end.line, column: position.end.column },
      }
    : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}
