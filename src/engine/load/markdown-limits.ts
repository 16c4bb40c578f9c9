/**
 * Bounds on a statement's Markdown, checked before it is parsed. CommonMark parsing takes time that
 * grows with the square (or worse) of some constructs: thousands of nested list levels, runs of
 * thousands of `*`, tens of thousands of `[`. A statement from a pull request must not stall CI: past
 * these bounds (far beyond any real statement) the file is one clear message instead.
 */
import { loadData } from '../../data/load.js';
import type { LoadProblem } from '../../model/statement.js';

interface MarkdownLimits {
  maxBytes: number;
  maxLinePrefix: number;
  maxDelimiterRun: number;
  maxBrackets: number;
}

/** What a file may hold beyond the bound on its body before it is not even read (front matter is far smaller). */
const FRONT_MATTER_ROOM = 64 * 1024;

let checks: { bounds: MarkdownLimits; nesting: RegExp; run: RegExp } | undefined;

/** The bounds, and the expressions that find what passes them (made once). */
function limits() {
  if (!checks) {
    const bounds = loadData<{ markdown: MarkdownLimits }>('limits.yaml').markdown;
    checks = {
      bounds,
      // A line whose container prefix (indentation, `>`, list markers) is longer than the bound.
      nesting: new RegExp(`^(?:[ \\t>]|(?:[-+*]|\\d{1,9}[.)])[ \\t]){${bounds.maxLinePrefix + 1}}`, 'm'),
      run: new RegExp(`([*_~])\\1{${bounds.maxDelimiterRun},}`),
    };
  }
  return checks;
}

function at(source: string, index: number): { line: number; column: number } {
  const before = source.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** The problem of a statement file too large to be read at all: past the bound on the body, plus room for front matter. */
export function fileSizeProblem(bytes: number): LoadProblem | undefined {
  const { maxBytes } = limits().bounds;
  if (bytes <= maxBytes + FRONT_MATTER_ROOM) return undefined;
  return {
    ruleId: 'markdown',
    reason: `Expected a statement of at most ${maxBytes / 1024} KB, found ${Math.round(bytes / 1024)} KB`,
    place: { line: 1, column: 1 },
  };
}

/** The problem with a statement's Markdown that stops it being parsed, if any. */
export function markdownProblem(source: string): LoadProblem | undefined {
  const { bounds, nesting, run: delimiters } = limits();
  const bytes = Buffer.byteLength(source);
  if (bytes > bounds.maxBytes) {
    return {
      ruleId: 'markdown',
      reason: `Expected a statement of at most ${bounds.maxBytes / 1024} KB, found ${Math.round(bytes / 1024)} KB`,
      place: { line: 1, column: 1 },
    };
  }
  const deep = nesting.exec(source);
  if (deep) {
    return {
      ruleId: 'markdown',
      reason: `Expected blocks nested at most ${bounds.maxLinePrefix} columns deep, found more`,
      place: at(source, deep.index),
    };
  }
  const run = delimiters.exec(source);
  if (run) {
    return {
      ruleId: 'markdown',
      reason: `Expected runs of at most ${bounds.maxDelimiterRun} \`${run[1]}\`, found ${run[0].length}`,
      place: at(source, run.index),
    };
  }
  let brackets = 0;
  for (let index = source.indexOf('['); index !== -1; index = source.indexOf('[', index + 1)) {
    brackets += 1;
    if (brackets > bounds.maxBrackets)
      return {
        ruleId: 'markdown',
        reason: `Expected at most ${bounds.maxBrackets} \`[\`, found more`,
        place: at(source, index),
      };
  }
  return undefined;
}
