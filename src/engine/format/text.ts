/**
 * Text as reports print it: counts in words, and anything that comes from a statement (names, fields,
 * text) made harmless for a terminal and a CI log.
 */
import type { VFileMessage } from 'vfile-message';
import { printable, UNPRINTABLE } from '../../model/describe.js';

/** What `UNPRINTABLE` finds beyond the C0 controls, which JSON escapes itself. */
const UNPRINTABLE_BEYOND_C0 = new RegExp(UNPRINTABLE.source.replace('\\u0000-\\u001F', ''), 'g');

/**
 * Text from a statement as a human report prints it: control characters written out as `\u{…}`
 * (they could clear lines of a log), and the two forms a GitHub Actions runner reads as a command
 * (`##[…]` anywhere in a line, `::name::` at its start) broken, so a statement cannot speak for CI.
 */
export function shown(text: string): string {
  return printable(text).replace(/##\[/g, '#\\u{23}[').replace(/::/g, ':\\u{3A}');
}

/**
 * A value as JSON that reads back as the same value and is harmless in a terminal or a CI log: what
 * `shown` writes out in text is written here as JSON escapes (`\u2028`, `#\u0023[`, `:\u003a`), which
 * every JSON reader turns back into the characters. Keys and punctuation of JSON hold none of them.
 */
export function safeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)
    // JSON already escapes C0 controls; its own line breaks stay.
    .replace(UNPRINTABLE_BEYOND_C0, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '#\\u0023[')
    .replace(/::/g, ':\\u003a')}\n`;
}

/**
 * Text from a statement in a Markdown output (a step summary, `list --format markdown`): on one line,
 * every ASCII punctuation character backslash-escaped, so that no HTML, link, image, code span or
 * table cell boundary can come from it.
 */
export function markdownText(text: string): string {
  return shown(text.replace(/\s+/g, ' ')).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * Text from a statement as a Markdown code span in a table cell: fenced by more backticks than any run
 * inside it (so a backtick in a file name cannot close it), on one line, `|` escaped for the table.
 */
export function markdownCode(text: string): string {
  const flat = shown(text.replace(/\s+/g, ' ')).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space inside the fence only where the text itself starts or ends with a backtick (CommonMark strips one).
  const pad = /^`|`$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Errors and warnings among messages. */
export interface Counts {
  errors: number;
  warnings: number;
}

/** Counts the errors (`fatal`) and warnings of messages. */
export function countMessages(messages: readonly VFileMessage[]): Counts {
  let errors = 0;
  for (const message of messages) if (message.fatal) errors += 1;
  return { errors, warnings: messages.length - errors };
}

/** "1 error", "3 warnings". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning". */
export function describeCounts(counts: Counts): string {
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`;
}
