/**
 * `alliance new --version-of <source> --language <tag>`: a language version of a statement, written
 * beside it as `<name>.<tag>.md`, never over a file: the source's front matter (its language changed,
 * `source_hash` recording the source it was made from), the opening and closing in the version's
 * language, and between them the source's paragraphs, to translate.
 */
import { basename, dirname, extname, join, relative } from 'node:path';
import { sourceHash } from '../../rules/version-in-step.js';
import { own } from '../../model/own.js';
import { UsageError } from '../io/errors.js';
import { isInside } from '../io/paths.js';
import { createFileAtomicSync } from '../io/write-atomic.js';
import { parseStatement } from '../load/load.js';
import { readStatementFile } from '../load/read-statement.js';
import type { LoadContext } from '../project/context.js';

/** Writes the version of the statement at `sourcePath` (absolute) in `language`; its path. */
export function writeNewVersion(sourcePath: string, language: string, context: LoadContext): string {
  if (!isInside(context.config.dir, sourcePath))
    throw new UsageError(`Expected a statement inside the project, found \`${sourcePath}\``, 'versionOf');
  const input = readStatementFile(sourcePath, context.config.dir);
  if (!(input instanceof Uint8Array)) throw new UsageError(input.reason, 'versionOf');
  const source = parseStatement(sourcePath, input, context);
  if (source.loadProblems.length > 0 || !source.frontMatter.span)
    throw new UsageError(
      `Expected a statement with front matter at \`${relative(context.config.dir, sourcePath)}\`, found one that cannot be read`,
      'versionOf',
    );
  const record = context.languages.get(language.split('-')[0]!);
  if (!record) throw new UsageError(`Expected a language the project knows, found \`${language}\``, 'language');
  const phrases = record.phrases.newStatement;
  const forum = source.settings.forum;
  const title = (forum ? own(forum.title, record.tag) : undefined) ?? phrases?.title ?? 'Chair';
  // The front matter as written, its language the version's, with the source's hash.
  const lines = source.source.split('\n');
  const end = source.frontMatter.span.end.line - 1;
  const matter = lines.slice(1, end).filter((line) => !/^(language|source_hash|version_of)\s*:/.test(line));
  const front = ['---', ...matter, `language: ${language}`, `source_hash: ${sourceHash(source)}`, '---'].join('\n');
  // The source's body between its opening and its closing, as written (Markdown kept), to translate.
  const paragraphs = source.paragraphs;
  const offsetOf = (line: number) => lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  const first = paragraphs[1];
  const last = paragraphs[paragraphs.length - 1];
  const body =
    first && last && paragraphs.length > 2
      ? source.source.slice(offsetOf(first.span.start.line), offsetOf(last.span.start.line)).trim()
      : '';
  const opening = phrases?.opening.replace('{title}', title) ?? `${title},`;
  const closing = phrases?.closing ?? 'Thank you.';
  const name = basename(sourcePath, extname(sourcePath));
  const text = `${front}\n\n<!-- Translated from ${basename(sourcePath)}: translate each paragraph, keep its figures. -->\n\n${opening}\n\n${body}${body ? '\n\n' : ''}${closing}\n`;
  const path = join(dirname(sourcePath), `${name}.${language}${extname(sourcePath)}`);
  try {
    createFileAtomicSync(path, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(
        `Expected no file at \`${relative(context.config.dir, path)}\`, found one: it is left as it is`,
        'versionOf',
      );
    throw error;
  }
  return path;
}
