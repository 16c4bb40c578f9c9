/**
 * Inline comments that steer the checker for one file:
 * `<!-- alliance-disable placeholder closing -->` switches rules off, and
 * `<!-- alliance-set pace=100 slot=2m30s -->` sets the pace or slot (above front matter, below flags).
 */
import type { Html, Root } from 'mdast';
import { quote } from '../../model/describe.js';
import { parsePace, parseSlot } from '../../model/fields.js';
import type { DirectiveProblem, Span } from '../../model/statement.js';
import { didYouMean } from '../../model/suggest.js';

/** What the inline comments of a file decided. */
export interface Directives {
  disabled: Set<string>;
  pace?: number;
  slotSeconds?: number;
  problems: DirectiveProblem[];
}

const COMMENT = /<!--\s*alliance-(disable|set)\b([\s\S]*?)-->/g;
const SETTINGS = ['pace', 'slot'];

/** Reads the `alliance-…` comments of a tree; unknown rule ids and bad values become problems. */
export function readDirectives(tree: Root, knownRuleIds: readonly string[]): Directives {
  const directives: Directives = { disabled: new Set(), problems: [] };
  const visit = (node: Root | Root['children'][number]): void => {
    if (node.type === 'html') readComment(node, directives, knownRuleIds);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return directives;
}

function readComment(node: Html, directives: Directives, knownRuleIds: readonly string[]): void {
  if (!node.value.includes('alliance-')) return;
  const place: Span = {
    start: { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 },
    end: { line: node.position?.end.line ?? 1, column: node.position?.end.column ?? 1 },
  };
  for (const match of node.value.matchAll(COMMENT)) {
    const words = match[2]!.split(/[\s,]+/).filter(Boolean);
    if (match[1] === 'disable') {
      if (words.length === 0) {
        directives.problems.push({ reason: 'Expected rule ids after `alliance-disable`, found none', place });
      }
      for (const id of words) {
        if (knownRuleIds.includes(id)) directives.disabled.add(id);
        else
          directives.problems.push({
            reason: `Unexpected rule ${quote(id)} in \`alliance-disable\`${didYouMean(id, knownRuleIds)}`,
            place,
          });
      }
    } else {
      readSettings(match[2]!, directives, place);
    }
  }
}

function readSettings(text: string, directives: Directives, place: Span): void {
  const pairs = text
    .trim()
    .split(/[\s,;]+(?=[a-z_]+\s*[=:])/i)
    .filter(Boolean);
  if (pairs.length === 0)
    directives.problems.push({ reason: 'Expected `name=value` after `alliance-set`, found nothing', place });
  for (const pair of pairs) {
    const [, name = '', value = ''] = /^([a-z_]+)\s*[=:]\s*(.*?)[\s,;]*$/i.exec(pair.trim()) ?? [];
    if (name === 'pace' || name === 'slot') {
      const result = name === 'pace' ? parsePace(value) : parseSlot(value);
      if (!result.ok) directives.problems.push({ reason: result.reason, place });
      else if (name === 'pace') directives.pace = result.value;
      else directives.slotSeconds = result.value;
    } else {
      directives.problems.push({
        reason: `Unexpected setting ${quote(name || pair)} in \`alliance-set\`${didYouMean(name, SETTINGS)}`,
        place,
      });
    }
  }
}
