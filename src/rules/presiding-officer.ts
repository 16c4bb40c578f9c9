/**
 * `presiding-officer` (warning): the opening addresses the officer who presides over the forum: the
 * "President" at the COP, the CoSP and the HRC, the "Chair" at the CCPCJ, the CND and the AHC (the
 * `officer` of each forum in the registry).
 *
 * Why: calling a President "Chair" is a slip the room hears. Only languages whose phrase lists tell
 * the two apart (English) are checked: in French and Spanish "Président(e)" / "Presidente(a)" serves
 * for both, so nothing is reported there. Skipped for `kind: written` and for unknown forums. Options: none.
 */
import { quote } from '../model/describe.js';
import { opening } from '../model/statement.js';
import { findAddress } from './support/address.js';
import { defineRule } from './define-rule.js';
import { placesIn } from './support/offsets.js';

export default defineRule({
  id: 'presiding-officer',
  languageDependent: true,
  severity: 'warning',
  summary: "The opening addresses the forum's presiding officer by the right title (Chair or President)",
  deliveryOnly: true,
  check(statement, report) {
    const first = opening(statement);
    const { forum, phrases } = statement.settings;
    if (!first || !forum?.officer) return;
    const address = findAddress(first.text, phrases);
    if (!address || address.target === 'any' || address.target === 'room' || address.target === forum.officer) return;
    const title = forum.title.en ?? (forum.officer === 'chair' ? 'Chair' : 'President');
    // The forms to choose from ("Madam Chair", "Mr. Chair", "Chair"), in place of the address as written.
    const places = placesIn(statement.source);
    const from = places.offset(first.span.start);
    const at = statement.source.indexOf(address.written, from);
    const within = at !== -1 && at < places.offset(first.span.end);
    const forms = [`Madam ${title}`, `Mr. ${title}`, title];
    report(
      `Expected the presiding officer of \`${forum.id}\` to be addressed as \`${title}\`, found ${quote(address.written)}`,
      first.span.start,
      within
        ? {
            suggestions: forms.map((form) => ({
              description: `Address the ${forum.officer} as “${form}”`,
              edit: { range: [at, at + address.written.length], text: form },
            })),
          }
        : undefined,
    );
  },
});
