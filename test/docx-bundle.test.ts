/**
 * The compiled package bundles the docx library with faster forms of its Babel helpers and with its
 * default styles and theme made once per process (scripts/bundle-docx.mjs). The handouts it writes
 * must be byte for byte those the library itself writes: here the compiled CLI and the sources (which
 * import docx as published) build the same statements, in six languages, both copies.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { filesIn, handoutProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
const EPOCH = '1735689600';
const ARGS = ['build', '--to', 'docx', '--speaker-copy', '--force', '--concurrency', 'off', '--out'];

describe('the bundled docx library', () => {
  it('writes the bytes docx itself writes', async () => {
    const project = handoutProject(['en', 'fr', 'es', 'ru', 'ar', 'zh']);

    const compiled = spawnSync(process.execPath, [join(ROOT, 'bin/alliance.js'), ...ARGS, 'compiled'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH },
    });
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const sources = await runCli([...ARGS, 'sources'], { cwd: project, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(sources.code).toBe(0);

    const written = filesIn(join(project, 'compiled'), /\.docx$/);
    // Every statement, in both copies: nothing was skipped on either side.
    expect(written.length).toBeGreaterThanOrEqual(2 * 8);
    expect(filesIn(join(project, 'sources'), /\.docx$/)).toEqual(written);
    for (const name of written) {
      const bundled = readFileSync(join(project, 'compiled', name));
      expect(bundled.equals(readFileSync(join(project, 'sources', name))), name).toBe(true);
    }
  });
});
