/**
 * Completion in the front matter: field names at the start of a line, and after `forum:`,
 * `language:` and the fields with a fixed set of values, the names the project knows (forums with
 * their aliases and full names, languages, `draft`/`final`…).
 */
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Vocabulary } from '../engine/index.js';

/** The completions at a position, or none outside the front matter. */
export function completionsAt(document: TextDocument, position: Position, vocabulary: Vocabulary): CompletionItem[] {
  const lines = document.getText().split('\n');
  if ((lines[0] ?? '').replace(/\r$/, '') !== '---') return [];
  const close = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (position.line === 0 || (close !== -1 && position.line >= close)) return [];
  const before = (lines[position.line] ?? '').slice(0, position.character);
  const field = /^([A-Za-z_][\w-]*)\s*:\s*\S*$/.exec(before)?.[1];
  if (field === undefined) {
    if (!/^[A-Za-z_]*$/.test(before)) return [];
    const present = new Set(
      lines.slice(1, close === -1 ? undefined : close).map((line) => /^([\w-]+)\s*:/.exec(line)?.[1]),
    );
    return vocabulary.fields
      .filter((entry) => !present.has(entry.name))
      .map((entry) => ({
        label: entry.name,
        kind: CompletionItemKind.Field,
        detail: entry.description,
        insertText: `${entry.name}: `,
      }));
  }
  if (field === 'forum')
    return vocabulary.forums.map((forum) => ({
      label: forum.name,
      kind: CompletionItemKind.EnumMember,
      detail: forum.name === forum.id ? forum.fullName : `${forum.id}: ${forum.fullName}`,
      // An alias is accepted, but the canonical name is what the registry and the handouts use.
      insertText: forum.id,
      filterText: forum.name,
    }));
  if (field === 'language')
    return vocabulary.languages.map((language) => ({
      label: language.tag,
      kind: CompletionItemKind.EnumMember,
      detail: language.name,
    }));
  const values = vocabulary.fields.find((entry) => entry.name === field)?.values ?? [];
  return values.map((value) => ({ label: value, kind: CompletionItemKind.EnumMember }));
}
