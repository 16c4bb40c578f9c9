/** Runs the CLI in-process, as a user would from a shell, capturing what it prints. */
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** What a run printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `alliance …args` in `cwd` with the given environment (no colours unless asked). */
export async function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; tty?: boolean; stdin?: string },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'alliance', ...args], {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    ...(options.stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(options.stdin)]) }),
  });
  return { code, stdout, stderr };
}
