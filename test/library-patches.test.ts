/**
 * The speed patches to libraries' internals (docs/dependencies.md, src/data/patches.ts): each takes
 * effect in a build of the six language fixtures and the examples (a library that moved under one
 * would leave it silently off), and switching each off leaves every handout byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appliedPatches, PATCHES } from '../src/data/patches.js';
import { runCli } from './helpers/cli.js';
import { filesIn, handoutProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
const EPOCH = '1735689600';
const ARGS = ['build', '--speaker-copy', '--force', '--concurrency', 'off', '--out'];
const HANDOUTS = /\.(docx|pdf)$/;

/** Builds the project with the compiled CLI into `out`, the patches named in `off` switched off. */
function buildCompiled(project: string, out: string, off: string): void {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/alliance.js'), ...ARGS, out], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, ALLIANCE_PATCHES_OFF: off },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

describe('the patches to libraries’ internals', () => {
  let project: string;
  let handouts: string[];

  beforeAll(() => {
    project = handoutProject(['en', 'fr', 'es', 'ru', 'ar', 'zh']);
    buildCompiled(project, 'all-on', '');
    handouts = filesIn(join(project, 'all-on'), HANDOUTS);
  });

  it('each take effect in a build of six languages, DOCX and PDF', async () => {
    const run = await runCli([...ARGS, 'in-process'], { cwd: project, env: { SOURCE_DATE_EPOCH: EPOCH } });
    expect(run.code).toBe(0);
    expect([...appliedPatches()].sort()).toEqual([...PATCHES].sort());
  });

  it.each(PATCHES)('leave every handout as it is when %s is switched off', (name) => {
    // Every statement, both copies, both formats: nothing was skipped.
    expect(handouts.length).toBeGreaterThanOrEqual(4 * 8);
    buildCompiled(project, name, name);
    expect(filesIn(join(project, name), HANDOUTS)).toEqual(handouts);
    const differ = handouts.filter(
      (file) => !readFileSync(join(project, name, file)).equals(readFileSync(join(project, 'all-on', file))),
    );
    expect(differ).toEqual([]);
  });
});
