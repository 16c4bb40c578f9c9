/**
 * Code actions: each finding's fix and suggestions as quick fixes, every certain fix of the file at
 * once (`source.fixAll.alliance`, the kind editors run on save), and switching a finding's rule off
 * for the file with the inline comment `check` reads (`<!-- alliance-disable rule -->`).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, type Project } from '../engine/index.js';
import { textEditOf, type DiagnosticData } from './convert.js';

/** The kind of the action that applies every certain fix. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.alliance`;

/** Where the inline comment that switches a rule off goes: after the front matter, else at the top. */
function disableAt(document: TextDocument): { line: number; character: number } {
  const text = document.getText();
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return document.positionAt(match ? match[0].length : 0);
}

/** The code actions for the range and the diagnostics the editor asks about. */
export async function codeActions(
  params: CodeActionParams,
  document: TextDocument,
  project: Project | null,
  path: string | undefined,
): Promise<CodeAction[]> {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const actions: CodeAction[] = [];
  const uri = document.uri;
  // Where a rule's `alliance-disable` comment goes (the same place for every finding).
  const at = disableAt(document);
  if (wants(CodeActionKind.QuickFix))
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'alliance') continue;
      const data = (diagnostic.data ?? {}) as DiagnosticData;
      if (data.fix)
        actions.push({
          title: `Fix: ${typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [uri]: [textEditOf(data.fix, document)] } },
        });
      for (const suggestion of data.suggestions ?? [])
        actions.push({
          title: suggestion.description,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [textEditOf(suggestion.edit, document)] } },
        });
      if (typeof diagnostic.code === 'string' && diagnostic.code !== 'config')
        actions.push({
          title: `Disable ${diagnostic.code} in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: {
            changes: {
              [uri]: [
                {
                  range: { start: at, end: at },
                  newText: `<!-- alliance-disable ${diagnostic.code} -->\n\n`,
                },
              ],
            },
          },
        });
    }
  if ((wants(FIX_ALL_KIND) || wants(CodeActionKind.QuickFix)) && project && path) {
    // Every certain fix of the file, in passes as `check --fix` applies them.
    const fixed = await checkText(document.getText(), { path, fix: true, project });
    if (fixed.output !== undefined) {
      const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
      const action = {
        title: `Fix all alliance problems (${fixed.fixedCount ?? 0})`,
        edit: { changes: { [uri]: [{ range: whole, newText: fixed.output }] } },
      };
      if (wants(FIX_ALL_KIND)) actions.push({ ...action, kind: FIX_ALL_KIND });
      else if (params.context.diagnostics.some((diagnostic) => (diagnostic.data as DiagnosticData | undefined)?.fix))
        actions.push({ ...action, kind: CodeActionKind.QuickFix });
    }
  }
  return actions;
}
