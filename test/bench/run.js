// `npm run bench`: the benchmarks behind the speed targets of the issues. Not a test: it prints what
// it measured beside each target and exits 1 when a target is missed. Run after `npm run build`.
// `npm run bench -- check` runs one section.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBuild } from './build.js';
import { benchCheck } from './check.js';
import { benchEspeak } from './espeak.js';
import { benchHostile } from './hostile.js';
import { benchInstall } from './install.js';
import { benchLanguages } from './languages.js';
import { benchLsp } from './lsp.js';
import { benchOne } from './one.js';
import { benchPreview } from './preview.js';
import { ownProject, writeCorpus } from './corpus.js';
import { benchSafety } from './safety.js';
import { benchTime } from './time.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/alliance.js');
const work = join(root, 'test/bench/.work');
const only = process.argv[2];

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
// Every bench folder is under `work`, inside this repository: its own config stops the search for one there.
ownProject(work);
const corpus = join(work, 'corpus-1000');
writeCorpus(corpus, 1000);
const corpus200 = join(work, 'corpus-200');
writeCorpus(corpus200, 200);

const sections = {
  check: () => benchCheck(corpus, bin),
  time: () => benchTime(corpus, bin),
  one: () => benchOne(work, bin),
  lsp: () => benchLsp(work, bin),
  build: () => benchBuild(corpus200, corpus, bin),
  languages: () => benchLanguages(work, bin),
  safety: () => benchSafety(work, bin),
  hostile: () => benchHostile(work, bin),
  install: () => benchInstall(work),
  preview: () => benchPreview(corpus, root),
  espeak: () => benchEspeak(work, root),
};
let ok = true;
for (const [name, run] of Object.entries(sections)) {
  if (only && only !== name) continue;
  console.log(`\n${name}`);
  ok = (await run()) && ok;
}
process.exitCode = ok ? 0 : 1;
