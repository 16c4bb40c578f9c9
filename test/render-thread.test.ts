/**
 * A build of several statements renders its handouts on a thread of its own while the main thread
 * reads and checks the next ones (src/engine/build/render-thread.ts). The compiled CLI builds the same
 * statements, six languages and both copies, with that thread and without it (`--concurrency off`):
 * every DOCX and PDF must be the same, byte for byte, and the thread must have been started.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesIn, handoutProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
const ARGS = ['build', '--to', 'docx,pdf', '--speaker-copy', '--force', '--out'];

/** Runs the compiled CLI with a loader hook that reports the render thread's module when it loads. */
function build(project: string, args: string[]): { status: number | null; stderr: string; threaded: boolean } {
  const hooks = join(project, 'hooks.mjs');
  writeFileSync(
    hooks,
    "export async function load(url, context, next) { if (url.endsWith('/render-worker.js')) process._rawDebug('RENDER THREAD'); return next(url, context); }\n",
  );
  const register = `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
  const result = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(register)}`, join(ROOT, 'bin/alliance.js'), ...args],
    { cwd: project, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1735689600' } },
  );
  const threaded = result.stderr.includes('RENDER THREAD');
  return { status: result.status, stderr: result.stderr.replaceAll('RENDER THREAD\n', ''), threaded };
}

describe('the render thread of a build', () => {
  it('writes the handouts the main thread writes alone', () => {
    const project = handoutProject(['en', 'fr', 'es', 'ru', 'ar', 'zh']);

    const threaded = build(project, [...ARGS, 'threaded']);
    expect(threaded.stderr).toBe('');
    expect(threaded.status).toBe(0);
    expect(threaded.threaded).toBe(true);
    const alone = build(project, [...ARGS, 'alone', '--concurrency', 'off']);
    expect(alone.status).toBe(0);
    expect(alone.threaded).toBe(false);

    const written = filesIn(join(project, 'threaded'), /\.(docx|pdf)$/);
    expect(written.length).toBeGreaterThanOrEqual(4 * 8);
    expect(filesIn(join(project, 'alone'), /\.(docx|pdf)$/)).toEqual(written);
    for (const name of written) {
      const bytes = readFileSync(join(project, 'threaded', name));
      expect(bytes.equals(readFileSync(join(project, 'alone', name))), name).toBe(true);
    }
  });
});
