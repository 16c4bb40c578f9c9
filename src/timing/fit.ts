/** How a timed statement fits its slot: where the slot runs out, and how much to cut. */

/** What fitting needs of a timing: total seconds, written words, and each paragraph's cumulative time. */
export interface TimedText {
  seconds: number;
  writtenWords: number;
  paragraphs: readonly { cumulativeSeconds: number }[];
}

/** The index of the paragraph during which the slot runs out (the last one if none does), or -1 without paragraphs. */
export function overrunIndex(timing: TimedText, slotSeconds: number): number {
  const index = timing.paragraphs.findIndex((paragraph) => paragraph.cumulativeSeconds > slotSeconds);
  return index === -1 ? timing.paragraphs.length - 1 : index;
}

/** About how many written words to cut so the statement fits the slot (at least one when it is over). */
export function wordsToCut(timing: TimedText, slotSeconds: number): number {
  if (timing.seconds <= slotSeconds || timing.seconds <= 0) return 0;
  const writtenWordsPerSecond = timing.writtenWords / timing.seconds;
  return Math.max(1, Math.ceil((timing.seconds - slotSeconds) * writtenWordsPerSecond));
}

/** True when the time, in whole seconds as the `speaking-time` rule counts them, is over the slot. */
export function isOverSlot(seconds: number, slotSeconds: number | null): boolean {
  return slotSeconds !== null && Math.round(seconds) > slotSeconds;
}
