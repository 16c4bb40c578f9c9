/** What a path is: a statement's Markdown file by its extension, a place inside a folder. */
import { extname, isAbsolute, relative, sep } from 'node:path';

/** Whether `path` names a Markdown file (`.md`, `.markdown`, in any case): what a statement is. */
export function isMarkdownPath(path: string): boolean {
  const extension = extname(path).toLowerCase();
  return extension === '.md' || extension === '.markdown';
}

/** Whether `path` lies inside `folder` (not the folder itself), both as given: resolve links first where they matter. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
