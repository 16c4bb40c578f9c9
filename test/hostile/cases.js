// Hostile statements: small files built to cost a parser, a tokenizer or a renderer time or memory
// out of proportion to their size. Shared by the hostile-input tests (test/hostile.test.ts) and the
// benchmark (test/bench/hostile.js). Each case is a whole statement file: a valid opening and closing
// around a body made to hurt.
import fc from 'fast-check';
import * as zlib from 'node:zlib';

const FRONT = '---\nforum: CCPCJ\nsession: 34\nspeaker: Ana\n---\n\nThank you, Chair.\n\n';

/** A statement whose body, between a valid opening and closing, is `body`. */
export function statement(body, front = FRONT) {
  return `${front}${body}\n\nThank you.\n`;
}

/** `unit` repeated until the text is about `bytes` long. */
function fill(unit, bytes) {
  return unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));
}

function growingBackticks(bytes) {
  let text = '';
  for (let length = 1; text.length < bytes; length += 1) text += `${'`'.repeat(length)}a`;
  return text;
}

/** `count` blocks, blank lines between, each `prefix` repeated `depth` times before its text. */
function nestedBlocks(prefix, depth, bytes) {
  const block = `${prefix.repeat(depth)}x`;
  return Array.from({ length: Math.max(1, Math.floor(bytes / (block.length + 2))) }, () => block).join('\n\n');
}

/** A table of four columns whose cells are each one web address of `length` characters. */
function addressTable(length, bytes) {
  const cell = `https://example.org/${'a-b/'.repeat(Math.ceil(length / 4))}`.slice(0, length);
  const row = `| ${[cell, cell, cell, cell].join(' | ')} |`;
  return `| a | b | c | d |\n|---|---|---|---|\n${Array.from({ length: Math.max(1, Math.floor(bytes / row.length)) }, () => row).join('\n')}`;
}

/** Bodies by name, each at a size in bytes. */
export const BODIES = {
  // Containers inside containers, of every kind: at the bound of nesting (8), and past it (119).
  'nested quotes, 8 deep': (bytes) => nestedBlocks('>', 8, bytes),
  'nested quotes, 119 deep': (bytes) => nestedBlocks('>', 119, bytes),
  'nested lists, 8 deep': (bytes) => nestedBlocks('- ', 8, bytes),
  'nested lists, 59 deep': (bytes) => nestedBlocks('- ', 59, bytes),
  'nested ordered lists, 8 deep': (bytes) => nestedBlocks('1. ', 8, bytes),
  'nested ordered lists, 39 deep': (bytes) => nestedBlocks('1. ', 39, bytes),
  'lists in quotes, 8 deep': (bytes) => nestedBlocks('> - ', 4, bytes),
  'lists in quotes, 58 deep': (bytes) => nestedBlocks('> - ', 29, bytes),
  'lists nested by indentation': (bytes) =>
    fill(Array.from({ length: 8 }, (_, depth) => `${'  '.repeat(depth)}- x`).join('\n') + '\n\n', bytes),
  // Long unbreakable cells: a table of web addresses.
  'table of long addresses': (bytes) => addressTable(750, bytes),
  'table of short addresses': (bytes) => addressTable(120, bytes),
  // One image, shown again and again (test/hostile/assets: a 4,000 × 4,000 PNG).
  'repeated image references': (bytes) => fill('![chart](../img/big.png) ', bytes),
  'repeated image references, several addresses': (bytes) =>
    fill('![a](../img/big.png) ![b](./../img/big.png) ![c](../img/./big.png) ', bytes),
  'setext headings': (bytes) => fill('a\n=\n', bytes),
  'setext headings, dashes': (bytes) => fill('a\n-\n\n', bytes),
  // Lines ended by a lone carriage return, as CommonMark allows.
  'setext headings, CR': (bytes) => fill('a\r=\r', bytes),
  'nested list items, CR': (bytes) => fill('- a\r  - b\r', bytes),
  'block quotes, CRLF': (bytes) => fill('> a\r\n\r\n', bytes),
  'alternating emphasis': (bytes) => `${'*_'.repeat(bytes / 4)}a${'_*'.repeat(bytes / 4)}`,
  'emphasis runs': (bytes) => fill('**a*', bytes),
  'strikethrough runs': (bytes) => fill('~~a~ ', bytes),
  'unclosed comments': (bytes) => fill('a <!-- ', bytes),
  'growing backtick runs': (bytes) => growingBackticks(bytes),
  'abbreviations (e.g.)': (bytes) => fill('e.g.', bytes),
  'list items': (bytes) => fill('- a\n', bytes),
  'nested list items': (bytes) => fill('- a\n  - b\n', bytes),
  'ordered list items': (bytes) => fill('1. a\n', bytes),
  'task list items': (bytes) => fill('- [ ] a\n', bytes),
  headings: (bytes) => fill('# a\n', bytes),
  'table rows': (bytes) => `|a|b|\n|-|-|\n${fill('|x|y|\n', bytes)}`,
  'wide table': (bytes) =>
    `${'|a'.repeat(Math.min(1000, bytes / 8))}|\n${'|-'.repeat(Math.min(1000, bytes / 8))}|\n${fill('x\n', bytes / 2)}`,
  paragraphs: (bytes) => fill('a\n\n', bytes),
  'block quotes': (bytes) => fill('> a\n\n', bytes),
  'lazy quotes': (bytes) => fill('> a\nb\n', bytes),
  'unclosed code fence': (bytes) => `\`\`\`\n${fill('a\n', bytes)}`,
  'code fences': (bytes) => fill('```\na\n```\n', bytes),
  'long figure': (bytes) => '9'.repeat(bytes),
  'long web address': (bytes) => `www.${fill('a-', bytes)}`,
  placeholders: (bytes) => fill('TODO ', bytes),
  'unclosed links': (bytes) => fill('[a](', bytes),
  'unclosed angle destinations': (bytes) => fill('[a](<b ', bytes),
  'unclosed titles': (bytes) => fill('[a](b "', bytes),
  'nested brackets': (bytes) => `${'['.repeat(bytes / 2)}a${']'.repeat(bytes / 2)}`,
  'link brackets': (bytes) => `${fill('[a ', bytes / 2)}${fill('](', bytes / 2)}`,
  'reference links': (bytes) => `${fill('[a][b] ', bytes)}\n\n[b]: c`,
  'reference definitions': (bytes) => fill('[a]: b\n', bytes),
  'footnote calls': (bytes) => `${fill('[^a]', bytes)}\n\n[^a]: note`,
  'footnote definitions': (bytes) => fill('[^a]: b\n', bytes),
  'html blocks': (bytes) => fill('<div>\n', bytes),
  'open angle brackets': (bytes) => fill('<a ', bytes),
  autolinks: (bytes) => fill('<http://a> ', bytes),
  'e-mail addresses': (bytes) => fill('a.b@c.org ', bytes),
  'e-mail local parts': (bytes) => `${fill('a.', bytes)}@b.c`,
  'at signs': (bytes) => fill('a@', bytes),
  entities: (bytes) => fill('&amp;', bytes),
  'numeric entities': (bytes) => fill('&#123; ', bytes),
  'backslash escapes': (bytes) => fill('\\*', bytes),
  'hard breaks': (bytes) => fill('a  \n', bytes),
  spaces: (bytes) => `a${' '.repeat(bytes)}b`,
  'combining accents': (bytes) => `a${'\u0301'.repeat(bytes / 2)}`,
  'one long word': (bytes) => 'a'.repeat(bytes),
  'one long line of words': (bytes) => fill('word ', bytes),
  'long URL': (bytes) => `[a](https://example.org/${'a'.repeat(bytes)})`,
  images: (bytes) => fill('![a](b.png) ', bytes),
  'inline directives': (bytes) => fill('<!-- alliance-set pace=100 -->\n', bytes),
  'percent signs': (bytes) => fill('1% ', bytes),
  'decimal figures': (bytes) => fill('1.5 ', bytes),
  'Chinese text': (bytes) => fill('联合国毒品和犯罪问题办公室', bytes / 3),
  'Arabic text': (bytes) => fill('مكتب الأمم المتحدة المعني بالمخدرات والجريمة ', bytes / 2),
  'right-to-left overrides': (bytes) => fill('\u202ea\u202c', bytes),
  'bidi isolates': (bytes) => fill('\u2067a\u2069', bytes),
  'zero-width joiners': (bytes) => fill('a\u200d', bytes),
};

/** Front matter made to hurt: many keys, a long list, deep flow collections, aliases. */
const FRONTS = {
  'front matter keys': (count) =>
    `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana\n${Array.from({ length: count }, (_, index) => `k${index}: v`).join('\n')}\n---\n\nThank you, Chair.\n\n`,
  organizations: (count) =>
    `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana\norganizations:\n${'  - Org\n'.repeat(count)}---\n\nThank you, Chair.\n\n`,
  'flow mapping keys': (count) =>
    `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana\nx: {${Array.from({ length: count }, (_, index) => `k${index}: 1`).join(', ')}}\n---\n\nThank you, Chair.\n\n`,
  'deep flow lists': (count) =>
    `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana\nx: ${'['.repeat(count)}${']'.repeat(count)}\n---\n\nThank you, Chair.\n\n`,
  'alias bomb': () =>
    `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\n\nThank you, Chair.\n\n`,
  // Keys that name what every object has.
  'prototype keys': (count) =>
    `---\nforum: constructor\nsession: 34\nspeaker: __proto__\n__proto__: { pace: 40 }\nconstructor: x\ntoString: ${'y'.repeat(count)}\n---\n\nThank you, Chair.\n\n`,
  'long speaker': (count) =>
    `---\nforum: CCPCJ\nsession: 34\nspeaker: ${'A'.repeat(count * 10)}\n---\n\nThank you, Chair.\n\n`,
};

/** Fragments the fuzzer strings together: pieces of the constructs above, and plain text. */
const FRAGMENTS = [
  '*',
  '_',
  '~',
  '**',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '<!--',
  '-->',
  '`',
  '```',
  '\n',
  '\n\n',
  '=\n',
  '-\n',
  '> ',
  '- ',
  '1. ',
  '# ',
  '|',
  '\\',
  '&amp;',
  '9',
  '.',
  '@',
  'www.',
  'http://',
  'e.g.',
  'TODO',
  'a',
  'word ',
  '"',
  "'",
  '  ',
  '\u0301',
  '\u202e',
  '联',
  'م',
];

/** Every case: `{ name, text }`, each the whole text of a statement file. */
export function hostileCases({ seed = 20261130, fuzzed = 120 } = {}) {
  const cases = [];
  for (const [name, body] of Object.entries(BODIES)) {
    // Inside the size bound (where the cost must still be small), and at the sizes of the reports.
    for (const bytes of [4_000, 60_000, 120_000, 400_000])
      cases.push({ name: `${name}, ${bytes.toLocaleString('en')} bytes`, text: statement(body(bytes)) });
  }
  for (const [name, front] of Object.entries(FRONTS)) {
    for (const count of [100, 3_000, 60_000])
      cases.push({
        name: `${name}, ${count.toLocaleString('en')}`,
        text: statement('The Alliance speaks.', front(count)),
      });
  }
  const fragment = fc.constantFrom(...FRAGMENTS);
  const texts = fc.sample(
    fc
      .array(fc.tuple(fragment, fc.integer({ min: 1, max: 400 })), { minLength: 1, maxLength: 40 })
      .map((parts) => parts.map(([piece, times]) => piece.repeat(times)).join('')),
    { seed, numRuns: fuzzed },
  );
  texts.forEach((body, index) => cases.push({ name: `fuzzed ${index + 1} (seed ${seed})`, text: statement(body) }));
  return cases;
}

/** A PNG of `width` × `height` RGB pixels, each row a shade of grey: small on disk, large decoded. */
function widePng(width, height) {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let row = 0; row < height; row += 1) rows.fill(row % 256, row * (width * 3 + 1) + 1, (row + 1) * (width * 3 + 1));
  const chunk = (type, body) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(body.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The files the cases refer to, by path in the project (the cases are in `statements/`). */
export function hostileAssets() {
  return { 'img/big.png': widePng(4000, 4000) };
}
