/**
 * `speaking-time` (error): the statement fits its slot: the estimated speaking time, in whole seconds,
 * is not longer than the slot. The slot comes from `--slot`, an inline `alliance-set slot=…`, the
 * `slot` field, or the forum (3 minutes at the CCPCJ and CND, 2 at the HRC); pace likewise from
 * `--pace`, inline, `pace`, the config file, or the language (110 words a minute in English).
 *
 * Why: the chair cuts off a speaker who runs over, and the end of a statement is its ask. The message
 * points at the paragraph where the slot runs out and says how many words to cut. Skipped for
 * `kind: written` and when no slot applies. Options: none.
 */
import { formatClock } from '../model/duration.js';
import { timeStatement } from '../timing/estimate.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'speaking-time',
  languageDependent: true,
  severity: 'error',
  summary: 'The estimated speaking time fits the slot',
  deliveryOnly: true,
  check(statement, report) {
    const timing = timeStatement(statement);
    const { fit } = timing;
    if (fit.status !== 'over' || fit.slotSeconds === null) return;
    report(
      `Expected at most \`${formatClock(fit.slotSeconds)}\` of speaking time at ${timing.pace} ${timing.unit} a minute (${statement.settings.paceOrigin}), found \`${formatClock(fit.seconds)}\` (cut about ${fit.wordsToCut} ${timing.unit})`,
      timing.paragraphs[fit.overrunIndex]?.paragraph.span.start,
    );
  },
});
