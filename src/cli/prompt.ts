/** Questions on a terminal, each with a default; answered by Enter, or read from a fake terminal in tests. */
import { createRequire } from 'node:module';
import type { Interface } from 'node:readline';
import type { Io } from './io.js';

// Loaded when a question is asked: only `init` asks, and every command would pay for loading it.
const load = createRequire(import.meta.url);

/** Asks questions one after the other. */
export class Prompter {
  private readonly lines: string[] = [];
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private closed = false;
  private readonly reader: Interface;

  constructor(private readonly io: Io) {
    const { createInterface } = load('node:readline') as typeof import('node:readline');
    this.reader = createInterface({ input: io.stdin!, terminal: false });
    this.reader.on('line', (line) => {
      const next = this.waiting.shift();
      if (next) next(line);
      else this.lines.push(line);
    });
    this.reader.on('close', () => {
      this.closed = true;
      for (const next of this.waiting.splice(0)) next(undefined);
    });
  }

  /** True when there is a terminal to ask on. */
  static canAsk(io: Io): boolean {
    return io.stdin?.isTTY === true;
  }

  /** Asks `question`; an empty answer (or the end of input) takes `fallback`. */
  async ask(question: string, fallback = ''): Promise<string> {
    this.io.stdout.write(fallback ? `${question} (${fallback}): ` : `${question}: `);
    const line =
      this.lines.shift() ??
      (this.closed ? undefined : await new Promise<string | undefined>((resolve) => this.waiting.push(resolve)));
    const answer = (line ?? '').trim();
    return answer === '' ? fallback : answer;
  }

  /** Stops reading. */
  close(): void {
    this.reader.close();
  }
}
