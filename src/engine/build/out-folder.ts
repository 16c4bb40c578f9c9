/** The output folder of a build: where it is, made before any work, refused when it cannot be. */
import { realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Project } from '../project/project.js';
import { UsageError } from '../io/errors.js';
import { makeFolder } from '../io/folders.js';

/** The output folder (`out` relative to the working folder; default `dist/` in the project), made if missing. */
export function outputFolder(project: Project, out?: string): string {
  const outDir = out === undefined ? resolve(project.dir, 'dist') : resolve(project.cwd, out);
  let found: string;
  try {
    makeFolder(outDir);
    found = statSync(outDir).isDirectory() ? '' : 'a file there';
  } catch (error) {
    found = `an error: \`${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\``;
  }
  if (found !== '') throw new UsageError(`Expected an output folder at \`${outDir}\`, found ${found}`);
  if (out === undefined) {
    // `dist` may come with a pull request as a link elsewhere: only `--out` may send handouts out of the project.
    const real = realpathSync(outDir);
    const root = realpathSync(project.dir);
    if (!real.startsWith(root + sep)) {
      throw new UsageError(
        `Expected the output folder \`${outDir}\` inside the project, found a link to \`${real}\`: name a folder outside it with \`--out\``,
      );
    }
  }
  return outDir;
}
