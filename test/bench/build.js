// Benchmarks of `alliance build`: 200 statements to DOCX beside pandoc run once per file, 200 to PDF
// beside one LibreOffice batch conversion of the same DOCX files, and the peak memory of 1,000.
// Where pandoc or LibreOffice is not installed, the figures measured on the reference machine stand in.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { peakMemoryMb, report, time } from './measure.js';

const PANDOC_SECONDS_PER_FILE = 0.035;
const LIBREOFFICE_FILES_PER_SECOND = 29;

function installed(command) {
  return spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0;
}

function markdownFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .filter((name) => String(name).endsWith('.md'))
    .map((name) => join(folder, String(name)));
}

/** Runs the build benchmarks; `corpus200` and `corpus1000` hold statements/. */
export function benchBuild(corpus200, corpus1000, bin) {
  let ok = true;
  const out = (name) => {
    const folder = join(corpus200, name);
    rmSync(folder, { recursive: true, force: true });
    return folder;
  };
  const files = markdownFiles(join(corpus200, 'statements'));

  const docx = time(process.execPath, [bin, 'build', '--to', 'docx', '--rebuild', '--out', out('docx')], {
    cwd: corpus200,
    runs: 3,
  });
  let pandocSeconds = PANDOC_SECONDS_PER_FILE * files.length;
  let pandocLabel = `(${PANDOC_SECONDS_PER_FILE * 1000} ms a file, measured on the reference machine)`;
  if (installed('pandoc')) {
    const target = out('pandoc');
    mkdirSync(target);
    const start = process.hrtime.bigint();
    for (const [index, file] of files.entries()) spawnSync('pandoc', [file, '-o', join(target, `${index}.docx`)]);
    pandocSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    pandocLabel = '(measured here)';
  }
  report(`pandoc, once per file, ${files.length} statements to DOCX`, `${pandocSeconds.toFixed(2)} s`, pandocLabel);
  ok =
    report(
      `alliance build --to docx, ${files.length} statements`,
      `${docx.seconds.toFixed(2)} s`,
      `≤ ${(pandocSeconds / 10).toFixed(2)} s (10× faster)`,
      docx.seconds <= pandocSeconds / 10,
    ) && ok;

  const pdf = time(process.execPath, [bin, 'build', '--to', 'pdf', '--rebuild', '--out', out('pdf')], {
    cwd: corpus200,
    runs: 3,
  });
  let officeSeconds = files.length / LIBREOFFICE_FILES_PER_SECOND;
  let officeLabel = `(${LIBREOFFICE_FILES_PER_SECOND} files a second, measured on the reference machine)`;
  if (installed('soffice')) {
    const docxFiles = readdirSync(join(corpus200, 'docx'), { recursive: true })
      .filter((name) => String(name).endsWith('.docx'))
      .map((name) => join(corpus200, 'docx', String(name)));
    const target = out('libreoffice');
    mkdirSync(target);
    const start = process.hrtime.bigint();
    spawnSync('soffice', [
      `-env:UserInstallation=file://${join(target, '.profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      target,
      ...docxFiles,
    ]);
    officeSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    officeLabel = '(measured here, one batch)';
  }
  report(`LibreOffice, ${files.length} DOCX to PDF`, `${officeSeconds.toFixed(2)} s`, officeLabel);
  ok =
    report(
      `alliance build --to pdf, ${files.length} statements`,
      `${pdf.seconds.toFixed(2)} s`,
      `≤ ${(officeSeconds / 2).toFixed(2)} s (2× faster)`,
      pdf.seconds <= officeSeconds / 2,
    ) && ok;

  rmSync(join(corpus1000, 'dist'), { recursive: true, force: true });
  const memory = peakMemoryMb(process.execPath, [bin, 'build', '--force'], { cwd: corpus1000 });
  if (memory === null) report('peak memory, 1,000 statements to DOCX and PDF', 'n/a', '(GNU time not installed)');
  else
    ok =
      report('peak memory, 1,000 statements to DOCX and PDF', `${memory.toFixed(0)} MB`, '< 300 MB', memory < 300) &&
      ok;
  return ok;
}
