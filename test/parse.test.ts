/**
 * The Markdown parser tries only the GFM constructs a text can hold (none without their trigger
 * characters): it gives the tree remark-parse with all of remark-gfm gives.
 */
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/engine/load/markdown-parser.js';
import './helpers/seed.js';

const full = unified().use(remarkParse).use(remarkGfm).freeze();
const PIECES = [
  'word',
  'Thank you, Chair.',
  '**bold**',
  '*em*',
  '_x_',
  '`code`',
  '[a](b)',
  '[ref]',
  '[ref]: /url',
  '![i](p.png)',
  '# ',
  '> ',
  '- ',
  '1. ',
  '\n',
  '\n\n',
  '<b>',
  '<!-- c -->',
  '```',
  '    ',
  '\\',
  '&amp;',
  '1,250,000',
  'e-mail',
  'a.b',
  'wiki',
  'http',
  '[ ]',
  '[x]',
  '[X]',
  '|',
  '~',
  '~~strike~~',
  'www.example.org',
  'WWW.EXAMPLE.ORG',
  'https://x.org',
  'HTTP://X.ORG',
  'https:',
  'me@example.org',
  'mailto:me@example.org',
  '@',
  'a@.b',
  '@UNODC',
  'x@y',
  'www',
  'www.',
  '.org',
  'http://',
  'HTTPS://',
  '[^1]',
  '[^1]: note',
  '| a |\n|---|\n| b |',
  'a | b\n--- | ---\nc | d',
  '- [ ] open',
];

describe('parseMarkdown', () => {
  // Pieces apart (each construct whole) and touching (where one construct's end starts another).
  it.each([
    ['apart', ' '],
    ['touching', ''],
  ])('gives the tree remark-parse with remark-gfm gives, for any mix of constructs %s', (_, separator) => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join(separator);
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
