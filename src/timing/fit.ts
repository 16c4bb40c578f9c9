/**
 * Whether a timed statement fits its slot, decided once: every command, rule, report and handout reads
 * this decision. Times are compared in whole seconds, as they are printed, so that a statement shown as
 * `0:59` against a `0:59` slot fits everywhere (59.27 s used to fit in `check` and run over on the
 * speaker's copy).
 */

/** What fitting needs of a timing: total seconds, written words, and each paragraph's cumulative time. */
export interface TimedText {
  seconds: number;
  writtenWords: number;
  paragraphs: readonly { cumulativeSeconds: number }[];
}

/** The fit of a statement to its slot. */
export interface Fit {
  /** `none` without a slot; `over` past it; `tight` past the margin's share of it; else `fits`. */
  status: 'none' | 'fits' | 'tight' | 'over';
  slotSeconds: number | null;
  /** The estimate in whole seconds, as it is printed and compared. */
  seconds: number;
  /** The share of the slot above which the fit is tight. */
  marginShare: number;
  /** The paragraph during which the slot runs out, or -1 when it does not. */
  overrunIndex: number;
  /** The paragraph during which the margin's share of the slot is passed, or -1 when it is not. */
  marginIndex: number;
  /** About how many written words to cut to fit the slot (0 when it fits). */
  wordsToCut: number;
  /** About how many written words to cut to get under the margin's share (0 when under it). */
  wordsToCutForMargin: number;
}

/** The index of the first paragraph whose end, in whole seconds, is past `limitSeconds`; -1 if none is. */
function firstPast(timing: TimedText, limitSeconds: number): number {
  return timing.paragraphs.findIndex((paragraph) => Math.round(paragraph.cumulativeSeconds) > limitSeconds);
}

/** About how many written words take the time from `limitSeconds` to the end (at least one when past it). */
function wordsOver(timing: TimedText, limitSeconds: number): number {
  if (Math.round(timing.seconds) <= limitSeconds || timing.seconds <= 0) return 0;
  const writtenWordsPerSecond = timing.writtenWords / timing.seconds;
  return Math.max(1, Math.ceil((timing.seconds - limitSeconds) * writtenWordsPerSecond));
}

/** Decides how `timing` fits a slot of `slotSeconds` (none when null), tight past `marginShare` of it. */
export function fitToSlot(timing: TimedText, slotSeconds: number | null, marginShare: number): Fit {
  const seconds = Math.round(timing.seconds);
  if (slotSeconds === null) {
    return {
      status: 'none',
      slotSeconds,
      seconds,
      marginShare,
      overrunIndex: -1,
      marginIndex: -1,
      wordsToCut: 0,
      wordsToCutForMargin: 0,
    };
  }
  const marginSeconds = Math.floor(slotSeconds * marginShare);
  const status = seconds > slotSeconds ? 'over' : seconds > marginSeconds ? 'tight' : 'fits';
  const overrun = status === 'over' ? firstPast(timing, slotSeconds) : -1;
  return {
    status,
    slotSeconds,
    seconds,
    marginShare,
    // Rounding each paragraph can leave the last one exactly at the slot while the total is past it.
    overrunIndex: status === 'over' && overrun === -1 ? timing.paragraphs.length - 1 : overrun,
    marginIndex: status === 'fits' ? -1 : firstPast(timing, marginSeconds),
    wordsToCut: wordsOver(timing, slotSeconds),
    wordsToCutForMargin: wordsOver(timing, marginSeconds),
  };
}
