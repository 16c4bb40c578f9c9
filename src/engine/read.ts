/** Reading a statement's bytes: an unreadable file becomes a `read-error` problem, never an exception. */
import { readFileSync } from 'node:fs';
import type { LoadProblem } from '../model/statement.js';

/** The bytes of a file, or the `read-error` problem that stops reading it. */
export function readStatementFile(path: string): Uint8Array | LoadProblem {
  try {
    // Statements are small: a synchronous read costs a fraction of a promise round trip per file.
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EISDIR' ? 'Expected a file, found a folder' : `Expected a readable file, found an error: \`${code ?? (error as Error).message}\``;
    return { ruleId: 'read-error', reason, place: { line: 1, column: 1 } };
  }
}
