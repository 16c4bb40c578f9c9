/**
 * What a build writes, and where, when the output folder or the files in it are not what they seem:
 * links, pipes, leftovers of a killed build, another build at work, a manifest that cannot be written.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makePng } from './helpers/png.js';
import { GOOD, tempProject } from './helpers/statements.js';

const BIN = resolve(import.meta.dirname, '../bin/alliance.js');
const build = (project: string, ...args: string[]) =>
  runCli(['build', '--to', 'pdf', '--concurrency', 'off', ...args], { cwd: project });

/** A process id that no process has (the largest ids are free on any machine here). */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid -= 1) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

describe('a build into a folder that is not what it seems', () => {
  it('refuses a dist/ that links out of the project, unless --out names it', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    const elsewhere = mkdtempSync(join(tmpdir(), 'alliance-elsewhere-'));
    symlinkSync(elsewhere, join(project, 'dist'), 'dir');
    const refused = await build(project);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('inside the project, found a link to');
    expect(readdirSync(elsewhere)).toEqual([]);
    const named = await build(project, '--out', elsewhere);
    expect(named.code).toBe(0);
    expect(existsSync(join(elsewhere, 'a.pdf'))).toBe(true);
  });

  it('rebuilds an output replaced by a link, even of the same size', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    expect((await build(project)).code).toBe(0);
    const pdf = join(project, 'dist/a.pdf');
    const copy = join(project, 'elsewhere.pdf');
    writeFileSync(copy, Buffer.alloc(statSync(pdf).size, 0x20));
    rmSync(pdf);
    symlinkSync(copy, pdf);
    const again = await build(project);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('1 statement built');
    expect(lstatSync(pdf).isFile()).toBe(true);
    expect(readFileSync(copy).every((byte) => byte === 0x20)).toBe(true);
  });

  it('rebuilds an output replaced by other bytes of the same size, even with its size in the manifest', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    expect((await build(project)).code).toBe(0);
    const pdf = join(project, 'dist/a.pdf');
    const original = readFileSync(pdf);
    writeFileSync(pdf, Buffer.alloc(original.length, 0x20));
    const manifest = JSON.parse(readFileSync(join(project, 'dist/manifest.json'), 'utf8')) as {
      statements: { outputs: { path: string; bytes: number; hash: string }[] }[];
    };
    expect(manifest.statements[0]!.outputs[0]).toMatchObject({ path: 'a.pdf', bytes: original.length });
    expect(manifest.statements[0]!.outputs[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    const again = await build(project);
    expect(again.stdout).toContain('1 statement built');
    expect(readFileSync(pdf).equals(original)).toBe(true);
  });

  it('removes the handouts of a statement that no longer builds, and says so', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    expect((await runCli(['build', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    writeFileSync(join(project, 'statements/a.md'), GOOD.replace('Thank you, Chair.', 'TODO Thank you, Chair.'));
    const run = await runCli(['build', '--concurrency', 'off'], { cwd: project });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Removed the handouts of an earlier build (`a.docx`, `a.pdf`): this statement is not built now, and an older handout would pass for it',
    );
    expect(readdirSync(join(project, 'dist')).sort()).toEqual(['manifest.json']);
  });

  it('never replaces a pipe in the output folder, and names it', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    mkdirSync(join(project, 'dist'));
    execFileSync('mkfifo', [join(project, 'dist/a.pdf')]);
    const run = await build(project);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('could not write dist/a.pdf: a device, pipe or socket stands in its place');
    expect(lstatSync(join(project, 'dist/a.pdf')).isFIFO()).toBe(true);
  });

  it('removes the temporary files a killed build left, and no others', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    mkdirSync(join(project, 'dist/sub'), { recursive: true });
    const stale = [
      join(project, `dist/.a.pdf.${deadPid()}.0a1b2c3d.tmp`),
      join(project, `dist/sub/.b.docx.${deadPid()}.deadbeef.tmp`),
    ];
    const live = join(project, `dist/.c.pdf.${process.pid}.0123abcd.tmp`);
    const mine = join(project, 'dist/notes.tmp');
    for (const path of [...stale, live, mine]) writeFileSync(path, 'x');
    expect((await build(project)).code).toBe(0);
    for (const path of stale) expect(existsSync(path), path).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(mine)).toBe(true);
  });

  it('refuses to build while another build holds the folder, and takes over a lock left by a killed one', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    mkdirSync(join(project, 'dist'));
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(join(project, 'dist/.alliance-build.lock'), JSON.stringify({ pid: other.pid }));
      const refused = await build(project);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`Expected no other build writing into`);
      expect(refused.stderr).toContain(`process ${other.pid}`);
      expect(existsSync(join(project, 'dist/a.pdf'))).toBe(false);
    } finally {
      other.kill();
    }
    writeFileSync(join(project, 'dist/.alliance-build.lock'), JSON.stringify({ pid: deadPid() }));
    expect((await build(project)).code).toBe(0);
    expect(existsSync(join(project, 'dist/a.pdf'))).toBe(true);
    expect(existsSync(join(project, 'dist/.alliance-build.lock'))).toBe(false);
  });

  it('reports a manifest it cannot write as a finding, after the report of every statement', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, 'statements/b.md': GOOD });
    mkdirSync(join(project, 'dist/manifest.json'), { recursive: true });
    const run = await build(project);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✔ statements/a.md → dist/a.pdf');
    expect(run.stdout).toContain('✔ statements/b.md → dist/b.pdf');
    expect(run.stdout).toContain('✖ could not write the manifest dist/manifest.json: EISDIR');
    expect(run.stderr).not.toContain('internal error');
  });
});

describe('a cache that is not a file', () => {
  it('never replaces a pipe named by --cache-location: a warning, and the check stands', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    const fifo = join(project, 'cache-pipe');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli(['check', '--cache', '--cache-location', fifo], { cwd: project });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: could not write the cache at .*cache-pipe: ENOTFILE/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a cache location that is a statement, a config or a file that is no cache, and writes nothing', async () => {
    const project = tempProject({
      'alliance.config.yaml': 'organization: Alliance of NGOs\n',
      'statements/good.md': GOOD,
      'notes.txt': 'my notes\n',
    });
    for (const [location, what] of [
      ['statements/good.md', 'a statement'],
      ['alliance.config.yaml', 'a config file'],
      ['notes.txt', 'a file that is not a cache'],
      ['statements/new.md', 'a statement'],
    ] as const) {
      const run = await runCli(['check', '--cache', '--cache-location', location], { cwd: project });
      expect(run.code, location).toBe(2);
      expect(run.stderr).toBe(
        `alliance: Expected \`--cache-location\` to name a cache file or a folder, found \`${location}\`, ${what}: nothing is written there\n`,
      );
    }
    expect(readFileSync(join(project, 'statements/good.md'), 'utf8')).toBe(GOOD);
    expect(readFileSync(join(project, 'notes.txt'), 'utf8')).toBe('my notes\n');
    expect(existsSync(join(project, 'statements/new.md'))).toBe(false);
    // A cache it wrote is one it writes again.
    expect((await runCli(['check', '--cache', '--cache-location', 'my.cache'], { cwd: project })).code).toBe(0);
    expect((await runCli(['check', '--cache', '--cache-location', 'my.cache'], { cwd: project })).code).toBe(0);
  });
});

describe('an image that announces more pixels than a handout needs', () => {
  it('is left out with a warning naming it, before anything is decoded (a 1-bit bomb builds in a small heap)', () => {
    const bomb = makePng(20_000, 20_000, 0, 1);
    expect(bomb.length).toBeLessThan(200_000);
    const project = tempProject({
      'statements/a.md': GOOD.replace('Thank you.\n', '![Chart](bomb.png)\n\nThank you.\n'),
      'statements/bomb.png': bomb,
    });
    // Decoding it would take gigabytes: in a 160 MB heap the build would die instead of warning.
    const output = execFileSync(process.execPath, ['--max-old-space-size=160', BIN, 'build', '--concurrency', 'off'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(output).toContain(
      'Expected an image of at most 16 megapixels, found `bomb.png` of 20000 × 20000 (400.0 megapixels): scale it down',
    );
    expect(existsSync(join(project, 'dist/a.pdf'))).toBe(true);
    expect(existsSync(join(project, 'dist/a.docx'))).toBe(true);
  });
});

describe('a read-only output folder', () => {
  /** A file system mounted read-only (root mounts one; elsewhere the test is skipped, and says so). */
  function readOnlyDisk(): string | undefined {
    const folder = mkdtempSync(join(tmpdir(), 'alliance-ro-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', folder], { stdio: 'ignore' });
      return folder;
    } catch {
      return undefined;
    }
  }
  const probe = readOnlyDisk();
  if (probe) execFileSync('umount', [probe]);

  it.skipIf(probe === undefined)('is one message naming it, before any work, and exit 2', async () => {
    const disk = readOnlyDisk()!;
    try {
      const project = tempProject({ 'statements/a.md': GOOD });
      const run = await runCli(['build', '--out', disk, '--concurrency', 'off'], { cwd: project });
      expect(run.stderr).toBe(
        `alliance: Expected an output folder to write into at \`${disk}\`, found it cannot be written (\`EROFS\`)\n`,
      );
      expect(run.code).toBe(2);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});

describe('a full disk', () => {
  /** A 160 KB file system of its own (root mounts one; elsewhere the test is skipped, and says so). */
  function smallDisk(): string | undefined {
    const folder = mkdtempSync(join(tmpdir(), 'alliance-full-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160k', 'tmpfs', folder], { stdio: 'ignore' });
      return folder;
    } catch {
      return undefined;
    }
  }
  const probe = smallDisk();
  if (probe) execFileSync('umount', [probe]);

  it.skipIf(probe === undefined)(
    'names each handout it could not write and the manifest, leaves every file written whole',
    async () => {
      const disk = smallDisk();
      try {
        const files: Record<string, string> = {};
        for (let index = 0; index < 12; index += 1) files[`statements/s${String(index).padStart(2, '0')}.md`] = GOOD;
        const project = tempProject(files);
        const run = await runCli(['build', '--out', disk!, '--concurrency', 'off'], { cwd: project });
        expect(run.code).toBe(1);
        expect(run.stderr).not.toContain('internal error');
        expect(run.stdout).toMatch(/could not write .*: the disk is full \(`ENOSPC`\)/);
        expect(run.stdout).toMatch(/statements? built/);
        const written = readdirSync(disk!);
        expect(written.filter((name) => name.endsWith('.tmp'))).toEqual([]);
        for (const name of written.filter((entry) => entry.endsWith('.pdf'))) {
          const bytes = readFileSync(join(disk!, name));
          expect(bytes.subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
          expect(bytes.subarray(-6).toString('latin1'), name).toContain('%%EOF');
        }
      } finally {
        execFileSync('umount', [disk!]);
      }
    },
  );
});
