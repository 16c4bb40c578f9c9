/**
 * What a template's own font is tried on (font-check.ts), and how the thread that tries it answers: the
 * characters a handout in a language of Latin, Greek or Cyrillic script may draw with it, and a shared
 * buffer holding the problem found, if any.
 */

/** The characters tried: Basic Latin to Latin Extended-B, Greek, Cyrillic, and general punctuation. */
export const FONT_SAMPLE = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x2010, 0x2027],
  [0x20ac, 0x20ac],
]
  .flatMap(([start, end]) =>
    Array.from({ length: end! - start! + 1 }, (_, index) => String.fromCodePoint(start! + index)),
  )
  .join('');

/** The size of the shared buffer: a state, a length, and the problem's text. */
export const SHARED_BYTES = 8 + 4096;

/** Writes the problem found (none: undefined) and wakes the thread that waits for it. */
export function writeProblem(shared: SharedArrayBuffer, problem: string | undefined): void {
  const state = new Int32Array(shared, 0, 2);
  if (problem !== undefined) {
    const text = new TextEncoder().encode(problem).subarray(0, SHARED_BYTES - 8);
    new Uint8Array(shared, 8).set(text);
    Atomics.store(state, 1, text.length);
  } else Atomics.store(state, 1, -1);
  Atomics.store(state, 0, 1);
  Atomics.notify(state, 0);
}

/** The problem written into `shared`, or undefined for none. */
export function readProblem(shared: SharedArrayBuffer): string | undefined {
  const state = new Int32Array(shared, 0, 2);
  const length = Atomics.load(state, 1);
  return length < 0 ? undefined : new TextDecoder().decode(new Uint8Array(shared, 8, length).slice());
}
