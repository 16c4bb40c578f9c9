/**
 * `empty-statement` (error): the statement has spoken text (a paragraph, list item or block quote) of
 * its own: not nothing, and not only the skeleton `alliance new` writes (the opening, the
 * organization's thanks for the floor and the closing, around the guidance comment it leaves where
 * the text goes), in any language.
 *
 * Why: a file with only front matter, headings or comments would build an empty handout, and an
 * untouched skeleton passes every other rule while saying nothing. Options: none.
 */
import type { LanguageRecord } from '../model/language.js';
import type { Statement } from '../model/statement.js';
import { defineRule } from './define-rule.js';

/** A phrase of `alliance new`'s skeleton as a pattern: its `{fields}` stand for any text. */
function skeletonPattern(phrase: string): RegExp {
  const parts = phrase.split(/\{\w+\}/).map((part) => part.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+?')}$`, 'su');
}

const patterns = new WeakMap<LanguageRecord, { lines: RegExp[]; guidance: RegExp[] }>();

/** The skeleton's lines and guidance of a language, as patterns. */
function skeletonOf(record: LanguageRecord): { lines: RegExp[]; guidance: RegExp[] } {
  let known = patterns.get(record);
  if (!known) {
    const phrases = record.phrases.newStatement;
    known = phrases
      ? {
          lines: [phrases.opening, phrases.identification, phrases.closing].map(skeletonPattern),
          guidance: [phrases.guidance, phrases.guidanceWithoutSlot ?? phrases.guidance].map(skeletonPattern),
        }
      : { lines: [], guidance: [] };
    patterns.set(record, known);
  }
  return known;
}

/** The line of the guidance comment `alliance new` left, when the spoken text is only its skeleton. */
function untouchedSkeleton(statement: Statement): number | undefined {
  const { lines, guidance } = skeletonOf(statement.settings.languageRecord);
  if (lines.length === 0) return undefined;
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (!statement.paragraphs.every((paragraph) => lines.some((line) => line.test(flat(paragraph.text)))))
    return undefined;
  for (const comment of statement.source.matchAll(/<!--([\s\S]*?)-->/g)) {
    if (guidance.some((pattern) => pattern.test(flat(comment[1]!))))
      return statement.source.slice(0, comment.index).split('\n').length;
  }
  return undefined;
}

export default defineRule({
  id: 'empty-statement',
  severity: 'error',
  summary: 'The statement has spoken text of its own',
  check(statement, report) {
    if (statement.paragraphs.some((paragraph) => /[\p{L}\p{N}]/u.test(paragraph.text))) {
      const line = untouchedSkeleton(statement);
      if (line !== undefined)
        report(
          'Expected the text of the statement in place of the guidance comment, found only the opening, the thanks for the floor and the closing `alliance new` wrote',
          { line, column: 1 },
        );
      return;
    }
    const after = statement.frontMatter.span?.end;
    report(
      'Expected spoken text (paragraphs, list items or block quotes), found none',
      after ? { line: after.line + 1, column: 1 } : undefined,
    );
  },
});
