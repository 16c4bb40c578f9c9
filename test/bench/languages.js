// Benchmark: the six UN-language statements to PDF beside six English ones (no more than 3×).
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownProject } from './corpus.js';
import { report, time } from './measure.js';

const fixtures = fileURLToPath(new URL('../fixtures/languages', import.meta.url));

/** Builds the six language statements and six English ones in `work`; true when within 3×. */
export function benchLanguages(work, bin) {
  const six = join(work, 'six-languages');
  const english = join(work, 'six-english');
  for (const folder of [six, english]) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(join(folder, 'statements'), { recursive: true });
    ownProject(folder);
  }
  for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.md')))
    copyFileSync(join(fixtures, name), join(six, 'statements', name));
  for (let index = 1; index <= 6; index += 1)
    copyFileSync(join(fixtures, 'en.md'), join(english, 'statements', `en-${index}.md`));
  const englishTime = time(process.execPath, [bin, 'build', '--to', 'pdf', '--rebuild'], { cwd: english, runs: 3 });
  const sixTime = time(process.execPath, [bin, 'build', '--to', 'pdf', '--rebuild'], { cwd: six, runs: 3 });
  report('six English statements to PDF', `${englishTime.seconds.toFixed(2)} s`, '(reference)');
  return report(
    'six statements, one per UN language, to PDF',
    `${sixTime.seconds.toFixed(2)} s`,
    `≤ ${(englishTime.seconds * 3).toFixed(2)} s (3×)`,
    sixTime.seconds <= englishTime.seconds * 3,
  );
}
