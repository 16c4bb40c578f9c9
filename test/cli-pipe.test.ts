/** A reader that stops reading the CLI's output early (`alliance list | head -1`) ends the run quietly. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from './helpers/statements.js';

const BIN = resolve(import.meta.dirname, '../bin/alliance.js');

/** Runs the CLI with its output closed before it writes, and resolves with its exit code and errors. */
function runClosed(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.destroy();
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('output to a reader that stops reading', () => {
  it('ends without an internal error', async () => {
    const statement = (index: number) =>
      `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana ${index}\norganization: Alliance\n---\n\nThank you, Chair.\n\nThe Alliance asks States to act.\n\nThank you.\n`;
    const files = Object.fromEntries(
      Array.from({ length: 3 }, (_, index) => [`statements/s${index}.md`, statement(index)]),
    );
    const project = tempProject(files);
    const run = await runClosed(['list'], project);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.code).toBe(0);
  });
});
