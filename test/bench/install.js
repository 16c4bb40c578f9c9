// Benchmark of the install: the tarball `npm pack` makes, installed into an empty prefix as a user
// would, measured in MB of files (what npm unpacks) against the goal of 25 MB.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './measure.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Packs and installs the tool under `work`; true when the install is at most 25 MB. */
export function benchInstall(work) {
  const scratch = join(work, 'install');
  mkdirSync(scratch, { recursive: true });
  const env = {
    ...process.env,
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const packed = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  const tarball = join(scratch, packed.trim().split('\n').at(-1) ?? '');
  const prefix = join(scratch, 'global');
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', tarball], { env, stdio: 'pipe' });
  const megabytes = Number(execFileSync('du', ['-sm', '--apparent-size', prefix], { encoding: 'utf8' }).split('\t')[0]);
  return report('npm install of the packed tarball (no Chinese font)', `${megabytes} MB`, '≤ 25 MB', megabytes <= 25);
}
