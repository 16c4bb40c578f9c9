/**
 * `unknown-forum` (warning): the `forum` is in the registry (built in, or added by the config file's
 * `forums:`), by its name or an alias (`COP`, `Crime Commission`).
 *
 * Why: the forum decides the default slot and the presiding officer's title; for an unknown forum
 * neither is checked. A warning, not an error: a new forum is not a mistake. Options: none.
 */
import { listOr, quote } from '../model/describe.js';
import { nearest } from '../model/suggest.js';
import { defineRule } from './define-rule.js';
import { fieldValueRange } from './support/offsets.js';

export default defineRule({
  id: 'unknown-forum',
  severity: 'warning',
  summary: 'The forum is in the registry of forums (or added in the config file)',
  check(statement, report) {
    const { fields, positions } = statement.frontMatter;
    if (fields.forum === undefined || statement.settings.forum !== null) return;
    // Near a canonical name, an alias or a full name ("Crime Comission"): the forum it names.
    const near = nearest(fields.forum, statement.settings.forumNames.keys());
    const id = near === undefined ? undefined : statement.settings.forumNames.get(near);
    const hint =
      id !== undefined
        ? `, did you mean \`${id}\`${near !== id ? ` (${near})` : ''}?`
        : ` (known forums: ${listOr(statement.settings.knownForums)}; add one under \`forums:\` in the config file)`;
    const range = id === undefined ? undefined : fieldValueRange(statement, 'forum');
    report(
      `Unexpected forum ${quote(fields.forum)}${hint}`,
      positions.get('forum'),
      range && id !== undefined
        ? { suggestions: [{ description: `Change the forum to ${id}`, edit: { range, text: id } }] }
        : undefined,
    );
  },
});
