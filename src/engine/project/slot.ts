/** A slot given for every statement (`--slot`, `slotSeconds`) that no one means: a few seconds, minutes without their unit. */
import { formatClock } from '../../model/duration.js';
import { loadData } from '../../data/load.js';

/**
 * Why `seconds` is no speaking slot a person means (under `minPlausibleSlotSeconds` of limits.yaml),
 * with the slot meant (`3` → `3m`); undefined when it is a slot.
 */
export function implausibleSlot(seconds: number): string | undefined {
  const minimum = loadData<{ minPlausibleSlotSeconds: number }>('limits.yaml').minPlausibleSlotSeconds;
  if (seconds >= minimum) return undefined;
  const minutes = Number.isInteger(seconds) ? ` (did you mean \`${seconds}m\`?)` : '';
  return `Expected \`slot\` to be a speaking slot of at least \`${formatClock(minimum)}\`, found \`${formatClock(seconds)}\`, ${seconds} second${seconds === 1 ? '' : 's'}${minutes}`;
}
