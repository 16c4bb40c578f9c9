#!/usr/bin/env node
// Run by `npm run build`, last: runs the CLI once from lib/bundle/cli.cjs (a check of the example
// statements) and saves the code V8 compiled for it, lib/bundle/cli-<node version>-<arch>.cache. A
// run on the same Node starts from that code instead of compiling the CLI (see src/cli/launch.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = spawnSync(process.execPath, [`${root}bin/alliance.js`, 'check', 'statements'], {
  cwd: root,
  env: { ...process.env, ALLIANCE_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
});
// Without a cache the CLI starts from its ES modules, as on another Node: a warning, not a failed build.
if (!existsSync(`${root}lib/bundle/cli-${process.version}-${process.arch}.cache`))
  process.stderr.write(`warning: no code cache for the CLI (the check ended with ${run.status})\n${run.stderr}`);
