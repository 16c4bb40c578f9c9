/**
 * The loader: a file on disk becomes a `Statement` (front matter, Markdown tree with positions in the
 * original file, spoken paragraphs, settings). It never throws on a bad file: what it cannot make sense
 * of becomes a load problem, reported by its rule, and the run goes on.
 */
import type { Root } from 'mdast';
import { location, VFile } from '../../data/libraries.js';
import { FIELDS_BY_NAME, isBlank, type StatementFields } from '../../model/fields.js';
import type { FrontMatter, LoadProblem, Point, Span, Statement } from '../../model/statement.js';
import type { LoadContext } from '../project/context.js';
import { decodeStatement } from './decode.js';
import { markdownProblem } from './markdown-limits.js';
import { parseMarkdown } from './markdown-parser.js';
import { readDirectives } from './directives.js';
import { readStatementFile } from './read-statement.js';
import { frontMatterProblem, readFrontMatter } from './front-matter.js';
import { spokenParagraphs } from './paragraphs.js';
import { resolveSettings } from './settings.js';
import { linkVersion } from './versions.js';

/** Reads and parses the statement at `path` (absolute); an unreadable file gets a `read-error` problem. */
export function loadStatement(path: string, context: LoadContext): Statement {
  return parseStatement(path, readStatementFile(path, context.config.dir), context);
}

/** Parses a statement from its bytes or text (or the problem that stopped reading it); `path` names it. */
export function parseStatement(
  path: string,
  input: Uint8Array | string | LoadProblem,
  context: LoadContext,
): Statement {
  const statement = parseOne(path, input, context);
  // A language version is read with its source (never the source's own source).
  if (statement.loadProblems.length === 0) {
    const version = linkVersion(statement, context, (sourcePath, bytes) => parseOne(sourcePath, bytes, context));
    if (version) statement.version = version;
  }
  return statement;
}

/** Parses one statement, its version link left out. */
function parseOne(path: string, input: Uint8Array | string | LoadProblem, context: LoadContext): Statement {
  let source: string;
  if (typeof input === 'object' && 'ruleId' in input) {
    return emptyStatement(path, '', context, [input]);
  } else if (typeof input === 'string') {
    source = input.replace(/^\uFEFF/, '');
  } else {
    const decoded = decodeStatement(input);
    if (!decoded.ok) return emptyStatement(path, '', context, [decoded.problem]);
    source = decoded.text;
  }

  const place = location(source);
  const toPoint = (offset: number): Point => {
    const point = place.toPoint(Math.min(offset, source.length));
    return { line: point?.line ?? 1, column: point?.column ?? 1 };
  };
  const spanOf = ([start, end]: [number, number]): Span => ({ start: toPoint(start), end: toPoint(end) });

  const tooHard = markdownProblem(source);
  if (tooHard) return emptyStatement(path, source, context, [tooHard]);
  const block = readFrontMatter(source);
  const loadProblems: LoadProblem[] = block.problem ? [frontMatterProblem(block.problem, toPoint)] : [];

  // The front matter is blanked out, newlines kept, so every position in the tree is a position in the file.
  const body = source.slice(0, block.bodyOffset).replace(/[^\r\n]/g, ' ') + source.slice(block.bodyOffset);
  const file = new VFile({ path, value: source });
  let tree: Root;
  try {
    tree = parseMarkdown(body);
  } catch (error) {
    // Nesting beyond what the parser's stack holds: the file is reported, the run goes on.
    const reason = `Expected Markdown the parser can follow, found an error: ${(error as Error).message}`;
    return emptyStatement(path, source, context, [{ ruleId: 'markdown', reason, place: { line: 1, column: 1 } }]);
  }

  const { fields, invalid } = typeFields(block.data, context);
  const positions = new Map<string, Span>();
  for (const [name, range] of block.keyOffsets) positions.set(name, spanOf(range));
  const frontMatter: FrontMatter = {
    present: block.present,
    data: block.data,
    fields,
    positions,
    invalid,
    span: block.blockRange ? spanOf(block.blockRange) : undefined,
  };

  const directives = readDirectives(tree, context.ruleIds);
  return {
    path,
    file,
    source,
    frontMatter,
    tree,
    paragraphs: spokenParagraphs(tree),
    settings: resolveSettings(fields, directives, context),
    loadProblems,
    directiveProblems: directives.problems,
  };
}

/** Types the known fields of the front matter; values that do not parse are kept aside with their reason. */
function typeFields(data: Readonly<Record<string, unknown>>, context: LoadContext) {
  const fields: StatementFields = {};
  const invalid = new Map<string, string>();
  for (const [name, value] of Object.entries(data)) {
    const spec = FIELDS_BY_NAME.get(name);
    if (!spec || isBlank(value)) continue;
    const result = spec.parse(value, context.fields);
    if (result.ok) spec.assign(fields, result.value);
    else invalid.set(name, result.reason);
  }
  return { fields, invalid };
}

function emptyStatement(path: string, source: string, context: LoadContext, loadProblems: LoadProblem[]): Statement {
  const tree: Root = { type: 'root', children: [] };
  return {
    path,
    file: new VFile({ path, value: source }),
    source,
    frontMatter: { present: false, data: {}, fields: {}, positions: new Map(), invalid: new Map() },
    tree,
    paragraphs: [],
    settings: resolveSettings({}, { disabled: new Set(), problems: [] }, context),
    loadProblems,
    directiveProblems: [],
  };
}
