/**
 * `read-error` (error): the file can be read (it exists, is a file, and may be opened).
 *
 * Why: a statement that cannot be read is reported on its own line of the report, and the other files
 * are still checked. Options: none.
 */
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'read-error',
  severity: 'error',
  summary: 'The file can be read',
  runsOnUnusable: true,
  check(statement, report) {
    for (const problem of statement.loadProblems)
      if (problem.ruleId === 'read-error') report(problem.reason, problem.place);
  },
});
