/** The Markdown parser's fast path: without GFM trigger characters, CommonMark alone gives the same tree. */
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/engine/load.js';

const full = unified().use(remarkParse).use(remarkGfm).freeze();
const PIECES = ['word', 'Thank you, Chair.', '**bold**', '*em*', '_x_', '`code`', '[a](b)', '[ref]', '[ref]: /url', '![i](p.png)',
  '# ', '> ', '- ', '1. ', '\n', '\n\n', '<b>', '<!-- c -->', '```', '    ', '\\', '&amp;', '1,250,000', 'e-mail', 'a.b', 'wiki', 'http',
  '[ ]', '[x]', '|', '~', '~~strike~~', 'www.example.org', 'https://x.org', 'me@example.org', '[^1]', '[^1]: note', '| a |\n|---|\n| b |'];

describe('parseMarkdown', () => {
  it('gives the tree remark-parse with remark-gfm gives, for any mix of constructs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join(' ');
        expect(parseMarkdown(text)).toEqual(full.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('parses GFM where it is used: tables, footnotes, strikethrough, autolinks, task lists', () => {
    const tree = parseMarkdown('| a |\n|---|\n| b |\n\n~~x~~ www.example.org[^1]\n\n- [x] done\n\n[^1]: note\n');
    expect(tree.children.map((node) => node.type)).toEqual(['table', 'paragraph', 'list', 'footnoteDefinition']);
  });
});
