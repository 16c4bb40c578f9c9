/**
 * `unknown-field` (warning): every front matter field is one the tool knows; a misspelled one gets
 * the nearest known name ("Unexpected field `speker`, did you mean `speaker`?").
 *
 * Why: a misspelled field is silently ignored, so the handout lacks the speaker. Options: none.
 */
import { quote } from '../model/describe.js';
import { FIELDS, FIELDS_BY_NAME } from '../model/fields.js';
import { didYouMean } from '../model/suggest.js';
import { defineRule } from './define-rule.js';

const NAMES = FIELDS.map((field) => field.name);

export default defineRule({
  id: 'unknown-field',
  severity: 'warning',
  summary: 'Every front matter field is a known one',
  check(statement, report) {
    const { data, positions } = statement.frontMatter;
    for (const name of Object.keys(data)) {
      if (!FIELDS_BY_NAME.has(name))
        report(`Unexpected field ${quote(name)}${didYouMean(name.replace(/-/g, '_'), NAMES)}`, positions.get(name));
    }
  },
});
