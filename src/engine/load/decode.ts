/**
 * Bytes to text: a statement must be UTF-8 text. A NUL byte or an invalid UTF-8 sequence is reported
 * with its line and column instead of being decoded into replacement characters.
 */
import { isUtf8 } from 'node:buffer';
import type { LoadProblem } from '../../model/statement.js';

/** The decoded text without its BOM, or the problem that stops decoding. */
export type Decoded = { ok: true; text: string } | { ok: false; problem: LoadProblem };

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });

/** Decodes a file's bytes as UTF-8, refusing binary content. */
export function decodeStatement(bytes: Uint8Array): Decoded {
  const nul = bytes.indexOf(0);
  const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  // The first offending byte is reported, so the place is where the file stops being text.
  if (invalid !== -1 && (nul === -1 || invalid < nul)) {
    const byte = bytes[invalid]!.toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, problem: problemAt(bytes, invalid, `Expected UTF-8 text, found the byte \`0x${byte}\``) };
  }
  if (nul !== -1) {
    return { ok: false, problem: problemAt(bytes, nul, 'Expected text, found a NUL byte (is this a binary file?)') };
  }
  return { ok: true, text: decoder.decode(bytes) };
}

function problemAt(bytes: Uint8Array, index: number, reason: string): LoadProblem {
  const before = decoder.decode(bytes.subarray(0, index));
  const lines = before.split('\n');
  const line = lines.length;
  const column = [...lines[lines.length - 1]!].length + 1;
  return { ruleId: 'encoding', reason, place: { line, column } };
}

/** The index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0 || index + length > bytes.length || !isUtf8(bytes.subarray(index, index + length))) return index;
    index += length;
  }
  return index;
}
