/**
 * `implausible-slot` (warning): a speaking slot given in the front matter or an inline comment is at
 * least 30 seconds (`minPlausibleSlotSeconds` in src/data/limits.yaml); `slot: 3` is read as three
 * seconds, and the message suggests `3m`.
 *
 * Why: a bare number is seconds, and a slot of a few seconds is almost always minutes written without
 * their unit; every statement would then run over. Options: none.
 */
import { formatClock } from '../model/duration.js';
import { loadData } from '../data/load.js';
import { defineRule } from './define-rule.js';
import { fieldValueRange } from './support/offsets.js';

export default defineRule({
  id: 'implausible-slot',
  severity: 'warning',
  summary: 'A slot given in the statement is at least 30 seconds (`slot: 3` is three seconds)',
  check(statement, report) {
    const { slotSeconds, slotSource } = statement.settings;
    if (slotSeconds === null || (slotSource !== 'front-matter' && slotSource !== 'inline')) return;
    const minimum = loadData<{ minPlausibleSlotSeconds: number }>('limits.yaml').minPlausibleSlotSeconds;
    if (slotSeconds >= minimum) return;
    const minutes = Number.isInteger(slotSeconds) ? ` (did you mean \`${slotSeconds}m\`?)` : '';
    const place = slotSource === 'front-matter' ? statement.frontMatter.positions.get('slot')?.start : undefined;
    // In the front matter, a whole number of seconds is offered as that many minutes (`slot: 3` → `3m`).
    const range = slotSource === 'front-matter' && minutes ? fieldValueRange(statement, 'slot') : undefined;
    report(
      `Expected a speaking slot of at least \`${formatClock(minimum)}\`, found \`${formatClock(slotSeconds)}\`, ${slotSeconds} second${slotSeconds === 1 ? '' : 's'}${minutes}`,
      place,
      range && {
        suggestions: [
          { description: `Make the slot ${slotSeconds} minutes`, edit: { range, text: `${slotSeconds}m` } },
        ],
      },
    );
  },
});
