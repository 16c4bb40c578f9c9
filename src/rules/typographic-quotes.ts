/**
 * `typographic-quotes` (warning, fixable): quotation marks and apostrophes as the statement's
 * language prints them, from its record's `typography`: straight double quotes that pair within a
 * paragraph become `“…”` in English and Chinese, `«…»` in French, Spanish and Russian; a straight
 * apostrophe between letters becomes `’` (`don't`, `l'ONUDC`).
 *
 * Why: the handouts print what the file holds, and straight quotes are a typewriter's. Quotes that
 * do not pair in a paragraph (an odd number, or one that cannot be told opening from closing) are
 * left for the author; single quotes are left (they cannot be told from apostrophes). Only the text
 * of paragraphs is touched. Options: none.
 */
import { defineRule } from './define-rule.js';
import { placesIn } from './support/offsets.js';
import { proseOf, proseParagraphs } from './support/prose.js';

/** What may stand before an opening quote: nothing, a space, an opening bracket or dash. */
const OPENS_AFTER = /^$|[\s([{\u2014\u2013\u00ab\u201c-]$/u;
/** What may follow a closing quote: nothing, a space, punctuation. */
const CLOSES_BEFORE = /^$|^[\s.,;:!?)\]}\u2014\u2013\u00bb\u201d…-]/u;

export default defineRule({
  id: 'typographic-quotes',
  severity: 'warning',
  summary: "Quotation marks and apostrophes as the statement's language prints them (“…”, «…», ’)",
  languageDependent: true,
  fixable: true,
  check(statement, report) {
    const typography = statement.settings.languageRecord.typography;
    if (!typography) return;
    const { source, tree } = statement;
    const places = placesIn(source);
    const { quoteOpen, quoteClose, apostrophe } = typography;
    for (const paragraph of proseParagraphs(tree)) {
      const stretches = proseOf(paragraph, source);
      if (apostrophe)
        for (const stretch of stretches.filter((entry) => entry.text.includes("'")))
          for (const mark of stretch.text.matchAll(/(?<=\p{L})'(?=\p{L})/gu)) {
            const at = stretch.offset + mark.index;
            report(`Expected \`${apostrophe}\` for the apostrophe, found \`'\``, places.span(at, at + 1), {
              fix: { range: [at, at + 1], text: apostrophe },
            });
          }
      if (!quoteOpen || !quoteClose) continue;
      const quotes = stretches
        .filter((stretch) => stretch.text.includes('"'))
        .flatMap((stretch) =>
          [...stretch.text.matchAll(/"/g)].map((mark) => ({
            at: stretch.offset + mark.index,
            before: source[stretch.offset + mark.index - 1] ?? '',
            after: source[stretch.offset + mark.index + 1] ?? '',
          })),
        );
      if (quotes.length === 0 || quotes.length % 2 === 1) continue;
      const pairs = quotes.flatMap((quote, index) => (index % 2 === 0 ? [[quote, quotes[index + 1]!] as const] : []));
      // Each pair must read as one: an opening quote where a word can begin, a closing one where it can end.
      if (!pairs.every(([open, close]) => OPENS_AFTER.test(open.before) && CLOSES_BEFORE.test(close.after))) continue;
      for (const [open, close] of pairs) {
        report(
          `Expected \`${quoteOpen}\`…\`${quoteClose}\` for the quotation, found straight quotes`,
          places.span(open.at, close.at + 1),
          { fix: { range: [open.at, open.at + 1], text: quoteOpen } },
        );
        report(`Expected \`${quoteClose}\` to close the quotation, found \`"\``, places.span(close.at, close.at + 1), {
          fix: { range: [close.at, close.at + 1], text: quoteClose },
        });
      }
    }
  },
});
