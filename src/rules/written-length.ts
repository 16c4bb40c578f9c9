/**
 * `written-length` (error): a `kind: written` statement stays within the word cap: 1,500 words by
 * default, `writtenWordCap` in the config file (some bodies allow 2,000).
 *
 * Why: the secretariat circulates written statements only within the cap, and does not shorten them.
 * Words are counted in all the text of the body (headings, lists, tables, footnotes), not the front
 * matter. Applies to written statements only. Options: `writtenWordCap` (config).
 */
import type { Nodes } from 'mdast';
import { countWords } from '../timing/words.js';
import { defineRule } from './define-rule.js';

function allText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if ('children' in node) return node.children.map((child) => allText(child as Nodes)).join(' ');
  return '';
}

export default defineRule({
  id: 'written-length',
  languageDependent: true,
  severity: 'error',
  summary: 'A written statement stays within the word cap (1,500 by default)',
  check(statement, report) {
    if (statement.settings.kind !== 'written') return;
    const words = countWords(allText(statement.tree));
    // Chinese is counted in characters (each is a written word to countWords), and said so.
    const unit = statement.settings.languageRecord.unit;
    const cap = statement.settings.writtenWordCap;
    if (words <= cap) return;
    report(
      `Expected at most ${cap.toLocaleString('en')} ${unit} in a written statement, found ${words.toLocaleString('en')}`,
      statement.frontMatter.positions.get('kind')?.start,
    );
  },
});
