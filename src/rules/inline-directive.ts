/**
 * `inline-directive` (warning): every `<!-- alliance-disable … -->` and `<!-- alliance-set … -->`
 * comment names known rules and settings with valid values.
 *
 * Why: a misspelled rule id would leave the rule on while the author believes it off, and a bad
 * `slot=` would be silently ignored. Options: none.
 */
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'inline-directive',
  severity: 'warning',
  summary: 'Inline `alliance-disable` and `alliance-set` comments name known rules and settings',
  check(statement, report) {
    for (const problem of statement.directiveProblems) report(problem.reason, problem.place);
  },
});
