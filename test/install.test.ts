/**
 * Installing as a new user would: the tarball `npm pack` makes, installed globally (into a folder of
 * its own), then from an empty folder to a checked, timed and built statement in five commands.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('a new user', () => {
  it('installs the packed tarball and gets from an empty folder to handouts in five commands', () => {
    const scratch = tempProject();
    const env = {
      ...process.env,
      npm_config_loglevel: 'error',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
    };
    const tarball = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    })
      .trim()
      .split('\n')
      .at(-1)!;
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
    expect(run('check')).toContain('1 file checked, no problems');
    expect(run('time')).toMatch(/victims-first\.md +\d+ +\d+ +0:\d\d +3:00 +\+\d:\d\d +✔ fits/);
    expect(run('build')).toContain('1 statement built (2 files)');
    expect(path).toBe('statements/ccpcj-34/victims-first.md');
    expect(readdirSync(join(home, 'dist/ccpcj-34')).sort()).toEqual(['victims-first.docx', 'victims-first.pdf']);
    expect(existsSync(join(home, 'dist/manifest.json'))).toBe(true);
  }, 240_000);
});
