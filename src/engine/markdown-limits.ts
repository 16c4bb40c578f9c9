/**
 * Bounds on a statement's Markdown, checked before it is parsed. CommonMark parsing takes time that
 * grows with the square (or worse) of some constructs: thousands of nested list levels, runs of
 * thousands of `*`, tens of thousands of `[`. A statement from a pull request must not stall CI: past
 * these bounds (far beyond any real statement) the file is one clear message instead.
 */
import { loadData } from '../data/load.js';
import type { LoadProblem } from '../model/statement.js';

interface MarkdownLimits {
  maxBytes: number;
  maxLinePrefix: number;
  maxDelimiterRun: number;
  maxBrackets: number;
}

function limits(): MarkdownLimits {
  return loadData<{ markdown: MarkdownLimits }>('limits.yaml').markdown;
}

function at(source: string, index: number): { line: number; column: number } {
  const before = source.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

const PREFIX = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*/;

/** The problem with a statement's Markdown that stops it being parsed, if any. */
export function markdownProblem(source: string): LoadProblem | undefined {
  const bounds = limits();
  const bytes = Buffer.byteLength(source);
  if (bytes > bounds.maxBytes) {
    return { ruleId: 'markdown', reason: `Expected a statement of at most ${bounds.maxBytes / 1024} KB, found ${Math.round(bytes / 1024)} KB`, place: { line: 1, column: 1 } };
  }
  let offset = 0;
  for (const line of source.split('\n')) {
    const prefix = PREFIX.exec(line)![0];
    if (prefix.length > bounds.maxLinePrefix) {
      return { ruleId: 'markdown', reason: `Expected blocks nested at most ${bounds.maxLinePrefix} columns deep, found ${prefix.length}`, place: at(source, offset) };
    }
    offset += line.length + 1;
  }
  const run = new RegExp(`([*_~])\\1{${bounds.maxDelimiterRun},}`).exec(source);
  if (run) {
    return { ruleId: 'markdown', reason: `Expected runs of at most ${bounds.maxDelimiterRun} \`${run[1]}\`, found ${run[0].length}`, place: at(source, run.index) };
  }
  let brackets = 0;
  for (let index = source.indexOf('['); index !== -1; index = source.indexOf('[', index + 1)) {
    brackets += 1;
    if (brackets > bounds.maxBrackets) return { ruleId: 'markdown', reason: `Expected at most ${bounds.maxBrackets} \`[\`, found more`, place: at(source, index) };
  }
  return undefined;
}
