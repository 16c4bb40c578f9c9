/**
 * alliance's findings in the language server protocol's terms: a message becomes a diagnostic (its
 * rule as the code, with the rule's documentation as the code's link), a repair a text edit.
 */
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Edit, Suggestion } from '../engine/index.js';

/** A message of the engine as the server reads it (a vfile message with its repair). */
export interface Finding {
  reason: string;
  ruleId?: string | null;
  fatal?: boolean | null;
  line?: number | null;
  column?: number | null;
  place?: unknown;
  url?: string | null;
  fix?: Edit;
  suggestions?: Suggestion[];
}

/** What a diagnostic carries for the code actions: its repairs. */
export interface DiagnosticData {
  fix?: Edit;
  suggestions?: Suggestion[];
}

/** The range of a finding: its place (1-based line and column) made 0-based, at least one character wide where it can. */
export function rangeOf(finding: Finding, document: TextDocument): Range {
  const place = finding.place as
    { start?: { line: number; column: number }; end?: { line: number; column: number } } | undefined;
  const start = place?.start ?? { line: finding.line ?? 1, column: finding.column ?? 1 };
  const end = place?.end ?? start;
  const from = { line: Math.max(0, start.line - 1), character: Math.max(0, start.column - 1) };
  let to = { line: Math.max(0, end.line - 1), character: Math.max(0, end.column - 1) };
  if (to.line === from.line && to.character <= from.character) {
    // A point: the rest of the line, so that the editor has something to underline.
    const lineEnd = document.positionAt(document.offsetAt({ line: from.line + 1, character: 0 }) - 1);
    to =
      lineEnd.line === from.line && lineEnd.character > from.character
        ? lineEnd
        : { ...from, character: from.character + 1 };
  }
  return { start: from, end: to };
}

/** A finding as a diagnostic. */
export function diagnosticOf(finding: Finding, document: TextDocument): Diagnostic {
  const data: DiagnosticData = {
    ...(finding.fix ? { fix: finding.fix } : {}),
    ...(finding.suggestions ? { suggestions: finding.suggestions } : {}),
  };
  return {
    range: rangeOf(finding, document),
    severity: finding.fatal ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'alliance',
    message: finding.reason,
    ...(finding.ruleId ? { code: finding.ruleId } : {}),
    ...(finding.url ? { codeDescription: { href: finding.url } } : {}),
    data,
  };
}

/** An edit of the engine (offsets in the text) as a text edit of the document. */
export function textEditOf(edit: Edit, document: TextDocument): TextEdit {
  return {
    range: { start: document.positionAt(edit.range[0]), end: document.positionAt(edit.range[1]) },
    newText: edit.text,
  };
}
