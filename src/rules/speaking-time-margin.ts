/**
 * `speaking-time-margin` (warning): the estimated speaking time leaves a margin: it uses no more than
 * 95% of the slot (`marginShare` in src/data/limits.yaml).
 *
 * Why: speakers slow down in the room, the chair's clock starts early, and an estimate is an
 * estimate; a statement at 99% of its slot is likely to be cut. The message points at the paragraph
 * during which that share is passed and says how much to cut to get under it. Skipped for
 * `kind: written`, when no slot applies, and when `speaking-time` already reports the statement over
 * its slot. Options: none.
 */
import { formatClock } from '../model/duration.js';
import { timeStatement } from '../timing/estimate.js';
import { defineRule } from './define-rule.js';

export default defineRule({
  id: 'speaking-time-margin',
  languageDependent: true,
  severity: 'warning',
  summary: 'The estimated speaking time leaves a margin (at most 95% of the slot)',
  deliveryOnly: true,
  check(statement, report) {
    const timing = timeStatement(statement);
    const { fit } = timing;
    if (fit.status !== 'tight' || fit.slotSeconds === null) return;
    const percent = Math.round((fit.seconds / fit.slotSeconds) * 100);
    const unit = timing.unit === 'characters' ? 'characters' : 'words';
    report(
      `Expected at most ${Math.round(fit.marginShare * 100)}% of the \`${formatClock(fit.slotSeconds)}\` slot, found \`${formatClock(fit.seconds)}\` (${percent}%): cut about ${fit.wordsToCutForMargin} ${unit} to leave a margin`,
      timing.paragraphs[fit.marginIndex]?.paragraph.span.start ?? statement.paragraphs[0]?.span.start,
    );
  },
});
