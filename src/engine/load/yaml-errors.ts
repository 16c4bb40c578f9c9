/**
 * The YAML parser's errors in plain words, with the fix: what an author of a statement can do about
 * `Nested mappings are not allowed in compact mappings` (quote a value that holds `: `), a tab, an
 * unclosed quote or bracket, a key given twice. The place stays the parser's.
 */
import type { YAMLError } from 'yaml';

/** The text of the line holding `offset`. */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}

/** `key: value` of a line, if it is one. */
function keyValue(line: string): { key: string; value: string } | undefined {
  const match = /^\s*([^\s:#][^:#]*):[ \t]+(\S.*)$/.exec(line);
  return match ? { key: match[1]!.trim(), value: match[2]!.trim() } : undefined;
}

/** A value quoted for YAML, double quotes escaped. */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The reason for a YAML error in `text` (the block's text), in plain words with the fix. */
export function explainYamlError(error: YAMLError, text: string): string {
  const line = lineAt(text, error.pos[0]);
  const pair = keyValue(line);
  const first = error.message.split('\n')[0] ?? error.message;
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      if (pair && /:\s/.test(pair.value)) {
        return `Expected the value of \`${pair.key}\` in quotes, since it holds \`: \`, found it bare: write \`${pair.key}: ${quoted(pair.value)}\``;
      }
      const next = lineAt(text, text.indexOf('\n', error.pos[0]) + 1);
      if (/^\s+\S/.test(line) || (/^\s+[^\s:#][^:#]*:(\s|$)/.test(next) && !/^\s+-/.test(next))) {
        const indented = /^\s+\S/.test(line) ? line : next;
        return `Expected each field at the start of its line, found \`${indented.trim()}\` indented: remove the spaces before it (or quote a value that runs over two lines)`;
      }
      return `Expected one field per line as \`name: value\`, found \`${line.trim()}\`: quote a value that holds \`: \` or \`#\``;
    }
    case 'DUPLICATE_KEY':
      return `Expected each field once, found \`${line.split(':')[0]?.trim() ?? line.trim()}\` given again: keep one of them`;
    case 'TAB_AS_INDENT':
      return `Expected spaces at the start of the line, found a tab: YAML does not allow tabs there`;
    case 'MISSING_CHAR':
      if (/quote/i.test(first))
        return `Expected the quotes opened on this line to close, found none: add the closing quote, or remove the opening one`;
      return `Expected \`name: value\`, found \`${line.trim()}\`: a value is missing, or a line is not a field`;
    case 'BAD_INDENT': {
      const bracket = /flow sequence/i.test(first) ? '[' : /flow map/i.test(first) ? '{' : undefined;
      if (bracket !== undefined) {
        // The parser notices on a later line; the bracket was opened on the last line before that has one.
        const opened = lineAt(text, Math.max(0, text.lastIndexOf(bracket, error.pos[0])));
        const field = keyValue(opened);
        const close = bracket === '[' ? ']' : '}';
        const fix = field ? `${field.key}: ${quoted(field.value)}` : `name: "${bracket}…${close}"`;
        return `Expected the \`${bracket}\` of \`${opened.trim()}\` to close with \`${close}\`, found none: close it, or quote the value (\`${fix}\`)`;
      }
      return `Expected the lines of the front matter to line up, found \`${line.trim()}\` indented otherwise`;
    }
    case 'BAD_SCALAR_START': {
      const character = /character (\S)/.exec(first)?.[1] ?? line.trim()[0] ?? '';
      return `Expected a value that does not start with \`${character}\`, found \`${line.trim()}\`: quote it${pair ? ` (\`${pair.key}: ${quoted(pair.value)}\`)` : ''}`;
    }
    case 'UNEXPECTED_TOKEN':
      return `Expected \`name: value\` on each line, found \`${line.trim()}\`: a list item (\`- …\`) goes under a field of its own`;
    default:
      return `Expected valid YAML in the front matter, found an error: ${first}`;
  }
}
