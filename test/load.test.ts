/** The statement model: typed fields with their places, a tree with the file's lines, the spoken paragraphs. */
import { describe, expect, it } from 'vitest';
import { closing, opening } from '../src/model/statement.js';
import { statementOf } from './helpers/statements.js';

const TEXT = `---
title: On victims
forum: UNTOC COP
session: 12
speaker: Ana Pérez
date: 2024-10-14
organizations: [Alliance of NGOs, Penal Reform Network]
slot: 2m30s
---

# Heading, not spoken

Madam President,

- First item with **bold**
  - Nested item
- Second item

> A quotation
> on two lines.

<!-- a comment, not spoken -->

| a | table |
|---|-------|
| not | spoken |

\`\`\`
code is not spoken
\`\`\`

[def]: https://example.org

See the report[^1] and ![a chart](chart.png) <b>now</b>.

Thank you.

[^1]: A footnote, not spoken.
`;

describe('the loader', () => {
  const statement = statementOf(TEXT);

  it('types the front matter fields', () => {
    expect(statement.frontMatter.fields).toEqual({
      title: 'On victims',
      forum: 'UNTOC COP',
      session: '12',
      speaker: 'Ana Pérez',
      date: '2024-10-14',
      organizations: ['Alliance of NGOs', 'Penal Reform Network'],
      slotSeconds: 150,
    });
  });

  it('knows the line and column of each field', () => {
    expect(statement.frontMatter.positions.get('forum')?.start).toEqual({ line: 3, column: 1 });
    expect(statement.frontMatter.positions.get('slot')?.start).toEqual({ line: 8, column: 1 });
    expect(statement.frontMatter.span).toEqual({ start: { line: 1, column: 1 }, end: { line: 9, column: 4 } });
  });

  it('gives the tree positions in the original file, front matter counted', () => {
    const heading = statement.tree.children[0]!;
    expect(heading.type).toBe('heading');
    expect(heading.position?.start).toMatchObject({ line: 11, column: 1 });
    const offset = heading.position!.start.offset!;
    expect(statement.source.slice(offset, offset + 9)).toBe('# Heading');
  });

  it('collects the spoken paragraphs in order, with their text and line', () => {
    expect(
      statement.paragraphs.map((paragraph) => [paragraph.kind, paragraph.span.start.line, paragraph.text]),
    ).toEqual([
      ['paragraph', 13, 'Madam President,'],
      ['listItem', 15, 'First item with bold'],
      ['listItem', 16, 'Nested item'],
      ['listItem', 17, 'Second item'],
      ['blockquote', 19, 'A quotation on two lines.'],
      ['paragraph', 34, 'See the report and now.'],
      ['paragraph', 36, 'Thank you.'],
    ]);
    expect(statement.paragraphs[0]!.headingsBefore).toBe(1);
  });

  it('names the opening and the closing', () => {
    expect(opening(statement)?.text).toBe('Madam President,');
    expect(closing(statement)?.text).toBe('Thank you.');
  });

  it('resolves the settings from the fields and the forum', () => {
    expect(statement.settings).toMatchObject({
      language: 'en',
      kind: 'oral',
      pace: 110,
      paceSource: 'language',
      slotSeconds: 150,
      slotSource: 'front-matter',
      organizations: ['Alliance of NGOs', 'Penal Reform Network'],
      mark: 'check-against-delivery',
    });
    expect(statement.settings.forum?.officer).toBe('president');
  });

  it('reads raw HTML for its text, not its tags', () => {
    const html = statementOf(
      '---\nforum: CCPCJ\n---\n\n<div class="x">Hello <em>there</em></div>\n\n<script>alert(1)</script>\n',
    );
    expect(html.paragraphs.map((paragraph) => paragraph.text)).toEqual(['Hello there']);
  });
});
