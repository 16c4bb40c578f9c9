// The VS Code extension: a thin client that starts alliance's own language server (`alliance lsp
// --stdio`) for Markdown files. It starts the project's alliance (node_modules/alliance, found upward
// from the workspace folder), so that the rules, forums and languages are the ones the project's CI
// checks with; else the `alliance.path` setting; else the copy packaged inside the extension (server/).
'use strict';
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The alliance entry to run for a folder: the project's own, the setting's, or the packaged copy. */
function serverFor(folder, context) {
  const configured = vscode.workspace.getConfiguration('alliance').get('path');
  if (configured) return configured;
  for (let dir = folder; dir && dirname(dir) !== dir; dir = dirname(dir)) {
    const own = join(dir, 'node_modules', 'alliance', 'bin', 'alliance.js');
    if (existsSync(own)) return own;
  }
  return context.asAbsolutePath(join('server', 'node_modules', 'alliance', 'bin', 'alliance.js'));
}

function activate(context) {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  const module = serverFor(folder, context);
  const run = { module, args: ['lsp', '--stdio'], transport: TransportKind.stdio };
  client = new LanguageClient(
    'alliance',
    'alliance',
    { run, debug: run },
    {
      documentSelector: [{ scheme: 'file', language: 'markdown' }],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher(
          '**/{alliance.config.*,languages/*.yaml,templates/*.yaml}',
        ),
      },
    },
  );
  // Fix on save: the server's source.fixAll.alliance action, applied before the file is written.
  context.subscriptions.push(
    vscode.workspace.onWillSaveTextDocument((event) => {
      if (event.document.languageId !== 'markdown') return;
      if (!vscode.workspace.getConfiguration('alliance').get('fixOnSave')) return;
      event.waitUntil(
        vscode.commands
          .executeCommand(
            'vscode.executeCodeActionProvider',
            event.document.uri,
            new vscode.Range(0, 0, 0, 0),
            'source.fixAll.alliance',
          )
          .then((actions) =>
            (actions ?? []).flatMap((action) => (action.edit ? action.edit.get(event.document.uri) : [])),
          ),
      );
    }),
  );
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
