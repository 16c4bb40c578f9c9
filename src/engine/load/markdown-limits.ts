/**
 * Bounds on a statement's Markdown, checked before it is parsed, in one pass over its lines. The
 * parser (micromark) takes time that grows with the square of some constructs: setext headings, block
 * quotes and nested lists in number; runs of `*`, `_` and `~`, brackets, `<` and backtick runs within
 * one paragraph. A statement from a pull request must not stall CI, so each is bounded where a real
 * statement is far inside the bound (a 3-minute statement is about 2 KB, a written one of 2,000 words
 * about 15 KB): past a bound the file is one `markdown` finding with its place, never a slow parse.
 * The numbers are data (src/data/limits.yaml, `markdown`).
 */
import { loadData } from '../../data/load.js';
import type { LoadProblem, Point } from '../../model/statement.js';

/** The bounds (src/data/limits.yaml). */
export interface MarkdownLimits {
  /** The whole file. */
  maxBytes: number;
  maxLines: number;
  /** Indentation, `>` and list markers before a line's text. */
  maxLinePrefix: number;
  /** Block quotes and list items one inside another. */
  maxNesting: number;
  /** Containers opened inside another, in the file. */
  maxNestedContainers: number;
  /** The longest run of one of `*`, `_`, `~`. */
  maxDelimiterRun: number;
  /** A paragraph, list item, heading or table row: its text up to the next block. */
  maxBlockBytes: number;
  /** Runs of `*`, `_` or `~` in one block. */
  maxInlineMarks: number;
  /** `[` in one block. */
  maxBrackets: number;
  /** `<` in one block (HTML, comments, autolinks). */
  maxAngleBrackets: number;
  /** Runs of backticks in one block (code spans). */
  maxBacktickRuns: number;
  /** `|` on one line, and in the file (the columns and cells of tables). */
  maxPipesPerLine: number;
  maxPipes: number;
  /** Setext headings (a line of `=` or `-` under text) in the file. */
  maxSetextHeadings: number;
  /** Combining marks on one character. */
  maxCombiningMarks: number;
}

/** What a file may hold beyond the bound on its body before it is not even read (front matter is far smaller). */
const FRONT_MATTER_ROOM = 64 * 1024;

let bounds: MarkdownLimits | undefined;

/** The bounds, read once. */
export function markdownLimits(): MarkdownLimits {
  bounds ??= loadData<{ markdown: MarkdownLimits }>('limits.yaml').markdown;
  return bounds;
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;
}

/** The problem of a statement file too large to be read at all: past the bound on the body, plus room for front matter. */
export function fileSizeProblem(bytes: number): LoadProblem | undefined {
  const { maxBytes } = markdownLimits();
  if (bytes <= maxBytes + FRONT_MATTER_ROOM) return undefined;
  return problem(`Expected a statement of at most ${kilobytes(maxBytes)}, found ${kilobytes(bytes)}`, {
    line: 1,
    column: 1,
  });
}

function problem(reason: string, place: Point): LoadProblem {
  return { ruleId: 'markdown', reason, place };
}

/** A line that starts a new block, after its container prefix: a list item, heading, quote, fence, table row or HTML. */
const BLOCK_START = /^(?:[-+*][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|>|```|~~~|\||<|\[[^\]]{0,999}\]:)/;
/** Where a line ends, as CommonMark has it: \n, \r\n or a lone \r. */
const LINE_END = /\r\n?|\n/g;
/** A setext heading's underline. */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A thematic break, which a `---` line under a paragraph is not (it is a setext underline there). */
const BLANK = /^[ \t]*$/;
const COMBINING_RUN = /\p{M}+/gu;

/** Counts within the block being read; reset at each new block. */
interface BlockCounts {
  start: Point;
  bytes: number;
  marks: number;
  brackets: number;
  angles: number;
  backticks: number;
}

function newBlock(line: number): BlockCounts {
  return { start: { line, column: 1 }, bytes: 0, marks: 0, brackets: 0, angles: 0, backticks: 0 };
}

/**
 * How deep the containers of each line are: its block quotes, and the list items whose content its
 * indentation reaches (the content columns of the items above, kept while a line is indented to them).
 */
class NestingTracker {
  private quotes = 0;
  private items: number[] = [];

  /** A blank line: block quotes end there (list items go on past it). */
  blank(): void {
    if (this.quotes > 0) this.items = [];
    this.quotes = 0;
  }

  /**
   * The depth of `line`'s containers, given its prefix (indentation, `>` and list markers), and how many
   * it opens inside another.
   */
  depth(line: string, prefixLength: number): { depth: number; nestedOpened: number } {
    const prefix = line.slice(0, prefixLength);
    const lastQuote = prefix.lastIndexOf('>');
    const quotes = [...prefix].filter((character) => character === '>').length;
    const newQuotes = Math.max(0, quotes - this.quotes);
    if (quotes !== this.quotes) this.items = [];
    this.quotes = quotes;
    // List items opened between the quotes (`> - > - x`) are containers of this line only.
    const between = (prefix.slice(0, Math.max(0, lastQuote)).match(MARKERS) ?? []).length;
    // After the last `>`: columns (tabs to the next multiple of four), and the items whose content they reach.
    const inner = prefix.slice(lastQuote + 1);
    let column = 0;
    let markers = 0;
    for (let index = 0; index < inner.length;) {
      const marker = MARKER.exec(inner.slice(index, index + 12));
      if (marker) {
        // An item at this column closes the deeper ones; its content is its own column.
        if (markers === 0) this.items = this.items.filter((content) => content <= column);
        column += marker[0].length;
        index += marker[0].length;
        this.items.push(column);
        markers += 1;
        continue;
      }
      column = inner[index] === '\t' ? column + 4 - (column % 4) : column + 1;
      index += 1;
    }
    if (markers === 0) this.items = this.items.filter((content) => content <= column);
    const depth = quotes + between + this.items.length;
    const opened = markers + between + newQuotes;
    return { depth, nestedOpened: Math.min(opened, Math.max(0, depth - 1)) };
  }
}

/** A list marker and the space after it, at the start of a text. */
const MARKER = /^(?:[-+*]|\d{1,9}[.)])[ \t]/;
/** List markers anywhere in a container prefix. */
const MARKERS = /(?:^|[ \t>])(?:[-+*]|\d{1,9}[.)])(?=[ \t])/g;

/** The container prefix of a line (indentation, `>` and list markers): its length, and whether it opens a list item. */
function containerPrefix(line: string, max: number): { length: number; listItem: boolean } {
  let index = 0;
  let listItem = false;
  for (;;) {
    if (index > max) return { length: index, listItem };
    const character = line[index];
    if (character === ' ' || character === '\t' || character === '>') {
      index += 1;
      continue;
    }
    const marker = /^(?:[-+*]|\d{1,9}[.)])[ \t]/.exec(line.slice(index, index + 12));
    if (marker) {
      index += marker[0].length;
      listItem = true;
      continue;
    }
    return { length: index, listItem };
  }
}

/**
 * Counts the inline openers of one line into the block's counts; the first bound passed, with its
 * column, or undefined.
 */
function countLine(
  text: string,
  counts: BlockCounts,
  limits: MarkdownLimits,
  file: { pipes: number },
): { reason: string; column: number } | undefined {
  let previous = '';
  let run = 0;
  let pipes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (character === previous) run += 1;
    else run = 1;
    previous = character;
    if (character === '*' || character === '_' || character === '~') {
      if (run === 1) counts.marks += 1;
      if (run > limits.maxDelimiterRun) {
        let end = index;
        while (text[end + 1] === character) end += 1;
        const start = index - run + 1;
        return {
          reason: `Expected runs of at most ${limits.maxDelimiterRun} \`${character}\`, found ${end - start + 1}`,
          column: start + 1,
        };
      }
      if (counts.marks > limits.maxInlineMarks) {
        return {
          reason: `Expected at most ${limits.maxInlineMarks} runs of \`*\`, \`_\` or \`~\` in one paragraph, found more`,
          column: index + 1,
        };
      }
    } else if (character === '[') {
      counts.brackets += 1;
      if (counts.brackets > limits.maxBrackets)
        return {
          reason: `Expected at most ${limits.maxBrackets} \`[\` in one paragraph, found more`,
          column: index + 1,
        };
    } else if (character === '<') {
      counts.angles += 1;
      if (counts.angles > limits.maxAngleBrackets)
        return {
          reason: `Expected at most ${limits.maxAngleBrackets} \`<\` in one paragraph, found more`,
          column: index + 1,
        };
    } else if (character === '|') {
      pipes += 1;
      file.pipes += 1;
      if (pipes > limits.maxPipesPerLine)
        return {
          reason: `Expected at most ${limits.maxPipesPerLine} \`|\` on one line (a table of ${limits.maxPipesPerLine - 1} columns), found more`,
          column: index + 1,
        };
      if (file.pipes > limits.maxPipes)
        return {
          reason: `Expected at most ${limits.maxPipes} \`|\` in the file (the cells of its tables), found more`,
          column: index + 1,
        };
    } else if (character === '`') {
      if (run === 1) counts.backticks += 1;
      if (counts.backticks > limits.maxBacktickRuns) {
        return {
          reason: `Expected at most ${limits.maxBacktickRuns} runs of backticks in one paragraph, found more`,
          column: index + 1,
        };
      }
    }
  }
  return undefined;
}

/** The problem with a statement's Markdown that stops it being parsed, if any. */
export function markdownProblem(source: string): LoadProblem | undefined {
  const limits = markdownLimits();
  const bytes = Buffer.byteLength(source);
  if (bytes > limits.maxBytes)
    return problem(`Expected a statement of at most ${kilobytes(limits.maxBytes)}, found ${kilobytes(bytes)}`, {
      line: 1,
      column: 1,
    });

  let lineNumber = 0;
  let setext = 0;
  let previousText = false;
  let block = newBlock(1);
  const file = { pipes: 0 };
  const nesting = new NestingTracker();
  let nestedContainers = 0;
  for (let start = 0; start <= source.length;) {
    LINE_END.lastIndex = start;
    const lineEnd = LINE_END.exec(source);
    const end = lineEnd ? lineEnd.index : -1;
    const line = source.slice(start, end === -1 ? source.length : end);
    start = lineEnd ? lineEnd.index + lineEnd[0].length : source.length + 1;
    lineNumber += 1;
    if (lineNumber > limits.maxLines)
      return problem(`Expected a statement of at most ${limits.maxLines.toLocaleString('en')} lines, found more`, {
        line: lineNumber,
        column: 1,
      });

    const { length: prefix, listItem } = containerPrefix(line, limits.maxLinePrefix);
    if (prefix > limits.maxLinePrefix)
      return problem(`Expected blocks nested at most ${limits.maxLinePrefix} columns deep, found more`, {
        line: lineNumber,
        column: 1,
      });

    if (!BLANK.test(line)) {
      const { depth, nestedOpened } = nesting.depth(line, prefix);
      if (depth > limits.maxNesting)
        return problem(`Expected block quotes and lists nested at most ${limits.maxNesting} deep, found ${depth}`, {
          line: lineNumber,
          column: 1,
        });
      nestedContainers += nestedOpened;
      if (nestedContainers > limits.maxNestedContainers)
        return problem(
          `Expected at most ${limits.maxNestedContainers} block quotes and list items nested in others, found more`,
          { line: lineNumber, column: 1 },
        );
    }
    if (BLANK.test(line)) {
      nesting.blank();
      block = newBlock(lineNumber + 1);
      previousText = false;
      continue;
    }
    if (previousText && SETEXT_UNDERLINE.test(line)) {
      setext += 1;
      if (setext > limits.maxSetextHeadings)
        return problem(
          `Expected at most ${limits.maxSetextHeadings} headings underlined with \`=\` or \`-\`, found more`,
          { line: lineNumber, column: 1 },
        );
    }
    const text = line.slice(prefix);
    // A new block ends the counts of the one before; a line that continues a paragraph (indented, in a
    // quote, or lazily) adds to them, since the parser reads the paragraph's inlines as one.
    if (listItem || BLOCK_START.test(text)) block = newBlock(lineNumber);
    block.bytes += Buffer.byteLength(line) + 1;
    if (block.bytes > limits.maxBlockBytes) {
      return problem(
        `Expected a paragraph (or list item, heading, table row) of at most ${kilobytes(limits.maxBlockBytes)}, found more from line ${block.start.line}`,
        { line: lineNumber, column: 1 },
      );
    }
    const found = countLine(line, block, limits, file);
    if (found) return problem(found.reason, { line: lineNumber, column: found.column });
    for (const marks of line.matchAll(COMBINING_RUN)) {
      if (marks[0].length > limits.maxCombiningMarks) {
        return problem(
          `Expected at most ${limits.maxCombiningMarks} combining marks on one character, found ${marks[0].length}`,
          { line: lineNumber, column: (marks.index ?? 0) + 1 },
        );
      }
    }
    previousText = true;
  }
  return undefined;
}
