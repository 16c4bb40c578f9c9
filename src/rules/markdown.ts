/**
 * `markdown` (error): the statement is Markdown the parser gets through quickly: at most 64 KB and 800
 * lines; blocks nested at most 120 columns deep; a paragraph (list item, heading, table row) of at most
 * 16 KB holding at most 400 runs of `*`, `_` or `~` (none longer than 200), 200 `[`, 200 `<` and 200
 * runs of backticks; at most 42 `|` on a line and 4,000 in the file; at most 100 headings underlined
 * with `=` or `-`; at most 16 combining marks on a character; front matter of at most 16 KB and 300 lines.
 *
 * Why: statements come from pull requests, and the parser takes time that grows with the square of
 * these constructs (setext headings, block quotes, nested lists in number; emphasis, brackets, HTML
 * openings and code spans within a paragraph): a 40 KB file could take 17 s. Real statements are far
 * inside the bounds (a 3-minute statement is about 2 KB, a written one of 2,000 words about 15 KB, 30 KB
 * in Arabic or Russian). The finding names the place where a bound was passed. When this rule reports,
 * no other rule runs on the file. Options: the bounds in src/data/limits.yaml.
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
