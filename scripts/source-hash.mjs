#!/usr/bin/env node
// The hash of the sources lib/ is built from (src/, web/, scripts/, the TypeScript config and the
// lock file), written by `npm run build`, last, into lib/source-hash. The tests compare it with the
// sources as they are (test/helpers/built-from-sources.ts): `npx vitest run` skips `pretest`, and a
// test that spawns bin/ would otherwise run an old build without a word.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const INPUTS = ['src', 'web/src', 'web/index.html', 'web/app.css', 'scripts', 'tsconfig.json', 'package-lock.json'];

/** Every file under `path` (or the file itself), sorted. */
function filesOf(path) {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOTDIR') return [path];
    if (error.code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .flatMap((entry) => (entry.isDirectory() ? filesOf(join(path, entry.name)) : [join(path, entry.name)]))
    .sort();
}

/** The hash of the sources of lib/ in the checkout at `folder`. */
export function sourceHash(folder = root) {
  const hash = createHash('sha256');
  for (const input of INPUTS)
    for (const file of filesOf(join(folder, input))) {
      hash.update(relative(folder, file).split(sep).join('/'));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  return hash.digest('hex');
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(join(root, 'lib/source-hash'), `${sourceHash()}\n`);
