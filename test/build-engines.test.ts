/** Building in worker threads and through LibreOffice, and the progress bar of long builds. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Progress } from '../src/cli/progress.js';
import { runCli } from './helpers/cli.js';
import { pdfContent } from './helpers/documents.js';
import { GOOD, tempProject } from './helpers/statements.js';

const BIN = resolve(import.meta.dirname, '../bin/alliance.js');
const hasLibreOffice = spawnSync('soffice', ['--version']).status === 0;

describe('build in worker threads', () => {
  it('writes the same bytes as the main thread', () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 12; index += 1)
      files[`statements/s${index}.md`] = GOOD.replace('welcomes', `welcomes, for the ${index + 1}th time,`);
    const project = tempProject(files);
    const build = (out: string, concurrency: string) =>
      execFileSync(process.execPath, [BIN, 'build', '--out', out, '--concurrency', concurrency], {
        cwd: project,
        encoding: 'utf8',
      });
    build('serial', 'off');
    build('parallel', '3');
    const names = readdirSync(join(project, 'serial')).sort();
    expect(names).toHaveLength(25);
    expect(readdirSync(join(project, 'parallel')).sort()).toEqual(names);
    for (const name of names)
      expect(
        readFileSync(join(project, 'parallel', name)).equals(readFileSync(join(project, 'serial', name))),
        name,
      ).toBe(true);
  }, 60_000);
});

describe('--pdf-engine libreoffice', () => {
  it.skipIf(!hasLibreOffice)(
    'converts the DOCX handouts in one batch',
    async () => {
      const project = tempProject({
        'statements/a.md': GOOD,
        'statements/sub/a.md': GOOD.replace('welcomes', 'applauds'),
      });
      const run = await runCli(['build', '--pdf-engine', 'libreoffice'], {
        cwd: project,
        env: { PATH: process.env.PATH },
      });
      expect(run.code).toBe(0);
      const text = (await pdfContent(readFileSync(join(project, 'dist/sub/a.pdf')))).pages.join('\n');
      expect(text).toContain('applauds the resolution');
      expect(readdirSync(join(project, 'dist')).sort()).toEqual(['a.docx', 'a.pdf', 'manifest.json', 'sub']);
    },
    120_000,
  );

  it('is a usage error without LibreOffice on the PATH', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    const run = await runCli(['build', '--pdf-engine', 'libreoffice'], { cwd: project, env: { PATH: '/nonexistent' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Expected LibreOffice (`soffice`) on the PATH');
  });
});

describe('the progress bar', () => {
  it('shows on a terminal once a batch has taken a second, and is cleared at the end', () => {
    let clock = 0;
    let written = '';
    const progress = new Progress({ write: (text: string) => (written += text), isTTY: true }, 'Building', () => clock);
    progress.update(1, 10);
    expect(written).toBe('');
    clock = 1500;
    progress.update(5, 10);
    expect(written).toContain('Building [==============              ] 5/10');
    progress.end();
    expect(written.endsWith('\r')).toBe(true);
  });

  it('never shows in CI logs (no terminal)', () => {
    let written = '';
    const progress = new Progress({ write: (text: string) => (written += text), isTTY: false }, 'Building', () => 5000);
    progress.update(5, 10);
    progress.end();
    expect(written).toBe('');
  });
});
