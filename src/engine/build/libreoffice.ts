/**
 * `--pdf-engine libreoffice`: where LibreOffice is installed, the DOCX handouts are converted to PDF
 * in one `soffice` call for the whole batch, with a profile of its own so that a running LibreOffice
 * does not get in the way.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../io/errors.js';

/** The `soffice` (or `libreoffice`) program on the PATH, if there is one. */
export function findSoffice(env: Record<string, string | undefined>): string | undefined {
  for (const folder of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Converts DOCX files to PDF into `outDir` in one call; throws a usage error without LibreOffice. */
export async function convertToPdf(
  files: readonly string[],
  outDir: string,
  env: Record<string, string | undefined>,
): Promise<void> {
  const soffice = findSoffice(env);
  if (!soffice)
    throw new UsageError('Expected LibreOffice (`soffice`) on the PATH for `--pdf-engine libreoffice`, found none');
  const profile = pathToFileURL(join(outDir, '.libreoffice-profile')).href;
  await new Promise<void>((resolve, reject) => {
    execFile(
      soffice,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...files,
      ],
      { timeout: 30 * 60_000, maxBuffer: 1 << 26, env: { ...process.env, ...env } },
      (error) =>
        error ? reject(new Error(`LibreOffice could not convert the handouts: ${error.message}`)) : resolve(),
    );
  });
}
