/**
 * Language versions: a statement `victims.fr.md` beside `victims.md` (its suffix a language the
 * project knows), or any statement whose front matter says `version_of: <path>`, is a version of that
 * source. The source is read and loaded once, with the same bounds as any statement, and never
 * followed further (a source's own link is not read); it must be a Markdown file inside the project,
 * so that a statement from a pull request cannot make the check read, and quote, a file elsewhere.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside, isMarkdownPath } from '../io/paths.js';
import type { Statement, VersionLink } from '../../model/statement.js';
import type { LoadContext } from '../project/context.js';
import { readStatementFile } from './read-statement.js';

/** `<name>.<language>.md`: the name and the language suffix. */
const VERSION_NAME = /^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(\.md|\.markdown)$/;

/** Whether a file's name reads as a language version's (`victims.fr.md`), whatever is beside it. */
export function versionNamed(path: string): boolean {
  return VERSION_NAME.test(basename(path));
}

/** The path of the statement `statement` is a version of, if any, and why it cannot be used. */
function sourcePathOf(statement: Statement, context: LoadContext): { path?: string; problem?: string } {
  const { path } = statement;
  const named = statement.frontMatter.fields.version_of;
  if (named !== undefined) {
    const target = resolve(dirname(path), named);
    if (!isInside(context.config.dir, target))
      return { problem: `Expected \`version_of\` to name a statement inside the project, found \`${named}\`` };
    if (!isMarkdownPath(target))
      return { problem: `Expected \`version_of\` to name a Markdown statement (\`.md\`), found \`${named}\`` };
    if (target === path) return { problem: '`version_of` names the statement itself' };
    return { path: target };
  }
  const match = VERSION_NAME.exec(basename(path));
  if (!match) return {};
  const primary = match[2]!.split('-')[0]!;
  if (!context.languages.has(primary)) return {};
  const source = join(dirname(path), `${match[1]!}${match[3]!}`);
  return existsSync(source) ? { path: source } : {};
}

/** The version link of a statement, with its source loaded by `load`; undefined where it is no version. */
export function linkVersion(
  statement: Statement,
  context: LoadContext,
  load: (path: string, input: Uint8Array) => Statement,
): VersionLink | undefined {
  if (statement.path.startsWith('<')) return undefined;
  const { path, problem } = sourcePathOf(statement, context);
  if (problem !== undefined)
    return { sourcePath: statement.frontMatter.fields.version_of ?? '', source: null, problem };
  if (path === undefined) return undefined;
  const input = readStatementFile(path, context.config.dir);
  if (!(input instanceof Uint8Array)) return { sourcePath: path, source: null, problem: input.reason };
  return { sourcePath: path, source: load(path, input) };
}
