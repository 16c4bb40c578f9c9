// Benchmarks of `alliance build`: 200 statements to DOCX beside pandoc run once per file (≥ 6× faster),
// 200 to PDF beside one LibreOffice batch conversion of the same DOCX files (≥ 3× faster), each side by
// side, alternating; and the peak memory of 1,000. Where pandoc or LibreOffice is not installed, the
// figures measured on the reference machine stand in, and the line says so.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { peakMemoryMb, report, reportSpeedup, sideBySide, time } from './measure.js';

const PANDOC_SECONDS_PER_FILE = 0.035;
const LIBREOFFICE_FILES_PER_SECOND = 29;

function installed(command) {
  return spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0;
}

function filesEndingIn(folder, suffix) {
  return readdirSync(folder, { recursive: true })
    .filter((name) => String(name).endsWith(suffix))
    .map((name) => join(folder, String(name)));
}

/** A fresh, empty folder, made again before every timed run. */
function fresh(folder) {
  return () => {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
  };
}

/** Compares ours with a reference tool side by side, or with a reference machine's figure without it. */
function compare(label, ours, reference, target, fallbackSeconds, referenceName) {
  if (reference) return reportSpeedup(label, sideBySide(ours, reference), target, referenceName);
  const seconds = time(ours.command, ours.args, { cwd: ours.cwd, runs: 5 }).seconds;
  const measured = { ours: seconds, reference: fallbackSeconds };
  return reportSpeedup(label, measured, target, referenceName, 'reference measured on the reference machine');
}

/** Runs the build benchmarks; `corpus200` and `corpus1000` hold statements/. */
export function benchBuild(corpus200, corpus1000, bin) {
  let ok = true;
  const files = filesEndingIn(join(corpus200, 'statements'), '.md');
  const build = (to) => ({
    command: process.execPath,
    args: [bin, 'build', '--to', to, '--rebuild', '--out', join(corpus200, to)],
    cwd: corpus200,
    before: fresh(join(corpus200, to)),
  });

  const pandocOut = join(corpus200, 'pandoc');
  const pandoc = installed('pandoc') && {
    command: 'sh',
    args: ['-c', 'n=0; for f in "$@"; do n=$((n+1)); pandoc "$f" -o "$0/$n.docx"; done', pandocOut, ...files],
    cwd: corpus200,
    before: fresh(pandocOut),
  };
  ok =
    compare(
      `alliance build --to docx, ${files.length} statements`,
      build('docx'),
      pandoc,
      6,
      PANDOC_SECONDS_PER_FILE * files.length,
      'pandoc once per file',
    ) && ok;

  const officeOut = join(corpus200, 'libreoffice');
  const office = installed('soffice') && {
    command: 'soffice',
    args: [
      `-env:UserInstallation=file://${join(corpus200, '.office-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      officeOut,
      ...filesEndingIn(join(corpus200, 'docx'), '.docx'),
    ],
    cwd: corpus200,
    before: fresh(officeOut),
  };
  ok =
    compare(
      `alliance build --to pdf, ${files.length} statements`,
      build('pdf'),
      office,
      3,
      files.length / LIBREOFFICE_FILES_PER_SECOND,
      'one LibreOffice batch',
    ) && ok;

  rmSync(join(corpus1000, 'dist'), { recursive: true, force: true });
  const memory = peakMemoryMb(process.execPath, [bin, 'build', '--force'], { cwd: corpus1000 });
  if (memory === null) report('peak memory, 1,000 statements to DOCX and PDF', 'n/a', '(GNU time not installed)');
  else
    ok =
      report('peak memory, 1,000 statements to DOCX and PDF', `${memory.toFixed(0)} MB`, '< 200 MB', memory < 200) &&
      ok;
  return ok;
}
