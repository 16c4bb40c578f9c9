/**
 * `required-field` (error): the front matter gives `forum`, `session` and `speaker`, each with a value.
 *
 * Why: the handout's header, the forum's slot and presiding officer, and the interpreters' list of
 * speakers all come from them. One message per missing field. Options: none.
 */
import { FIELDS, isBlank } from '../model/fields.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'required-field',
  severity: 'error',
  summary: 'The front matter gives `forum`, `session` and `speaker`',
  check(statement, report) {
    const { data, positions, span } = statement.frontMatter;
    for (const field of FIELDS) {
      if (!field.required || !isBlank(data[field.name])) continue;
      const place = positions.get(field.name);
      if (place) report(`Expected a value for the required field \`${field.name}\`, found nothing`, place);
      else report(`Expected the required field \`${field.name}\` in the front matter, found none`, span?.start);
    }
  },
});
