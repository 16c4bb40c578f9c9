/**
 * `field-type` (error): each known front matter field has a value of its type: a date `YYYY-MM-DD`, a
 * slot such as `3m` or `2:30`, a pace in words per minute, a language with phrase lists, text where
 * text is expected, one of the listed values for `kind`, `status` and `mark`.
 *
 * Why: a value the tool cannot read would be silently ignored (a slot of `three minutes` would check
 * nothing). Options: none.
 */
import { defineRule } from './define-rule.js';
import { fieldValueRange } from './support/offsets.js';

export default defineRule({
  id: 'field-type',
  severity: 'error',
  summary: 'Each front matter field has a value of its type (date, slot, pace, language, …)',
  check(statement, report) {
    const { invalid, positions } = statement.frontMatter;
    for (const [name, reason] of invalid) {
      // Where the reason names the nearest value (`did you mean \`fr\`?`), that value is offered in place.
      const meant = /did you mean `([^`]+)`/.exec(reason)?.[1];
      const range = meant === undefined ? undefined : fieldValueRange(statement, name);
      report(
        reason,
        positions.get(name),
        range && meant !== undefined
          ? { suggestions: [{ description: `Change ${name} to ${meant}`, edit: { range, text: meant } }] }
          : undefined,
      );
    }
  },
});
