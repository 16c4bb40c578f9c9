// Benchmarks of one statement, the build staff run most (issue #26): the example statement of the
// UNTOC COP to DOCX beside pandoc on the same file (≤ 1.2×), to PDF beside LibreOffice converting that
// statement's DOCX in one fresh process (≤ 0.1×) and beside our own DOCX build (≤ 2×), and both
// formats with the speaker's copy beside the sum of the two. Each side by side, alternating, medians;
// where pandoc or LibreOffice is not installed the line says so and is left out.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report, reportRatio, sideBySide } from './measure.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function installed(command) {
  return spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Runs the one-statement benchmarks under `work`; true when every target is met. */
export function benchOne(work, bin) {
  const folder = join(work, 'one');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const statement = join(folder, 'one.md');
  copyFileSync(join(root, 'statements/untoc-cop-2024/constructive-dialogue.md'), statement);
  const run = (args, out) => ({
    command: process.execPath,
    args: [bin, 'build', 'one.md', ...args, '--rebuild', '--out', join(folder, out)],
    cwd: folder,
    before: () => rmSync(join(folder, out), { recursive: true, force: true }),
  });
  const docx = run(['--to', 'docx'], 'docx');
  const pdf = run(['--to', 'pdf'], 'pdf');
  let ok = true;
  if (installed('pandoc')) {
    const pandoc = { command: 'pandoc', args: ['one.md', '-o', join(folder, 'pandoc.docx')], cwd: folder };
    ok = reportRatio('one statement to DOCX', sideBySide(docx, pandoc, { pairs: 7 }), 1.2, 'pandoc') && ok;
  } else report('one statement to DOCX', 'n/a', '(pandoc not installed)');
  if (installed('soffice')) {
    // The DOCX LibreOffice converts is this statement's own, built once.
    spawnSync(process.execPath, [bin, 'build', 'one.md', '--to', 'docx', '--out', join(folder, 'source')], {
      cwd: folder,
    });
    const office = {
      command: 'soffice',
      args: [
        `-env:UserInstallation=file://${join(folder, '.office-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        join(folder, 'libreoffice'),
        join(folder, 'source/one.docx'),
      ],
      cwd: folder,
    };
    ok = reportRatio('one statement to PDF', sideBySide(pdf, office, { pairs: 5 }), 0.1, 'LibreOffice') && ok;
  } else report('one statement to PDF', 'n/a', '(LibreOffice not installed)');
  const versusDocx = sideBySide(pdf, docx, { pairs: 7 });
  ok = reportRatio('one statement to PDF, beside DOCX', versusDocx, 2, 'alliance build --to docx') && ok;
  const both = sideBySide(run(['--to', 'docx,pdf', '--speaker-copy'], 'both'), docx, { pairs: 7 });
  // The target is the sum of the two builds: the DOCX's median and the PDF's, measured above.
  const sum = versusDocx.ours + versusDocx.reference;
  ok =
    report(
      'one statement to DOCX and PDF, with the speaker’s copy',
      `${both.ours.toFixed(3)} s`,
      `≤ ${sum.toFixed(3)} s (the DOCX and the PDF builds' sum)`,
      both.ours <= sum,
    ) && ok;
  return ok;
}
