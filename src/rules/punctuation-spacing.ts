/**
 * `punctuation-spacing` (warning, fixable): the spaces the statement's language writes beside
 * punctuation, from its record's `typography`: in French a narrow no-break space (U+202F) before
 * `; ! ? » %` and after `«`, a no-break space (U+00A0) before `:`, and figures grouped by a narrow
 * no-break space (`1 250 000`); in Russian the grouping of figures. Other languages have none.
 *
 * Why: an ordinary space there lets a line begin with `;` or `»`, or split `1 250 000` across two
 * lines, in Word and in the PDF; no space at all is a slip a French reader sees. Only the text of
 * paragraphs is touched (never code, addresses, headings, front matter); `10:30` and `?!` are left.
 * Options: none; a project that does not use these spaces (Swiss French) turns the rule off, or
 * empties `typography` in its own `languages/fr.yaml`.
 */
import { defineRule, type Report } from './define-rule.js';
import { placesIn } from './support/offsets.js';
import { proseStretches } from './support/prose.js';
import type { Edit } from '../model/edit.js';

const NARROW = '\u202f';
const NO_BREAK = '\u00a0';
/** What may stand before a sign that takes a space: a letter, a figure, a closing sign or emphasis. */
const WORD_END = /[\p{L}\p{N}\p{M})\]’'"*_”]/u;
const NAMES: Record<string, string> = { [NARROW]: 'a narrow no-break space', [NO_BREAK]: 'a no-break space' };

/** How the text at an offset is described in a message. */
function found(spaces: string): string {
  if (spaces === '') return 'none';
  return spaces === ' ' ? 'an ordinary space' : `${spaces.length} spaces`;
}

export default defineRule({
  id: 'punctuation-spacing',
  severity: 'warning',
  summary: "The spaces the statement's language writes beside punctuation and in figures (French `;` `:` `«»`)",
  languageDependent: true,
  fixable: true,
  check(statement, report: Report) {
    const typography = statement.settings.languageRecord.typography;
    if (!typography) return;
    const { source, tree } = statement;
    const places = placesIn(source);
    const before = new Map<string, string>();
    for (const sign of typography.narrowSpaceBefore ?? '') before.set(sign, NARROW);
    for (const sign of typography.spaceBefore ?? '') before.set(sign, NO_BREAK);
    const after = new Set(typography.narrowSpaceAfter ?? '');
    const flag = (reason: string, edit: Edit) =>
      report(reason, places.span(edit.range[0], edit.range[1]), { fix: edit });
    if (before.size === 0 && after.size === 0 && !typography.groupDigits) return;
    for (const stretch of proseStretches(tree, source)) {
      const { text, offset } = stretch;
      for (let index = 0; index < text.length && (before.size > 0 || after.size > 0); index += 1) {
        const sign = text[index]!;
        const wanted = before.get(sign);
        if (wanted !== undefined) {
          // The spaces before the sign, in this stretch; and what stands before them in the file.
          let from = index;
          while (from > 0 && text[from - 1] === ' ') from -= 1;
          const spaces = text.slice(from, index);
          // What stands before the spaces (in the file, where the stretch begins there: `**mot** ;`).
          const previous = from > 0 ? text[from - 1]! : (source[offset + from - 1] ?? '');
          const time = sign === ':' && spaces === '' && /\d/.test(previous) && /\d/.test(text[index + 1] ?? '');
          const percent = sign === '%' && !/\p{N}/u.test(previous);
          // `?!`, or a space of the right kind (or the other no-break one) already there.
          const doubled = before.has(previous) || previous === NARROW || previous === NO_BREAK;
          if (time || percent || doubled || !WORD_END.test(previous)) continue;
          flag(`Expected ${NAMES[wanted]} before \`${sign}\`, found ${found(spaces)}`, {
            range: [offset + from, offset + index],
            text: wanted,
          });
        }
        if (after.has(sign)) {
          let to = index + 1;
          while (to < text.length && text[to] === ' ') to += 1;
          const spaces = text.slice(index + 1, to);
          const next = source[offset + to] ?? '';
          if (next === NARROW || next === NO_BREAK || next === '' || /\s/.test(next)) continue;
          flag(`Expected a narrow no-break space after \`${sign}\`, found ${found(spaces)}`, {
            range: [offset + index + 1, offset + to],
            text: NARROW,
          });
        }
      }
      if (typography.groupDigits)
        for (const figure of text.matchAll(/(?<![\p{N}.,\u202f\u00a0])\p{N}{1,3}(?: \p{N}{3})+(?!\p{N})/gu))
          for (const space of figure[0].matchAll(/ /g)) {
            const at = offset + figure.index + space.index;
            flag(`Expected a narrow no-break space between the groups of \`${figure[0]}\`, found an ordinary space`, {
              range: [at, at + 1],
              text: NARROW,
            });
          }
    }
  },
});
