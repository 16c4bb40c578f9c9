/** What a command reads and writes: streams, working directory and environment, so tests run in-process. */

/** A stream to print to. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The world a run of the CLI sees. */
export interface Io {
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Ends long-running modes such as `--watch` (a real process ends on Ctrl+C instead). */
  signal?: AbortSignal;
}

/** The real process's streams, directory and environment. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}
