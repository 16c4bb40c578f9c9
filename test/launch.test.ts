/**
 * How the CLI starts (src/cli/launch.ts): from V8's code cache of its CommonJS bundle on the Node that
 * built it, from its ES modules elsewhere, with the same report either way.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = `cli-${process.version}-${process.arch}.cache`;

/** The ES modules a run of the CLI loads, as a loader hook sees them, and what it printed. */
function run(root: string, args: string[], cwd: string): { modules: string[]; stdout: string; status: number | null } {
  const hooks = join(cwd, 'hooks.mjs');
  writeFileSync(
    hooks,
    `export async function load(url, context, next) { process._rawDebug('LOAD ' + url); return next(url, context); }\n`,
  );
  const register = `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
  const result = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(register)}`, join(root, 'bin/alliance.js'), ...args],
    { cwd, encoding: 'utf8' },
  );
  const modules = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('LOAD '))
    .map((line) => line.slice(5));
  return { modules, stdout: result.stdout, status: result.status };
}

describe('the start of the CLI', () => {
  it('is from the code cache on the Node that built it, from the ES modules elsewhere, with the same report', () => {
    expect(existsSync(join(ROOT, 'lib/bundle', CACHE))).toBe(true);
    // A copy of the tool without the cache, as on another Node.
    const copy = mkdtempSync(join(tmpdir(), 'alliance-launch-'));
    for (const folder of ['bin', 'lib']) cpSync(join(ROOT, folder), join(copy, folder), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    rmSync(join(copy, 'lib/bundle', CACHE));

    const project = tempProject({
      'statements/a.md': `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana\norganization: Alliance\n---\n\nThank you, Chair.\n\nThe Alliance asks States to act. TODO\n\nThank you.\n`,
    });
    const cached = run(ROOT, ['check'], project);
    const plain = run(copy, ['check'], project);
    expect(cached.status).toBe(1);
    expect(cached.stdout).toContain('TODO');
    expect(plain.stdout).toBe(cached.stdout);
    expect(plain.status).toBe(cached.status);
    // From the cache, the CLI's bundle of ES modules is not loaded (the launcher's few files are); without it, it is.
    const esmCli = (root: string) => pathToFileURL(join(root, 'lib/bundle/cli.js')).href;
    expect(cached.modules).not.toContain(esmCli(ROOT));
    expect(cached.modules.filter((url) => url.includes('/lib/bundle/')).length).toBeLessThanOrEqual(2);
    expect(plain.modules).toContain(esmCli(copy));
    // Help needs a tenth of the CLI, which its ES modules load alone.
    expect(run(ROOT, ['--help'], project).modules).toContain(esmCli(ROOT));
  });

  it('is from code V8 accepts: the cache the build wrote is not rejected in a fresh process', () => {
    // A rejected cache still runs (V8 compiles anew), so only V8 can tell: it was rejected in every run
    // once the build's run changed a flag it could not change back.
    const launcher = pathToFileURL(join(ROOT, 'lib/bundle/launch.js')).href;
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { codeCacheAccepted } = await import(${JSON.stringify(launcher)}); console.log(codeCacheAccepted());`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stdout.trim(), result.stderr).toBe('true');
  });
});
