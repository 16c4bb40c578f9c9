/** The files a command works on, from its arguments or the config's `statements` globs. */
import { findFiles } from '../io/files.js';
import type { Config } from './config.js';
import { UsageError } from '../io/errors.js';

/** Expands the command's patterns (or the config's globs); what matches nothing is a usage error unless allowed. */
export async function targetFiles(
  patterns: readonly string[],
  cwd: string,
  config: Config,
  errorOnUnmatched = true,
): Promise<string[]> {
  const given = patterns.length > 0;
  const found = await findFiles(given ? patterns : config.statements, given ? cwd : config.dir);
  // A pattern given that matches nothing is an error; the config's globs are one set, an error only when all of it matches nothing.
  if (errorOnUnmatched && (given ? found.unmatched.length > 0 : found.files.length === 0)) {
    const what = given
      ? found.unmatched.map((pattern) => `\`${pattern}\``).join(', ')
      : `\`${config.statements.join('`, `')}\` under \`${config.dir}\``;
    throw new UsageError(`Expected files matching ${what}, found none`);
  }
  return found.files;
}
