/**
 * Run once before the tests (vitest's globalSetup): lib/ must be built from the sources as they are,
 * since many tests spawn bin/, which runs lib/. `npm test` builds first; `npx vitest run` does not.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Fails the run, before any test, when lib/ is missing or was built from other sources. */
export default async function builtFromSources(): Promise<void> {
  const { sourceHash } = (await import(join(ROOT, 'scripts/source-hash.mjs'))) as { sourceHash: () => string };
  let built: string;
  try {
    built = readFileSync(join(ROOT, 'lib/source-hash'), 'utf8').trim();
  } catch {
    throw new Error('Expected lib/ to be built, found no lib/source-hash: run `npm run build` (or `npm test`)');
  }
  if (built !== sourceHash())
    throw new Error(
      'Expected lib/ to be built from the sources as they are, found an older build: run `npm run build` (or `npm test`)',
    );
}
