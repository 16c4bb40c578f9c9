/**
 * `placeholder` (error): no leftovers of drafting in the text or the front matter: `TODO`, `TBD`,
 * `TBC`, `XXX`, `[insert …]`, `[name]`, `[X]`, "lorem ipsum" and the rest of
 * src/data/placeholders.yaml.
 *
 * Why: a placeholder read out at a UN meeting, or printed on a handout, embarrasses the organization.
 * Stage directions (`[pause]`, `[slow]`: src/data/stage-directions.yaml) are not placeholders, and an
 * elision `[…]` inside a quotation (quotation marks or a block quote) is an omission, not a gap.
 * Code and HTML comments are not checked. Options: none.
 */
import type { Nodes, Text } from 'mdast';
import { loadData } from '../data/load.js';
import { quote } from '../model/describe.js';
import { UNSPACED } from '../model/phrases.js';
import { pointAt } from '../model/points.js';
import type { Point, Statement } from '../model/statement.js';
import { defineRule, type Report } from './define-rule.js';

interface PlaceholderData {
  words: string[];
  unspaced?: string[];
  phrases: string[];
  brackets: { exact: string[]; starting: string[] };
  elisions: string[];
}

interface Patterns {
  words: RegExp;
  phrases: RegExp;
  exact: Set<string>;
  starting: string[];
  elisions: Set<string>;
}

let patterns: Patterns | undefined;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function loadPatterns(): Patterns {
  if (patterns) return patterns;
  const data = loadData<PlaceholderData>('placeholders.yaml');
  const alternatives = (list: string[]) => list.map(escape).join('|');
  patterns = {
    words: new RegExp(
      `(?<![\\p{L}\\p{N}_])(?:${alternatives(data.words)})(?![\\p{L}\\p{N}_])${data.unspaced?.length ? `|${alternatives(data.unspaced)}` : ''}`,
      'gu',
    ),
    phrases: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives(data.phrases)})(?![\\p{L}\\p{N}_])`, 'giu'),
    exact: new Set(['', ...data.brackets.exact.map((item) => item.toLowerCase())]),
    starting: data.brackets.starting.map((item) => item.toLowerCase()),
    elisions: new Set(data.elisions),
  };
  return patterns;
}

const BRACKETS = /\[([^[\]\n]{0,80})\]/g;

/** A placeholder found in a piece of text: where it starts, what it is, and whether it is an elision. */
interface Found {
  index: number;
  text: string;
  elision: boolean;
}

function findPlaceholders(text: string, directions: ReadonlyMap<string, number>): Found[] {
  const { words, phrases, exact, starting, elisions } = loadPatterns();
  const found: Found[] = [];
  for (const pattern of [words, phrases]) {
    for (const match of text.matchAll(pattern)) found.push({ index: match.index, text: match[0], elision: false });
  }
  for (const match of text.matchAll(BRACKETS)) {
    const inner = match[1]!.trim().replace(/\s+/g, ' ');
    const lower = inner.toLowerCase();
    if (directions.has(lower)) continue;
    if (elisions.has(inner)) found.push({ index: match.index, text: match[0], elision: true });
    else if (
      exact.has(lower) ||
      starting.some(
        (word) => lower === word || lower.startsWith(`${word} `) || (UNSPACED.test(word) && lower.startsWith(word)),
      )
    ) {
      found.push({ index: match.index, text: match[0], elision: false });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** True when `index` in `text` lies between quotation marks. */
function insideQuotation(text: string, index: number): boolean {
  let curly = 0;
  let straight = false;
  for (const char of text.slice(0, index)) {
    if (char === '“' || char === '«' || char === '„') curly += 1;
    else if ((char === '”' || char === '»') && curly > 0) curly -= 1;
    else if (char === '"') straight = !straight;
  }
  return curly > 0 || straight;
}

/** A block's text, assembled from its text nodes, with where each node's text starts. */
interface Block {
  text: string;
  segments: { start: number; node: Text }[];
  quoted: boolean;
}

function collectBlocks(node: Nodes, quoted: boolean, blocks: Block[], current?: Block): void {
  if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
  if (node.type === 'text') {
    current?.segments.push({ start: current.text.length, node });
    if (current) current.text += node.value;
    return;
  }
  const inBlockquote = quoted || node.type === 'blockquote';
  const holdsInline = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
  const block = holdsInline ? { text: '', segments: [], quoted: inBlockquote } : current;
  if ('children' in node) for (const child of node.children) collectBlocks(child, inBlockquote, blocks, block);
  if (holdsInline && block) blocks.push(block);
}

function pointOf(statement: Statement, block: Block, index: number, text: string): Point {
  let segment = block.segments[0];
  for (const candidate of block.segments) if (candidate.start <= index) segment = candidate;
  const start = segment?.node.position?.start.offset;
  const end = segment?.node.position?.end.offset;
  if (!segment || start === undefined || end === undefined) return { line: 1, column: 1 };
  const raw = statement.source.slice(start, end);
  const delta = index - segment.start;
  // Escapes and entities make the source differ from the text: then find the placeholder in the source.
  if (raw === segment.node.value) return pointAt(statement, start + delta);
  const found = raw.indexOf(text);
  return pointAt(statement, start + (found === -1 ? 0 : found));
}

function reportFrontMatter(statement: Statement, report: Report): void {
  const { data, positions } = statement.frontMatter;
  for (const [name, value] of Object.entries(data)) {
    const texts = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
    for (const text of texts) {
      for (const found of findPlaceholders(text, statement.settings.phrases.stageDirections)) {
        report(`Expected final text in \`${name}\`, found the placeholder ${quote(found.text)}`, positions.get(name));
      }
    }
  }
}

export default defineRule({
  id: 'placeholder',
  severity: 'error',
  summary: 'No placeholders are left (`TODO`, `TBD`, `[insert …]`, `[name]`, "lorem ipsum")',
  check(statement, report) {
    reportFrontMatter(statement, report);
    const blocks: Block[] = [];
    collectBlocks(statement.tree, false, blocks);
    for (const block of blocks) {
      for (const found of findPlaceholders(block.text, statement.settings.phrases.stageDirections)) {
        if (found.elision && (block.quoted || insideQuotation(block.text, found.index))) continue;
        const what = found.elision ? 'the elision' : 'the placeholder';
        const hint = found.elision ? ' outside a quotation' : '';
        report(
          `Expected final text, found ${what} ${quote(found.text)}${hint}`,
          pointOf(statement, block, found.index, found.text),
        );
      }
    }
  },
});
