/**
 * `opening-address` (error): the first sentence of the first spoken paragraph addresses the presiding
 * officer: "Thank you, Chair", "Thank you Mr. Chairman for giving me the floor", "Madam President,
 * Excellencies, distinguished delegates", "Monsieur le Président", "Estimada señora Presidenta:",
 * "شكراً سيدي الرئيس على إعطائي الكلمة", "尊敬的主席：".
 *
 * The model: an address is a vocative, a clause that from its start to its end is an optional
 * preamble ("Thank you"), the officer's title with its courtesy words before and after
 * ("Distinguished", "المحترم"), perhaps joined by a conjunction to greetings of the room, and perhaps the
 * thanks for the floor. A greeting to the room alone ("Excellencies, distinguished delegates,") does not
 * address the officer; nor does the title as the subject of a sentence ("Mr. President and his
 * administration ignored the report"). Every list is data, per language (`phrases` in
 * src/data/languages/<tag>.yaml; a project adds its own in languages/<tag>.yaml).
 *
 * Why: an oral statement is given the floor by the chair and opens by addressing them; interpreters
 * and the secretariat expect it. Naming the chair in a later paragraph does not count. Skipped for
 * `kind: written`. Options: none.
 */
import { quote } from '../model/describe.js';
import { own } from '../model/own.js';
import { normalizePhrase } from '../model/phrases.js';
import { opening } from '../model/statement.js';
import { findAddress } from './support/address.js';
import { defineRule } from './define-rule.js';
import { placesIn } from './support/offsets.js';

export default defineRule({
  id: 'opening-address',
  languageDependent: true,
  severity: 'error',
  summary: 'The opening addresses the presiding officer ("Thank you, Chair", "Mr. President,")',
  deliveryOnly: true,
  check(statement, report) {
    const first = opening(statement);
    if (!first) return;
    const { phrases, forum, language } = statement.settings;
    const address = findAddress(first.text, phrases);
    if (address && address.target !== 'room') return;
    const title = forum ? own(forum.title, language) : undefined;
    // The title for a man and for a woman, where the language gives both.
    const forms =
      statement.settings.languageRecord.phrases.titleForms?.find((pair) =>
        pair.some((form) => title !== undefined && normalizePhrase(form) === normalizePhrase(title)),
      ) ?? (title === undefined ? [] : [title]);
    const who =
      forum && title
        ? `the ${forms.map((form) => `\`${form}\``).join(' or ')} of \`${forum.id}\``
        : 'such as `Thank you, Chair.`';
    const found = address ? `only a greeting to the room, ${quote(address.written)}` : quote(first.text);
    // Offered, never applied: the opening of the statement's language, as a paragraph of its own first.
    const template = statement.settings.languageRecord.phrases.newStatement?.opening;
    const titles =
      forms.length > 0 ? forms : [statement.settings.languageRecord.phrases.newStatement?.title ?? 'Chair'];
    const at = placesIn(statement.source).offset(first.span.start);
    const openings = template ? [...new Set(titles.map((form) => template.replace('{title}', form)))] : [];
    report(
      `Expected the opening to address the presiding officer (${who}), found ${found}`,
      first.span.start,
      openings.length > 0
        ? {
            suggestions: openings.map((text) => ({
              description: `Open with \`${text}\``,
              edit: { range: [at, at], text: `${text}\n\n` },
            })),
          }
        : undefined,
    );
  },
});
