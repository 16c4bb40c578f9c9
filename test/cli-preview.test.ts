/**
 * `alliance preview` on the command line: it prints its address, opens the browser where there is a
 * display (with the system's opener) and not with `--no-open` or without one, refuses a port in use or
 * no port at all with exit 2, and stops cleanly when asked.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { startPreview } from '../src/preview/index.js';
import { runCli } from './helpers/cli.js';
import { GOOD, tempProject } from './helpers/statements.js';

/** Runs `alliance preview …` in-process until its address is printed, then stops it; what it printed. */
async function preview(args: string[], cwd: string, env: Record<string, string | undefined>) {
  const controller = new AbortController();
  let stdout = '';
  let stderr = '';
  let printed: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (printed = resolve));
  const finished = main(['node', 'alliance', 'preview', ...args], {
    cwd,
    env,
    stdout: {
      write: (text: string) => {
        stdout += text;
        if (stdout.includes('Ctrl+C')) printed();
      },
    },
    stderr: { write: (text: string) => (stderr += text) },
    signal: controller.signal,
  });
  await Promise.race([ready, finished]);
  const response = await fetch(/http:\/\/\S+/.exec(stdout)![0] + 'api/inventory', {
    headers: {},
  }).then((answer) => answer.json() as Promise<{ statements: { file: string }[] }>);
  controller.abort();
  return { code: await finished, stdout, stderr, files: response.statements.map((entry) => entry.file) };
}

describe('alliance preview', () => {
  it('prints its address and opens it with the system opener where there is a display', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, 'other/b.md': GOOD });
    const bin = tempProject();
    const opened = join(bin, 'opened.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > "${opened}"\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const run = await preview([], project, { DISPLAY: ':99', PATH: `${bin}:/usr/bin:/bin` });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Preview of 1 statement at http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/\n\(Ctrl\+C to stop\)\n$/,
    );
    expect(run.files).toEqual(['statements/a.md']);
    expect(run.stderr).toContain('Preview stopped.');
    await expect
      .poll(() => existsSync(opened) && readFileSync(opened, 'utf8').trim())
      .toBe(/http:\/\/\S+/.exec(run.stdout)![0]);
  });

  it('opens nothing with --no-open or without a display, and serves the paths given', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, 'other/b.md': GOOD });
    const bin = tempProject();
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\ntouch "${join(bin, 'opened')}"\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const quiet = await preview(['--no-open', 'other'], project, { DISPLAY: ':99', PATH: bin });
    expect(quiet.files).toEqual(['other/b.md']);
    expect(quiet.stderr).not.toContain('Open the address');
    const headless = await preview([], project, { PATH: bin });
    expect(headless.stderr).toContain('Open the address above in your browser (no display to open it on).');
    expect(existsSync(join(bin, 'opened'))).toBe(false);
  });

  it('refuses a port in use, or a port that is no port, with exit 2', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    const server = await startPreview({ cwd: project });
    try {
      const taken = await runCli(['preview', '--no-open', '--port', String(server.port)], { cwd: project });
      expect(taken.code).toBe(2);
      expect(taken.stderr).toContain(`Expected a free port, found port \`${server.port}\` in use`);
    } finally {
      await server.close();
    }
    for (const port of ['0', '70000', 'http']) {
      const wrong = await runCli(['preview', '--no-open', '--port', port], { cwd: project });
      expect(wrong.code, port).toBe(2);
      expect(wrong.stderr).toContain('Expected a port from 1 to 65535');
    }
  });
});
