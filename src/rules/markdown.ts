/**
 * `markdown` (error): the body is Markdown the parser gets through quickly: at most 1 MB, blocks nested
 * at most 120 columns deep, runs of at most 200 `*`, `_` or `~`, at most 5,000 `[` (limits.yaml).
 *
 * Why: statements come from pull requests, and some constructs make CommonMark parsing take time that
 * grows with their square; no real statement comes near these bounds. When this rule reports, no other
 * rule runs on the file. Options: the bounds in src/data/limits.yaml.
 */
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'markdown',
  severity: 'error',
  summary: 'The Markdown stays within what can be parsed quickly (size, nesting, runs of `*`)',
  runsOnUnusable: true,
  check(statement, report) {
    for (const problem of statement.loadProblems)
      if (problem.ruleId === 'markdown') report(problem.reason, problem.place);
  },
});
