/**
 * `alliance lsp --stdio`: a language server on vscode-languageserver, a thin face over the engine's
 * front door. Open statements are checked as the author types (diagnostics pushed, or pulled where the
 * client asks for them), with quick fixes, "fix all" and "disable this rule", each paragraph's start
 * time and the end of the slot (inlay hints, code lenses), hovers and front matter completion. A
 * request that fails answers an error; no document and no request ends the server.
 */
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  createConnection,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VERSION, vocabulary, type Vocabulary } from '../engine/index.js';
import { codeActions, FIX_ALL_KIND } from './actions.js';
import { Checker, type Checked } from './checker.js';
import { completionsAt } from './complete.js';
import { diagnosticOf } from './convert.js';
import { codeLenses, hoverAt, inlayHints } from './timing.js';

/** Files whose change alters how statements are checked: configs, language records, templates. */
const PROJECT_FILES = [
  '**/alliance.config.{yaml,yml,json}',
  '**/.alliancerc{,.yaml,.yml,.json}',
  '**/languages/*.yaml',
  '**/templates/*.yaml',
];

/** Runs `work`, turning a failure into a logged error and `fallback`: one request never ends the server. */
async function guarded<T>(connection: Connection, what: string, fallback: T, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    connection.console.error(`alliance: ${what} failed: ${(error as Error).stack ?? String(error)}`);
    return fallback;
  }
}

/** Starts the server on the process's standard input and output; resolves when the client ends it. */
export function startLanguageServer(): Promise<number> {
  const connection = createConnection(process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  let pull = false;
  let inlayRefresh = false;
  const checker = new Checker(
    (uri, checked) => {
      const document = documents.get(uri);
      if (!document || document.version !== checked.version) return;
      if (pull) void connection.languages.diagnostics.refresh().catch(() => undefined);
      else
        void connection.sendDiagnostics({
          uri,
          version: checked.version,
          diagnostics: checked.findings.map((finding) => diagnosticOf(finding, document)),
        });
      // The running total moved: the client asks again for the times.
      if (inlayRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
    },
    (text) => connection.console.error(text),
  );
  const vocabularies = new WeakMap<object, Promise<Vocabulary>>();
  const vocabularyOf = (checked: Checked | undefined): Promise<Vocabulary> | null => {
    if (!checked?.project) return null;
    let words = vocabularies.get(checked.project);
    if (!words) vocabularies.set(checked.project, (words = vocabulary(checked.project)));
    return words;
  };
  /** The latest result for a document, checking it now if there is none of its version. */
  const current = async (uri: string): Promise<Checked | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    return checker.latest(uri, document.version) ?? (await checker.check(document));
  };

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pull = capabilities.textDocument?.diagnostic !== undefined;
    inlayRefresh = capabilities.workspace?.inlayHint?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' '] },
        ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'alliance', version: VERSION },
    };
  });
  connection.onInitialized(() => {
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: PROJECT_FILES.map((globPattern) => ({ globPattern })),
      })
      .catch(() => undefined);
  });

  // Opening a document is a change of its content too (TextDocuments says so on both events): one
  // handler, which checks a document new to the checker at once.
  documents.onDidChangeContent(({ document }) => checker.schedule(document));
  documents.onDidClose(({ document }) => {
    checker.close(document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  /** A project file changed: every open statement is checked again under it. */
  const projectChanged = () => {
    checker.forgetProjects();
    for (const document of documents.all()) checker.schedule(document, true);
  };
  connection.onDidChangeWatchedFiles(projectChanged);
  documents.onDidSave(({ document }) => {
    // A saved statement may be the source of an open language version (`victims.md` of `victims.fr.md`).
    const folder = document.uri.slice(0, document.uri.lastIndexOf('/') + 1);
    for (const other of documents.all())
      if (other.uri !== document.uri && other.uri.startsWith(folder)) checker.schedule(other, true);
    if (
      /(alliance\.config\.(ya?ml|json)|\.alliancerc[^/]*|\/languages\/[^/]+\.yaml|\/templates\/[^/]+\.yaml)$/.test(
        document.uri,
      )
    )
      projectChanged();
  });

  connection.languages.diagnostics.on((params) =>
    guarded(connection, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async () => {
      const document = documents.get(params.textDocument.uri);
      const checked = await current(params.textDocument.uri);
      return {
        kind: DocumentDiagnosticReportKind.Full,
        items: document && checked ? checked.findings.map((finding) => diagnosticOf(finding, document)) : [],
      };
    }),
  );
  connection.onCodeAction((params) =>
    guarded(connection, 'code actions', [], async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const checked = await current(document.uri);
      return codeActions(params, document, checked?.project ?? null, Checker.pathOf(document.uri));
    }),
  );
  connection.languages.inlayHint.on((params) =>
    guarded(connection, 'inlay hints', [], async () => {
      const checked = await current(params.textDocument.uri);
      return inlayHints(checked?.view ?? null).filter(
        (hint) => hint.position.line >= params.range.start.line && hint.position.line <= params.range.end.line,
      );
    }),
  );
  connection.onCodeLens((params) =>
    guarded(connection, 'code lenses', [], async () =>
      codeLenses((await current(params.textDocument.uri))?.view ?? null),
    ),
  );
  connection.onHover((params) =>
    guarded(connection, 'hover', null, async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const checked = await current(document.uri);
      return hoverAt(document, params.position, checked?.view ?? null, await vocabularyOf(checked));
    }),
  );
  connection.onCompletion((params) =>
    guarded(connection, 'completion', [], async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const words = await vocabularyOf(await current(document.uri));
      return words ? completionsAt(document, params.position, words) : [];
    }),
  );

  documents.listen(connection);
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  return new Promise((resolve) => {
    connection.onExit(() => resolve(shutdown ? 0 : 1));
    connection.listen();
  });
}
