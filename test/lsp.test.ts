/**
 * `alliance lsp --stdio` driven as an editor drives it, over standard input and output with the
 * protocol library editors use: initialize, open a statement, read the diagnostics pushed as it is
 * typed, ask for code actions (a fix, a suggestion, fix all, disable), inlay hints and code lenses with
 * the paragraphs' start times, hovers, completion in the front matter; a broken request and a hostile
 * statement leave the server answering; shutdown and exit end it with 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  CodeLensRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  InlayHintRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Hover,
  type InlayHint,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { tempProject } from './helpers/statements.js';

const BIN = resolve(import.meta.dirname, '../bin/alliance.js');

const STATEMENT = `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana Pérez\norganization: Alliance of NGOs\n---\n\nMr. President,\n\nThe Alliance of NGOs  welcomes the report, and doesn't stop there.\n\n${'We call on States to fund victim services in every region. '.repeat(8).trimEnd()}\n\nThank you.\n`;

interface Session {
  connection: ProtocolConnection;
  child: ChildProcess;
  diagnostics: (uri: string, version?: number) => Promise<Diagnostic[]>;
  /** The diagnostics pushed after the `seen`-th push of the document. */
  after: (uri: string, seen: number) => Promise<Diagnostic[]>;
  pushes: (uri: string) => number;
  exited: Promise<number | null>;
}

const sessions: Session[] = [];

/** Starts the server in `cwd` and initializes it as a client with the given capabilities would. */
async function start(cwd: string, capabilities: object = {}): Promise<Session> {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published = new Map<string, PublishDiagnosticsParams[]>();
  const waiting: (() => void)[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
    for (const wake of waiting.splice(0)) wake();
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(cwd).href,
    capabilities,
    workspaceFolders: [{ uri: pathToFileURL(cwd).href, name: 'project' }],
  });
  await connection.sendNotification(InitializedNotification.type, {});
  /** The diagnostics of the document, once pushed for `version` (or any version). */
  const diagnostics = async (uri: string, version?: number): Promise<Diagnostic[]> => {
    for (;;) {
      const found = published.get(uri)?.find((params) => version === undefined || params.version === version);
      if (found) return found.diagnostics;
      await new Promise<void>((wake) => waiting.push(wake));
    }
  };
  const after = async (uri: string, seen: number): Promise<Diagnostic[]> => {
    for (;;) {
      const list = published.get(uri) ?? [];
      if (list.length > seen) return list[seen]!.diagnostics;
      await new Promise<void>((wake) => waiting.push(wake));
    }
  };
  const pushes = (uri: string) => published.get(uri)?.length ?? 0;
  const session = { connection, child, diagnostics, after, pushes, exited };
  sessions.push(session);
  return session;
}

afterEach(() => {
  for (const session of sessions.splice(0)) session.child.kill();
});

/** Opens a statement written at `path` in the project. */
async function open(session: Session, project: string, name: string, text: string): Promise<string> {
  const path = join(project, name);
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  return uri;
}

describe('alliance lsp --stdio', () => {
  it('pushes diagnostics with rule, link and severity, and checks again as the author types', async () => {
    const project = tempProject({ 'statements/.keep': '' });
    const session = await start(project);
    const uri = await open(session, project, 'statements/a.md', STATEMENT);
    const first = await session.diagnostics(uri, 1);
    const officer = first.find((diagnostic) => diagnostic.code === 'presiding-officer')!;
    expect(officer.severity).toBe(2);
    expect(officer.source).toBe('alliance');
    expect(officer.codeDescription?.href).toMatch(/#presiding-officer$/);
    expect(officer.range.start).toEqual({ line: 7, character: 0 });
    expect(first.map((diagnostic) => diagnostic.code)).toContain('extra-spaces');
    // The author fixes the address: the finding goes.
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 13 } }, text: 'Madam Chair' },
      ],
    });
    const second = await session.diagnostics(uri, 2);
    expect(second.map((diagnostic) => diagnostic.code)).not.toContain('presiding-officer');
  });

  it('answers pulled diagnostics where the client pulls them', async () => {
    const project = tempProject({ 'statements/.keep': '' });
    const session = await start(project, { textDocument: { diagnostic: { dynamicRegistration: false } } });
    const uri = await open(session, project, 'statements/a.md', STATEMENT);
    const report = (await session.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri },
    })) as { kind: string; items: Diagnostic[] };
    expect(report.kind).toBe('full');
    expect(report.items.map((diagnostic) => diagnostic.code)).toContain('presiding-officer');
    expect(session.pushes(uri)).toBe(0);
  });

  it('checks the open statements again when the project’s config changes', async () => {
    const project = tempProject({
      'alliance.config.yaml': 'rules:\n  presiding-officer: "off"\n',
      'statements/.keep': '',
    });
    const session = await start(project);
    const uri = await open(session, project, 'statements/a.md', STATEMENT);
    expect((await session.diagnostics(uri, 1)).map((diagnostic) => diagnostic.code)).not.toContain('presiding-officer');
    const seen = session.pushes(uri);
    writeFileSync(join(project, 'alliance.config.yaml'), 'rules: {}\n');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(project, 'alliance.config.yaml')).href, type: FileChangeType.Changed }],
    });
    expect((await session.after(uri, seen)).map((diagnostic) => diagnostic.code)).toContain('presiding-officer');
  });

  it('offers each fix and suggestion, fix all, and disabling a rule in the file', async () => {
    const project = tempProject({ 'statements/.keep': '' });
    const session = await start(project);
    const uri = await open(session, project, 'statements/a.md', STATEMENT);
    const diagnostics = await session.diagnostics(uri, 1);
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 7, character: 0 }, end: { line: 9, character: 0 } },
      context: { diagnostics },
    })) as CodeAction[];
    const titles = actions.map((action) => action.title);
    expect(titles).toContain('Address the chair as “Madam Chair”');
    expect(titles).toContain('Disable presiding-officer in this file');
    expect(titles.some((title) => title.startsWith('Fix: Expected one space between words'))).toBe(true);
    const suggestion = actions.find((action) => action.title === 'Address the chair as “Mr. Chair”')!;
    expect(suggestion.edit?.changes?.[uri]).toEqual([
      { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 13 } }, newText: 'Mr. Chair' },
    ]);
    const fixAll = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.alliance'] },
    })) as CodeAction[];
    expect(fixAll).toHaveLength(1);
    const text = fixAll[0]!.edit!.changes![uri]![0]!.newText;
    expect(text).toContain('The Alliance of NGOs welcomes the report, and doesn’t stop there.');
    expect(text).toContain('Mr. President,');
  });

  it('shows each paragraph’s start and the end of the slot, as inlay hints and code lenses, and hovers', async () => {
    const project = tempProject({ 'statements/.keep': '' });
    const session = await start(project);
    const long = STATEMENT.replace('slot', 'slot').replace(
      'organization: Alliance of NGOs\n',
      'organization: Alliance of NGOs\nslot: 30s\n',
    );
    const uri = await open(session, project, 'statements/a.md', long);
    await session.diagnostics(uri, 1);
    const hints = (await session.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    })) as InlayHint[];
    const labels = hints.map(
      (hint) =>
        `${hint.position.line}:${typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('')}`,
    );
    expect(labels[0]).toBe('8:0:00');
    expect(labels).toContain('12:0:30 end of slot');
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    const titles = lenses?.map((lens) => lens.command?.title);
    expect(titles?.[0]).toMatch(/^0:5\d of a 0:30 slot at 110 words a minute$/);
    expect(titles).toContain('0:00 · 2 words');
    expect(titles).toContain('0:02 · 11 words');
    expect(titles).toContain('0:09 · 88 words · 0:30 end of slot');
    const hover = (await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 10, character: 5 },
    })) as Hover;
    expect(JSON.stringify(hover.contents)).toMatch(
      /Paragraph 2\*\* starts at 0:0\d and takes 0:\d\d.*words at 110 words a minute/,
    );
    const field = (await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 2 },
    })) as Hover;
    expect(JSON.stringify(field.contents)).toContain('**forum**');
  });

  it('completes forums, fields and values in the front matter', async () => {
    const project = tempProject({ 'statements/.keep': '' });
    const session = await start(project);
    const text = '---\nforum: \nsta\n---\n\nThank you, Chair.\n';
    const uri = await open(session, project, 'statements/b.md', text);
    await session.diagnostics(uri, 1);
    const forums = (await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 7 },
    })) as CompletionItem[];
    expect(forums.map((item) => item.label)).toEqual(expect.arrayContaining(['CCPCJ', 'Crime Commission', 'CND']));
    expect(forums.find((item) => item.label === 'Crime Commission')?.insertText).toBe('CCPCJ');
    const fields = (await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 3 },
    })) as CompletionItem[];
    expect(fields.map((item) => item.label)).toContain('status');
    expect(fields.map((item) => item.label)).not.toContain('forum');
  });

  it('answers a broken request with an error, survives a hostile statement, and exits 0 after shutdown', async () => {
    const project = tempProject({ 'statements/.keep': '' });
    const session = await start(project);
    await expect(
      session.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: 'file:///nowhere.md' },
        position: { line: -1, character: 0 },
      }),
    ).resolves.toBeNull();
    await expect(session.connection.sendRequest('alliance/unknown', {})).rejects.toThrow();
    const hostile = `---\nforum: CCPCJ\n---\n\n${'*'.repeat(300_000)}\n`;
    const uri = await open(session, project, 'statements/h.md', hostile);
    const diagnostics = await session.diagnostics(uri, 1);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('markdown');
    // Still answering.
    const good = await open(session, project, 'statements/a.md', STATEMENT);
    expect((await session.diagnostics(good, 1)).length).toBeGreaterThan(0);
    await session.connection.sendRequest(ShutdownRequest.type);
    await session.connection.sendNotification(ExitNotification.type);
    expect(await session.exited).toBe(0);
  });
});
