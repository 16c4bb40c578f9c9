/**
 * Installing as a new user would: the tarball `npm pack` makes, installed globally (into a folder of
 * its own), then from an empty folder to a checked, timed and built statement in five commands and
 * the statement's own text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');

/** npm as a quiet user runs it (warnings aside, which the tests ask for where they matter). */
const ENV = {
  ...process.env,
  npm_config_loglevel: 'error',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_update_notifier: 'false',
};

/** The tarball `npm pack` makes of this checkout, in a scratch folder. */
function packed(): { scratch: string; tarball: string; env: NodeJS.ProcessEnv } {
  const scratch = tempProject();
  const output = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], {
    cwd: ROOT,
    encoding: 'utf8',
    env: ENV,
  });
  return { scratch, tarball: output.trim().split('\n').at(-1) ?? '', env: ENV };
}

/** Writes the statement's own text in place of the guidance `alliance new` leaves. */
function writeStatement(path: string): void {
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace(
      /<!--[\s\S]*?-->/,
      'We ask Member States to fund victim services in every region, with civil society as a partner.',
    ),
  );
}

describe('a new user', () => {
  it('installs the packed tarball and gets from an empty folder to handouts in five commands', () => {
    const { scratch, tarball, env } = packed();
    const prefix = join(scratch, 'global');
    execFileSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', join(scratch, tarball)], {
      cwd: scratch,
      encoding: 'utf8',
      env,
      stdio: 'pipe',
    });
    const alliance = join(prefix, 'bin', 'alliance');
    const home = tempProject();
    const run = (...args: string[]) => execFileSync(alliance, args, { cwd: home, encoding: 'utf8', env });

    run('init', '--organization', 'Alliance of NGOs', '--yes');
    const path = run(
      'new',
      '--forum',
      'CCPCJ',
      '--session',
      '34',
      '--speaker',
      'Ana Pérez',
      '--title',
      'Victims first',
    ).trim();
    // The skeleton `new` writes is only that: the author writes the statement in place of its guidance.
    expect(spawnSync(alliance, ['check'], { cwd: home, encoding: 'utf8', env }).stdout).toContain('empty-statement');
    writeStatement(join(home, path));
    expect(run('check')).toContain('1 file checked, no problems');
    expect(run('time')).toMatch(/victims-first\.md +\d+ +\d+ +0:\d\d +3:00 +\+\d:\d\d +✔ fits/);
    expect(run('build')).toContain('1 statement built (2 files)');
    expect(path).toBe('statements/ccpcj-34/victims-first.md');
    expect(readdirSync(join(home, 'dist/ccpcj-34')).sort()).toEqual(['victims-first.docx', 'victims-first.pdf']);
    expect(existsSync(join(home, 'dist/manifest.json'))).toBe(true);
    // Chinese needs one more package, which the default install leaves out: the build names it.
    writeFileSync(join(home, 'statements/zh.md'), readFileSync(join(ROOT, 'test/fixtures/languages/zh.md')));
    const chinese = spawnSync(alliance, ['build', 'statements/zh.md'], { cwd: home, encoding: 'utf8', env });
    expect(chinese.status).toBe(1);
    expect(chinese.stdout).toContain('run `npm install @expo-google-fonts/noto-sans-sc` in the project');
    expect(existsSync(join(home, 'dist/zh.docx'))).toBe(true);
    expect(existsSync(join(home, 'dist/zh.pdf'))).toBe(false);
    // The install, without Chinese, is under 40 MB of files (what npm unpacks; blocks of the disk aside).
    const megabytes = Number(
      execFileSync('du', ['-sm', '--apparent-size', prefix], { encoding: 'utf8' }).split('\t')[0],
    );
    expect(megabytes).toBeLessThan(40);
  }, 240_000);

  it('runs the workflow `init` writes, step by step, in the project it made, against the packed tool', () => {
    const { scratch, tarball } = packed();
    const env = { ...ENV, CI: 'true' };
    const project = join(scratch, 'statements-2025');
    const bin = join(ROOT, 'bin/alliance.js');
    // What a new organization does: init (its package.json takes the tool from the packed tarball here,
    // from the release tag by default), npm install once, a first statement, then CI's own steps.
    execFileSync(
      process.execPath,
      [bin, 'init', project, '--organization', 'Alliance of NGOs', '--yes', '--tool', `file:${join(scratch, tarball)}`],
      { env },
    );
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(manifest.dependencies.alliance).toBe(`file:${join(scratch, tarball)}`);
    // Warnings shown, as a user sees them: an engine warning (a dependency that needs Node 22) fails the test.
    const install = spawnSync('npm', ['install', '--prefer-offline'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...env, npm_config_loglevel: 'warn' },
    });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toContain('EBADENGINE');
    expect(existsSync(join(project, 'package-lock.json'))).toBe(true);
    execFileSync(
      'npx',
      ['alliance', 'new', '--forum', 'CCPCJ', '--session', '34', '--speaker', 'Ana Pérez', '--title', 'Victims first'],
      { cwd: project, env },
    );
    writeStatement(join(project, 'statements/ccpcj-34/victims-first.md'));

    const workflow = parse(readFileSync(join(project, '.github/workflows/statements.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ cache: 'npm' });
    const runs = steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs[0]).toBe('npm ci');
    for (const run of runs) {
      const result = spawnSync('bash', ['-c', run], { cwd: project, encoding: 'utf8', env });
      expect(result.status, `${run}\n${result.stdout}\n${result.stderr}`).toBe(0);
    }
    expect(existsSync(join(project, 'dist/ccpcj-34/victims-first.pdf'))).toBe(true);
    // npm sees a clean tree: no invalid or missing package.
    const list = spawnSync('npm', ['ls', '--all'], { cwd: project, encoding: 'utf8', env });
    expect(list.status, list.stdout + list.stderr).toBe(0);
  }, 300_000);
});
