/**
 * Progress of a long batch: on a terminal, a bar on stderr that appears once the batch has taken a
 * second and is cleared at the end; elsewhere (CI logs) nothing here, the command prints plain lines.
 */
import type { Output } from './io.js';

const DELAY_MS = 1000;
const WIDTH = 28;

/** A progress bar for `total` items on `output`. */
export class Progress {
  private readonly started: number;
  private shown = false;

  constructor(
    private readonly output: Output,
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** Shows `done` of `total` (only on a terminal, and only after a second). */
  update(done: number, total: number): void {
    if (!this.output.isTTY || total === 0 || this.now() - this.started < DELAY_MS) return;
    const filled = Math.round((done / total) * WIDTH);
    this.output.write(`\r${this.label} [${'='.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total}`);
    this.shown = true;
  }

  /** Clears the bar. */
  end(): void {
    if (this.shown) this.output.write(`\r${' '.repeat(this.label.length + WIDTH + 20)}\r`);
  }
}
