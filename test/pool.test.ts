/**
 * Worker threads give the same results as the main thread. Workers run compiled code, so this test
 * runs the built CLI (`npm test` builds lib/ first) as a user would, in a child process.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD, tempProject } from './helpers/statements.js';

const BIN = resolve(import.meta.dirname, '../bin/alliance.js');

function check(cwd: string, concurrency: string): { code: number; stdout: string } {
  try {
    return {
      code: 0,
      stdout: execFileSync(process.execPath, [BIN, 'check', '--format', 'json', '--concurrency', concurrency], {
        cwd,
        encoding: 'utf8',
      }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, stdout: failed.stdout };
  }
}

describe('check in worker threads', () => {
  it('reports exactly what the main thread reports, in the same order', () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 60; index += 1) {
      const text =
        index % 3 === 0
          ? GOOD.replace('Thank you, Chair.\n\n', '')
          : index % 3 === 1
            ? GOOD.replace('Thank you.\n', 'TODO\n')
            : GOOD;
      files[`statements/s${String(index).padStart(2, '0')}.md`] = text;
    }
    const project = tempProject(files);
    const serial = check(project, 'off');
    const parallel = check(project, '3');
    expect(serial.code).toBe(1);
    expect(parallel.code).toBe(serial.code);
    expect(JSON.parse(parallel.stdout)).toEqual(JSON.parse(serial.stdout));
    expect(JSON.parse(serial.stdout)).toHaveLength(60);
  });
});

describe('a worker that stops', () => {
  it('takes only its statements down, each with a finding, and the run goes on', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, 'statements/b.md': GOOD, 'statements/c.md': GOOD });
    // The compiled pool, with a heap too small for any worker to load the parser: every file stops a worker.
    const { runInWorkers } = (await import(
      resolve(import.meta.dirname, '../lib/engine/run/pool.js')
    )) as typeof import('../src/engine/run/pool.js');
    const paths = ['a', 'b', 'c'].map((name) => resolve(project, `statements/${name}.md`));
    const outcomes = await runInWorkers(
      'check',
      paths,
      { cwd: project, configPath: null, overrides: {} },
      2,
      undefined,
      1,
    );
    expect(outcomes.map((outcome) => outcome.path)).toEqual(paths);
    for (const outcome of outcomes) {
      expect(outcome.internalErrors).toBe(0);
      expect(outcome.messages[0]).toMatchObject({ ruleId: 'markdown', severity: 'error' });
      expect(outcome.messages[0]!.reason).toMatch(
        /found the work stopped \((ERR_WORKER_OUT_OF_MEMORY|exit code \d+)\)/,
      );
    }
    // With room to work, the same pool answers normally.
    const normal = await runInWorkers('check', paths, { cwd: project, configPath: null, overrides: {} }, 2);
    expect(normal.map((outcome) => outcome.messages)).toEqual([[], [], []]);
  });
});
