/**
 * `placeholder` (error): no leftovers of drafting in the text or the front matter: text in square
 * brackets (`[year]`, `[Name of Minister]`) that is not a link, a footnote, a stage direction, an
 * editorial mark (`[sic]`) or an insertion in a quotation; text in braces (`{{country}}`) or angle
 * brackets (`<name>`); a run of X or # for a figure (`XX%`, `###`, `xx,xxx`); `TODO`, `TBD`, `TK`,
 * "lorem ipsum" and each language's own (`À COMPLÉTER`, `POR DEFINIR`, `УТОЧНИТЬ`, `待定`).
 *
 * Why: a placeholder read out at a UN meeting, or printed on a handout, embarrasses the organization.
 * An elision `[…]` inside a quotation is an omission, not a gap. Code and HTML comments are not
 * checked. Options: `placeholders.allow` in the config lists text a project allows in brackets.
 */
import type { Nodes, Text } from 'mdast';
import { quote } from '../model/describe.js';
import { pointAt } from '../model/points.js';
import type { Point, Statement } from '../model/statement.js';
import { defineRule, type Report } from './define-rule.js';
import { findPlaceholders } from './support/placeholders.js';

/** Whether each place in `text` lies between quotation marks, worked out once for the text. */
function quotationMap(text: string): (index: number) => boolean {
  let inside: boolean[] | undefined;
  return (index) => {
    if (!inside) {
      inside = [];
      let curly = 0;
      let straight = false;
      for (const char of text) {
        for (let unit = 0; unit < char.length; unit += 1) inside.push(curly > 0 || straight);
        if (char === '“' || char === '«' || char === '„') curly += 1;
        else if ((char === '”' || char === '»') && curly > 0) curly -= 1;
        else if (char === '"') straight = !straight;
      }
    }
    return inside[index] ?? false;
  };
}

/** A block's text, assembled from its text nodes, with where each node's text starts. */
interface Block {
  text: string;
  segments: { start: number; node: Text | Extract<Nodes, { type: 'html' }> }[];
  quoted: boolean;
}

function collectBlocks(node: Nodes, quoted: boolean, blocks: Block[], current?: Block): void {
  if (node.type === 'code' || node.type === 'inlineCode') return;
  // Raw HTML in prose is read for angle brackets that are no HTML (`<Name of Minister>`); a comment is not.
  if (node.type === 'html' && node.value.startsWith('<!--')) return;
  if (node.type === 'text' || node.type === 'html') {
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
      for (const found of findPlaceholders(text, statement.settings)) {
        report(`Expected final text in \`${name}\`, found the placeholder ${quote(found.text)}`, positions.get(name));
      }
    }
  }
}

export default defineRule({
  id: 'placeholder',
  severity: 'error',
  summary: 'No placeholders are left (`[year]`, `{{name}}`, `XX%`, `TODO`, `TBD`, "lorem ipsum")',
  check(statement, report) {
    reportFrontMatter(statement, report);
    const blocks: Block[] = [];
    collectBlocks(statement.tree, false, blocks);
    for (const block of blocks) {
      const inQuotation = quotationMap(block.text);
      const quotedAt = (index: number) => block.quoted || inQuotation(index);
      for (const found of findPlaceholders(block.text, statement.settings, quotedAt)) {
        if (found.elision && quotedAt(found.index)) continue;
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
