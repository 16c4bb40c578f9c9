/**
 * `--watch` keeps up with every way an editor saves: in place, to a temporary file renamed over the
 * statement (vim, JetBrains, `sed -i`), deleted and made again, a statement in a folder made later; and
 * a change to the config reruns every statement with the config read again. Each save waits for its
 * own rerun, however long it takes (no clock: a hang is the test runner's timeout).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { output } from './helpers/output.js';
import { GOOD, tempProject } from './helpers/statements.js';

const WITH_TODO = GOOD.replace('Thank you.\n', 'TODO\n');

describe('--watch', () => {
  it('reruns after each way of saving, and after the config changes', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    const file = join(project, 'statements/a.md');
    const controller = new AbortController();
    const stdout = output();
    const stderr = output();
    const finished = main(['node', 'alliance', 'check', '--watch'], {
      cwd: project,
      env: {},
      stdout,
      stderr,
      signal: controller.signal,
    });
    /** Saves, and returns the report of the rerun that follows. */
    const save = async (how: () => void): Promise<string> => {
      const from = stdout.text.length;
      how();
      const stamp = await stdout.until('—', from);
      const end = await stdout.until('checked', stamp);
      const line = await stdout.until('\n', end);
      return stdout.text.slice(stamp, line + 1);
    };
    // Saves count from when the watch says it is in place.
    await stderr.until('Watching');

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
