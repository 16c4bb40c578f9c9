/** What a command reads and writes: streams, working directory and environment, so tests run in-process. */

/** A stream to print to. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A stream to read answers from. */
export type Input = NodeJS.ReadableStream & { isTTY?: boolean };

/** The world a run of the CLI sees. */
export interface Io {
  stdin?: Input;
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Ends long-running modes such as `--watch` (a real process ends on Ctrl+C instead). */
  signal?: AbortSignal;
}

/** The real process's streams, directory and environment. */
export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}
