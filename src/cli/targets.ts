/** The files a command works on, from its arguments or the config's `statements` globs. */
import { findFiles } from '../engine/files.js';
import type { Config } from '../engine/config.js';
import { UsageError } from '../engine/errors.js';

/** Expands the command's patterns (or the config's defaults); unmatched patterns are a usage error unless allowed. */
export async function targetFiles(patterns: readonly string[], cwd: string, config: Config, errorOnUnmatched = true): Promise<string[]> {
  const given = patterns.length > 0;
  const found = await findFiles(given ? patterns : config.statements, given ? cwd : config.dir);
  if (errorOnUnmatched && found.unmatched.length > 0) {
    const what = given ? found.unmatched.map((pattern) => `\`${pattern}\``).join(', ') : `\`${config.statements.join('`, `')}\` under \`${config.dir}\``;
    throw new UsageError(`Expected files matching ${what}, found none`);
  }
  return found.files;
}
