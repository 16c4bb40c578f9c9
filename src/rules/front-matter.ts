/**
 * `front-matter` (error): the file opens with a YAML front matter block (`---` … `---`) that parses to
 * a mapping of fields.
 *
 * Why: every other check, the timing and the handouts need the forum, session and speaker. A block in
 * another language (`---js`) is refused, never evaluated: statements come from pull requests.
 * When this rule reports, no other rule runs on the file: fix the front matter first.
 * Options: none.
 */
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'front-matter',
  severity: 'error',
  summary: 'The file opens with YAML front matter that is a mapping of fields',
  runsOnUnusable: true,
  check(statement, report) {
    for (const problem of statement.loadProblems)
      if (problem.ruleId === 'front-matter') report(problem.reason, problem.place);
  },
});
