/**
 * Front matter, read safely. gray-matter splits the file, but only after this module has checked that
 * the block is plain YAML: `---js` and every other language are refused before gray-matter sees them,
 * and its engines for them are replaced by ones that refuse, so nothing in a statement is ever
 * evaluated. YAML is parsed by the `yaml` package with the 1.2 core schema (`3:00` and `2024-10-14`
 * stay strings) and a cap on alias expansion. Options are always passed, so gray-matter's cache
 * (which only serves calls without options) never hands one file's data to another.
 */
import type { Document } from 'yaml';
import { isMap, isScalar, isSeq, matter, parseDocument } from '../../data/libraries.js';
import { loadData } from '../../data/load.js';
import { describeValue, quote } from '../../model/describe.js';
import { explainYamlError } from './yaml-errors.js';
import type { LoadProblem, Point, Span } from '../../model/statement.js';

/** At most this many aliases are expanded: a "billion laughs" block fails at once. */
const MAX_ALIAS_COUNT = 100;

/**
 * The largest front matter block, in bytes and lines (src/data/limits.yaml): real front matter is a
 * dozen fields and perhaps a list of organizations; the YAML parser's check for duplicate keys takes
 * time with the square of their number, so 60,000 keys took 14 s.
 */
function frontMatterLimits(): { maxBytes: number; maxLines: number } {
  return loadData<{ frontMatter: { maxBytes: number; maxLines: number } }>('limits.yaml').frontMatter;
}

/** The front matter block split from a file. */
export interface FrontMatterBlock {
  /** True when a `---` block that parsed to a mapping opens the file. */
  present: boolean;
  data: Record<string, unknown>;
  /** Where each key sits, as offsets in the source. */
  keyOffsets: Map<string, [number, number]>;
  /** Offset in the source where the Markdown body starts. */
  bodyOffset: number;
  /** Offsets of the block, from the opening `---` to the end of the closing one. */
  blockRange?: [number, number];
  problem?: { reason: string; offset: number; endOffset?: number };
}

const OPENING = /^---([^\r\n]*)(?:\r?\n|$)/;
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

function refuse(language: string) {
  return {
    parse(): never {
      throw new Error(`front matter in \`${language}\` is never evaluated`);
    },
  };
}

const REFUSING_ENGINES = {
  javascript: refuse('javascript'),
  js: refuse('js'),
  coffee: refuse('coffee'),
  coffeescript: refuse('coffeescript'),
  cson: refuse('cson'),
  json: refuse('json'),
  toml: refuse('toml'),
};

/** Splits and parses the front matter of `source` (BOM already removed); never throws, never evaluates. */
export function readFrontMatter(source: string): FrontMatterBlock {
  const absent = (reason: string, offset = 0, endOffset?: number): FrontMatterBlock => ({
    present: false,
    data: {},
    keyOffsets: new Map(),
    bodyOffset: 0,
    problem: { reason, offset, endOffset },
  });

  const opening = OPENING.exec(source);
  if (!opening || opening[1]!.startsWith('-')) {
    const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
    const found = source.trim() === '' ? 'an empty file' : quote(firstLine);
    return absent(`Expected front matter between \`---\` lines at the start of the file, found ${found}`);
  }

  const language = opening[1]!.trim();
  const afterOpening = 3 + opening[1]!.length;
  const close = findClosing(source, afterOpening);

  if (!YAML_LANGUAGES.has(language.toLowerCase())) {
    const block = absent(
      `Expected YAML front matter, found front matter in ${quote(language)} (it is never evaluated)`,
      3,
      afterOpening,
    );
    block.bodyOffset = close?.bodyOffset ?? source.length;
    return block;
  }
  if (!close) {
    const block = absent(
      'Expected a closing `---` line for the front matter opened on line 1, found the end of the file',
      0,
      3,
    );
    block.bodyOffset = source.length;
    return block;
  }
  if (close.line.trim() !== '---') {
    const block = absent(
      `Expected the front matter to close with a \`---\` line, found ${quote(close.line)}`,
      close.offset + 1,
    );
    block.bodyOffset = close.bodyOffset;
    return block;
  }

  const limits = frontMatterLimits();
  const blockText = source.slice(0, close.bodyOffset);
  let lines = 0;
  for (
    let index = blockText.indexOf('\n');
    index !== -1 && lines <= limits.maxLines;
    index = blockText.indexOf('\n', index + 1)
  )
    lines += 1;
  if (Buffer.byteLength(blockText) > limits.maxBytes || lines > limits.maxLines) {
    const block = absent(
      `Expected front matter of at most ${limits.maxBytes / 1024} KB and ${limits.maxLines} lines, found ${Math.ceil(Buffer.byteLength(blockText) / 1024)} KB${lines > limits.maxLines ? ` and more than ${limits.maxLines} lines` : ''}`,
      0,
      3,
    );
    block.bodyOffset = close.bodyOffset;
    return block;
  }

  let document: Document.Parsed | undefined;
  let data: unknown;
  let toJsError: Error | undefined;
  const yamlEngine = {
    parse(text: string): object {
      document = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false });
      if (document.errors.length === 0) {
        try {
          data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        } catch (error) {
          toJsError = error as Error;
        }
      }
      return {};
    },
  };

  try {
    // Only the block goes to gray-matter: it copies and hashes whatever it is given, body included.
    matter(source.slice(0, close.bodyOffset), {
      language: 'yaml',
      excerpt: false,
      engines: { ...REFUSING_ENGINES, yaml: yamlEngine, yml: yamlEngine },
    });
  } catch (error) {
    return {
      ...absent(`Expected readable front matter, found an error: ${(error as Error).message}`, 0, 3),
      bodyOffset: close.bodyOffset,
    };
  }

  const bodyOffset = close.bodyOffset;
  const matterOffset = afterOpening;
  const contentStart = afterOpening + (source[afterOpening] === '\r' ? 2 : 1);
  const blockRange: [number, number] = [0, close.offset + 1 + close.line.length];
  const broken = (reason: string, offset: number, endOffset?: number): FrontMatterBlock => ({
    present: false,
    data: {},
    keyOffsets: new Map(),
    bodyOffset,
    blockRange,
    problem: { reason, offset, endOffset },
  });

  if (!document) {
    // gray-matter found the block empty (only blank lines or comments): no fields.
    return { present: true, data: {}, keyOffsets: new Map(), bodyOffset, blockRange };
  }
  const firstError = document.errors[0];
  if (firstError) {
    const [start, end] = firstError.pos;
    return broken(
      explainYamlError(firstError, source.slice(matterOffset, close.offset + 1)),
      matterOffset + start,
      matterOffset + end,
    );
  }
  if (toJsError) {
    const reason = /alias/i.test(toJsError.message)
      ? `Expected YAML front matter without excessive aliases, found more than ${MAX_ALIAS_COUNT} alias expansions`
      : `Expected valid YAML in the front matter, found an error: ${toJsError.message}`;
    return broken(reason, contentStart);
  }

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { present: true, data: {}, keyOffsets: new Map(), bodyOffset, blockRange };
  }
  if (!isMap(contents) || data === null || typeof data !== 'object' || Array.isArray(data)) {
    const found = isSeq(contents) ? 'a list' : describeValue(data);
    const start = contents.range?.[0] ?? 0;
    return broken(
      `Expected the front matter to be a mapping of fields (\`forum: CCPCJ\`), found ${found}`,
      matterOffset + start,
    );
  }

  const keyOffsets = new Map<string, [number, number]>();
  for (const pair of contents.items) {
    const key = pair.key;
    const name = isScalar(key) ? String(key.value) : String(key);
    const range = (key as { range?: [number, number, number] } | null)?.range;
    if (range) keyOffsets.set(name, [matterOffset + range[0], matterOffset + range[1]]);
  }
  return { present: true, data: data as Record<string, unknown>, keyOffsets, bodyOffset, blockRange };
}

/** Finds the line that closes the block as gray-matter does: the first `\n---` after the opening line. */
function findClosing(source: string, from: number): { offset: number; line: string; bodyOffset: number } | undefined {
  const offset = source.indexOf('\n---', from);
  if (offset === -1) return undefined;
  const lineEnd = source.indexOf('\n', offset + 1);
  const line = source.slice(offset + 1, lineEnd === -1 ? source.length : lineEnd).replace(/\r$/, '');
  return { offset, line, bodyOffset: lineEnd === -1 ? source.length : lineEnd + 1 };
}

/** Converts a front matter problem's offsets into a load problem with line and column. */
export function frontMatterProblem(
  problem: NonNullable<FrontMatterBlock['problem']>,
  toPoint: (offset: number) => Point,
): LoadProblem {
  const start = toPoint(problem.offset);
  const place: Point | Span = problem.endOffset === undefined ? start : { start, end: toPoint(problem.endOffset) };
  return { ruleId: 'front-matter', reason: problem.reason, place };
}
