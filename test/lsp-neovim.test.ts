/**
 * The language server from a real client: headless Neovim (Debian's `neovim`, which .ci/run installs)
 * opens a statement through its built-in LSP client, and gets alliance's diagnostics and code actions.
 * Skipped where Neovim is not installed, except in CI.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from './helpers/statements.js';

const hasNeovim = spawnSync('nvim', ['--version']).status === 0;
if (!hasNeovim && process.env.CI) throw new Error('Expected Neovim in CI: .ci/run installs it');

describe.skipIf(!hasNeovim)('alliance lsp in Neovim', () => {
  it('gives Neovim the diagnostics and the code actions of a statement', () => {
    const project = tempProject({});
    const file = join(project, 'statement.md');
    writeFileSync(
      file,
      `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana Pérez\norganization: Alliance of NGOs\n---\n\nMr. President,\n\nThe Alliance of NGOs  welcomes the report.\n\nThank you.\n`,
    );
    const out = join(project, 'result.json');
    const run = spawnSync(
      'nvim',
      ['--headless', '--clean', '-n', '-u', resolve(import.meta.dirname, 'fixtures/editors/neovim.lua')],
      {
        env: {
          ...process.env,
          ALLIANCE_FILE: file,
          ALLIANCE_OUT: out,
          ALLIANCE_NODE: process.execPath,
          ALLIANCE_BIN: resolve(import.meta.dirname, '../bin/alliance.js'),
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      diagnostics: { code: string; line: number; source: string }[];
      actions: string[];
    };
    expect(result.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'presiding-officer', line: 7, source: 'alliance' }),
        expect.objectContaining({ code: 'extra-spaces', line: 9, source: 'alliance' }),
      ]),
    );
    expect(result.actions).toEqual(
      expect.arrayContaining(['Address the chair as “Madam Chair”', 'Disable presiding-officer in this file']),
    );
  });
});
