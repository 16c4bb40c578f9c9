/**
 * `extra-spaces` (warning, fixable): no run of spaces between words, and no space at the end of a
 * line of a paragraph, except the two or more that make a hard line break.
 *
 * Why: they do not show in a handout, but they split a figure or a name across a line where the
 * renderer takes them for a place to break, and they make diffs noisy. Only the statement's
 * paragraphs are touched (never code, tables, headings or front matter). `--fix` removes them.
 * Options: none.
 */
import { defineRule } from './define-rule.js';
import { placesIn } from './support/offsets.js';
import { proseOf, proseParagraphs } from './support/prose.js';

export default defineRule({
  id: 'extra-spaces',
  severity: 'warning',
  summary: 'No repeated spaces between words and no trailing spaces in paragraphs',
  fixable: true,
  check(statement, report) {
    const { source, tree } = statement;
    const places = placesIn(source);
    for (const paragraph of proseParagraphs(tree)) {
      for (const stretch of proseOf(paragraph, source))
        for (const run of stretch.text.matchAll(/(?<=\S) {2,}(?=\S)/g)) {
          const start = stretch.offset + run.index;
          const end = start + run[0].length;
          report(`Expected one space between words, found ${run[0].length}`, places.span(start, end), {
            fix: { range: [start, end], text: ' ' },
          });
        }
      const first = paragraph.position?.start.offset;
      const last = paragraph.position?.end.offset;
      if (first === undefined || last === undefined) continue;
      // Each line of the paragraph: spaces at its end are a hard break only as two or more spaces
      // before another line of the paragraph.
      for (let lineStart = source.lastIndexOf('\n', first - 1) + 1; lineStart <= last;) {
        const newline = source.indexOf('\n', lineStart);
        const lineEnd = newline === -1 ? source.length : newline;
        const textEnd = source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
        let from = textEnd;
        while (from > lineStart && (source[from - 1] === ' ' || source[from - 1] === '\t')) from -= 1;
        const run = source.slice(from, textEnd);
        const lastLine = last <= lineEnd;
        if (run !== '' && from > lineStart && (lastLine || !/^ {2,}$/.test(run)))
          report(`Expected no space at the end of the line, found ${run.length}`, places.span(from, textEnd), {
            fix: { range: [from, textEnd], text: '' },
          });
        if (newline === -1) break;
        lineStart = newline + 1;
      }
    }
  },
});
