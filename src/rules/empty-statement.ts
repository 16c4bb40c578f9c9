/**
 * `empty-statement` (error): the statement has spoken text (a paragraph, list item or block quote).
 *
 * Why: a file with only front matter, headings or comments would build an empty handout. Options: none.
 */
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'empty-statement',
  severity: 'error',
  summary: 'The statement has spoken text',
  check(statement, report) {
    if (statement.paragraphs.some((paragraph) => /[\p{L}\p{N}]/u.test(paragraph.text))) return;
    const after = statement.frontMatter.span?.end;
    report(
      'Expected spoken text (paragraphs, list items or block quotes), found none',
      after ? { line: after.line + 1, column: 1 } : undefined,
    );
  },
});
