/**
 * `field-type` (error): each known front matter field has a value of its type: a date `YYYY-MM-DD`, a
 * slot such as `3m` or `2:30`, a pace in words per minute, a language with phrase lists, text where
 * text is expected, one of the listed values for `kind`, `status` and `mark`.
 *
 * Why: a value the tool cannot read would be silently ignored (a slot of `three minutes` would check
 * nothing). Options: none.
 */
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'field-type',
  severity: 'error',
  summary: 'Each front matter field has a value of its type (date, slot, pace, language, …)',
  check(statement, report) {
    const { invalid, positions } = statement.frontMatter;
    for (const [name, reason] of invalid) report(reason, positions.get(name));
  },
});
