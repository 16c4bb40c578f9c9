/**
 * `--watch` keeps up with every way an editor saves: in place, to a temporary file renamed over the
 * statement (vim, JetBrains, `sed -i`), deleted and made again, a statement in a folder made later; and
 * a change to the config reruns every statement with the config read again. Each save waits for its
 * own rerun (generously: the waits only end a run that would otherwise hang).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { GOOD, tempProject } from './helpers/statements.js';

const WITH_TODO = GOOD.replace('Thank you.\n', 'TODO\n');

describe('--watch', () => {
  it('reruns after each way of saving, and after the config changes', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    const file = join(project, 'statements/a.md');
    const controller = new AbortController();
    let stdout = '';
    let stderr = '';
    const finished = main(['node', 'alliance', 'check', '--watch'], {
      cwd: project,
      env: {},
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      signal: controller.signal,
    });
    /** Waits for the report of the next rerun after `from`, and returns it. */
    const nextRun = async (from: number): Promise<string> => {
      for (let waited = 0; waited < 60_000; waited += 25) {
        const stamp = stdout.indexOf('—', from);
        const end = stamp === -1 ? -1 : stdout.indexOf('checked', stamp);
        if (end !== -1) return stdout.slice(stamp, stdout.indexOf('\n', end) + 1);
        await new Promise((done) => setTimeout(done, 25));
      }
      throw new Error(`no rerun after: ${stdout.slice(from)}`);
    };
    const save = async (how: () => void) => {
      const from = stdout.length;
      how();
      return nextRun(from);
    };
    // Saves count from when the watch says it is in place.
    while (!stderr.includes('Watching')) await new Promise((done) => setTimeout(done, 25));

    const safeWrite = (text: string) => () => {
      writeFileSync(join(project, 'statements/.a.md.swp'), text);
      renameSync(join(project, 'statements/.a.md.swp'), file);
    };
    expect(await save(safeWrite(WITH_TODO))).toContain('placeholder');
    expect(await save(safeWrite(GOOD))).toContain('1 file checked, no problems');
    expect(await save(safeWrite(WITH_TODO))).toContain('placeholder');
    const recreate = (text: string) => () => {
      rmSync(file);
      writeFileSync(file, text);
    };
    expect(await save(recreate(GOOD))).toContain('no problems');
    expect(await save(recreate(WITH_TODO))).toContain('placeholder');
    expect(await save(() => writeFileSync(file, GOOD))).toContain('no problems');
    expect(
      await save(() => {
        mkdirSync(join(project, 'statements/later'));
        writeFileSync(join(project, 'statements/later/b.md'), WITH_TODO);
      }),
    ).toContain('placeholder');
    // The config turns the rule off: every statement is checked again under it.
    const configured = await save(() =>
      writeFileSync(join(project, 'alliance.config.yaml'), 'rules:\n  placeholder: off\n'),
    );
    expect(configured).toContain('2 files checked');
    expect(configured).not.toContain('placeholder');
    controller.abort();
    expect(await finished).toBe(1);
  });
});
