/**
 * `opening-address` (error): the first spoken paragraph addresses the presiding officer in its first
 * sentence: "Thank you, Chair", "Madam President, Excellencies, distinguished delegates", "Co-Chairs,",
 * "Monsieur le Président", "Señora Presidenta" (the `phrases` of src/data/languages/<tag>.yaml).
 *
 * Why: an oral statement is given the floor by the chair and opens by addressing them; interpreters
 * and the secretariat expect it. Naming the chair in a later paragraph does not count. Skipped for
 * `kind: written`. Options: none.
 */
import { quote } from '../model/describe.js';
import { opening } from '../model/statement.js';
import { findAddress } from './support/address.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'opening-address',
  severity: 'error',
  summary: 'The opening addresses the presiding officer ("Thank you, Chair", "Mr. President,")',
  deliveryOnly: true,
  check(statement, report) {
    const first = opening(statement);
    if (!first) return;
    const { phrases, forum, language } = statement.settings;
    if (findAddress(first.text, phrases)) return;
    const title = forum?.title[language];
    const who = title ? `the \`${title}\` of \`${forum.id}\`` : 'such as `Thank you, Chair.`';
    report(
      `Expected the opening to address the presiding officer (${who}), found ${quote(first.text)}`,
      first.span.start,
    );
  },
});
