// `npm run package` (in editors/vscode): puts a copy of alliance inside the extension (server/, the
// tarball `npm pack` makes of the repository, installed with its dependencies) for projects that do
// not install alliance themselves, then makes the .vsix with @vscode/vsce.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const server = join(here, 'server');
rmSync(server, { recursive: true, force: true });
mkdirSync(server, { recursive: true });
const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', server], { cwd: root, encoding: 'utf8' })
  .trim()
  .split('\n')
  .at(-1);
writeFileSync(join(server, 'package.json'), '{ "private": true }\n');
execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', join(server, packed)], {
  cwd: server,
  stdio: 'inherit',
});
rmSync(join(server, packed));
execFileSync(join(here, 'node_modules', '.bin', 'vsce'), ['package', '--allow-missing-repository'], {
  cwd: here,
  stdio: 'inherit',
});
