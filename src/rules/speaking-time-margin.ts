/**
 * `speaking-time-margin` (warning): the estimated speaking time leaves a margin: it uses no more than
 * 95% of the slot (`marginShare` in src/data/limits.yaml).
 *
 * Why: speakers slow down in the room, the chair's clock starts early, and an estimate is an
 * estimate; a statement at 99% of its slot is likely to be cut. Skipped for `kind: written`, when no
 * slot applies, and when `speaking-time` already reports the statement over its slot. Options: none.
 */
import { formatClock } from '../model/duration.js';
import { timeStatement } from '../timing/estimate.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'speaking-time-margin',
  severity: 'warning',
  summary: 'The estimated speaking time leaves a margin (at most 95% of the slot)',
  deliveryOnly: true,
  check(statement, report) {
    const timing = timeStatement(statement);
    const slot = timing.slotSeconds;
    const seconds = Math.round(timing.seconds);
    const share = statement.settings.marginShare;
    if (slot === null || seconds > slot || seconds <= slot * share) return;
    const percent = Math.round((seconds / slot) * 100);
    report(
      `Expected at most ${Math.round(share * 100)}% of the \`${formatClock(slot)}\` slot, found \`${formatClock(seconds)}\` (${percent}%)`,
      statement.paragraphs[0]?.span.start,
    );
  },
});
