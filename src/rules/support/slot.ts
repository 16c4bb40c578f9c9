/** Where a statement runs out of its slot, and how much to cut. */
import type { Point } from '../../model/statement.js';
import type { Timing } from '../../timing/estimate.js';

/** The start of the paragraph during which the slot runs out (the last one if none does). */
export function overrunPlace(timing: Timing, slotSeconds: number): Point | undefined {
  const overrun = timing.paragraphs.find((paragraph) => paragraph.cumulativeSeconds > slotSeconds) ?? timing.paragraphs.at(-1);
  return overrun?.paragraph.span.start;
}

/** About how many written words to cut so the statement fits the slot, at least one. */
export function wordsToCut(timing: Timing, slotSeconds: number): number {
  if (timing.seconds <= 0) return 0;
  const secondsPerWrittenWord = timing.seconds / Math.max(1, timing.writtenWords);
  return Math.max(1, Math.ceil((timing.seconds - slotSeconds) / secondsPerWrittenWord));
}
