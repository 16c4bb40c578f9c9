/**
 * `self-identification` (warning): the speaking organization (or one of the organizations of a joint
 * statement) is named in the first two spoken paragraphs. The organization comes from front matter
 * (`organization`, `organizations`) or the config file, which may also list `aliases` ("the Alliance")
 * and its `names` in other languages, each of which names it.
 *
 * Why: the room and the summary record must know who speaks; the chair announces the speaker, but
 * delegates tune in late. Skipped when no organization is known. Options: none.
 */
import { listOr } from '../model/describe.js';
import { normalizePhrase, UNSPACED } from '../model/phrases.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'self-identification',
  languageDependent: true,
  severity: 'warning',
  summary: 'The organization is named in the first two paragraphs',
  check(statement, report) {
    const { organizations, organizationAliases } = statement.settings;
    const first = statement.paragraphs[0];
    if (organizations.length === 0 || !first) return;
    const names = [...organizations, ...organizationAliases].map(normalizePhrase).filter(Boolean);
    const opening = ` ${normalizePhrase(
      statement.paragraphs
        .slice(0, 2)
        .map((paragraph) => paragraph.text)
        .join(' '),
    )} `;
    // A name in a script written without spaces (Chinese) stands anywhere; others as whole words.
    if (names.some((name) => opening.includes(UNSPACED.test(name) ? name : ` ${name} `))) return;
    const fix = statement.settings.organizationNameKey;
    report(
      `Expected the first two paragraphs to name the organization (${listOr(organizations)}), found it in neither${fix ? `: if they name it in the statement's language, give that name as \`${fix}\` in the config` : ''}`,
      first.span.start,
    );
  },
});
