/**
 * `closing` (error): the last spoken paragraph ends with a closing formula: its last sentence starts
 * with "Thank you", "I thank you", "Thank you for your attention", "Je vous remercie", "Muchas
 * gracias" and the like (the `phrases` of src/data/languages/<tag>.yaml).
 *
 * Why: the chair and the interpreters hear the statement is over. A "Thank you" in an earlier
 * paragraph does not count; footnotes, link definitions and comments after the closing are not spoken
 * and do not hide it. Skipped for `kind: written`. Options: none.
 */
import { quote } from '../model/describe.js';
import { closing } from '../model/statement.js';
import { endsWithClosing, lastSentence } from './support/address.js';
import { defineRule } from './define-rule.js';
import { placesIn } from './support/offsets.js';

export default defineRule({
  id: 'closing',
  languageDependent: true,
  severity: 'error',
  summary: 'The statement ends with a closing formula ("Thank you", "Je vous remercie")',
  deliveryOnly: true,
  check(statement, report) {
    const last = closing(statement);
    const { phrases, languageRecord } = statement.settings;
    if (!last || endsWithClosing(last.text, phrases)) return;
    const found = lastSentence(last.text, phrases) || last.text;
    // The suggestion in the statement's language: "Thank you.", "Je vous remercie.", "谢谢。".
    const suggestion = languageRecord.phrases.newStatement?.closing ?? 'Thank you.';
    // Offered, never applied: the closing as a paragraph of its own after the last one.
    const at = placesIn(statement.source).offset(last.span.end);
    report(
      `Expected the statement to end with a closing formula such as \`${suggestion}\`, found ${quote(found)}`,
      last.span.end,
      {
        suggestions: [
          {
            description: `Add \`${suggestion}\` as the last paragraph`,
            edit: { range: [at, at], text: `\n\n${suggestion}` },
          },
        ],
      },
    );
  },
});
