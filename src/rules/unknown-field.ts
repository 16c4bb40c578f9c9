/**
 * `unknown-field` (warning): every front matter field is one the tool knows; a misspelled one gets
 * the nearest known name ("Unexpected field `speker`, did you mean `speaker`?").
 *
 * Why: a misspelled field is silently ignored, so the handout lacks the speaker. Options: none.
 */
import { quote } from '../model/describe.js';
import { FIELDS, FIELDS_BY_NAME } from '../model/fields.js';
import { didYouMean, nearest } from '../model/suggest.js';
import { defineRule } from './define-rule.js';
import { placesIn } from './support/offsets.js';

const NAMES = FIELDS.map((field) => field.name);

export default defineRule({
  id: 'unknown-field',
  severity: 'warning',
  summary: 'Every front matter field is a known one',
  check(statement, report) {
    const { data, positions } = statement.frontMatter;
    const places = placesIn(statement.source);
    for (const name of Object.keys(data)) {
      if (FIELDS_BY_NAME.has(name)) continue;
      const known = nearest(name.replace(/-/g, '_'), NAMES);
      const span = positions.get(name);
      // The key renamed to the nearest field, where the key is written as it reads (`agenda-item:` → `agenda_item:`).
      const start = span ? places.offset(span.start) : -1;
      const written = start >= 0 && statement.source.startsWith(name, start);
      report(
        `Unexpected field ${quote(name)}${didYouMean(name.replace(/-/g, '_'), NAMES)}`,
        span,
        known !== undefined && written
          ? {
              suggestions: [
                {
                  description: `Rename the field to ${known}`,
                  edit: { range: [start, start + name.length], text: known },
                },
              ],
            }
          : undefined,
      );
    }
  },
});
