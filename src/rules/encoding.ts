/**
 * `encoding` (error): the file is UTF-8 text, without NUL bytes.
 *
 * Why: a binary file or a file saved in another encoding would be read as garbage and its text lost
 * in the handouts; the first bad byte is reported with its line and column. No other rule runs.
 * Options: none.
 */
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'encoding',
  severity: 'error',
  summary: 'The file is UTF-8 text',
  runsOnUnusable: true,
  check(statement, report) {
    for (const problem of statement.loadProblems)
      if (problem.ruleId === 'encoding') report(problem.reason, problem.place);
  },
});
