// Benchmark of the language server (issue #27): on a warm server, the time from an edit of a 600-word
// statement to its diagnostics, side by side with a one-file `alliance check` started from the shell
// (at most a quarter of it). Alternating, medians of 9 pairs.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { median, report } from './measure.js';

/** A statement of about 600 words. */
function statement() {
  const sentence = 'The Alliance of NGOs calls on States to fund victim services in every region, with civil society. ';
  const paragraphs = Array.from({ length: 6 }, () => sentence.repeat(6).trimEnd());
  return `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana Pérez\norganization: Alliance of NGOs\nslot: 5m\n---\n\nThank you, Chair.\n\n${paragraphs.join('\n\n')}\n\nThank you.\n`;
}

export async function benchLsp(work, bin) {
  const folder = join(work, 'lsp');
  mkdirSync(join(folder, 'statements'), { recursive: true });
  const path = join(folder, 'statements/long.md');
  const text = statement();
  writeFileSync(path, text);
  const words = text.split('\n---\n')[1].split(/\s+/).filter(Boolean).length;
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiting = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    waiting.get(params.version)?.();
    waiting.delete(params.version);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    capabilities: {},
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const uri = pathToFileURL(path).href;
  let version = 1;
  const published = (at) => new Promise((resolve) => waiting.set(at, resolve));
  let done = published(1);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version, text },
  });
  await done;
  /** One edit (a word added to the last paragraph) and the time until its diagnostics come. */
  const edit = async () => {
    version += 1;
    done = published(version);
    const start = process.hrtime.bigint();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [
        { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'Indeed, ' },
      ],
    });
    await done;
    // A quiet moment after each edit, as between an author's edits: the next is checked at once.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return Number(process.hrtime.bigint() - start) / 1e6 - 200;
  };
  const shell = () => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, [bin, 'check', path], { cwd: folder });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let warm = 0; warm < 5; warm += 1) await edit();
  shell();
  const edits = [];
  const checks = [];
  for (let pair = 0; pair < 9; pair += 1) {
    edits.push(await edit());
    checks.push(shell());
  }
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  const [ours, reference] = [median(edits), median(checks)];
  const ratio = ours / reference;
  return report(
    `lsp: an edit of a ${words}-word statement to its diagnostics`,
    `${ratio.toFixed(2)}×`,
    `≤ 0.25× alliance check one.md from the shell  (${ours.toFixed(1)} ms vs ${reference.toFixed(1)} ms, medians of 9 pairs)`,
    ratio <= 0.25,
  );
}
