/**
 * `alliance preview`: a web server on 127.0.0.1 that shows a project's statements as the handouts
 * will show them, with their times and messages, lets a speaker edit and rehearse them, and tells the
 * open pages of every save. It is a user of the engine's front door, like the CLI: it decides nothing
 * about statements itself. See guard.ts for who may use it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  build,
  ConfigError,
  inspect,
  openProject,
  printable,
  ruleUrl,
  saveSpeakerPace,
  saveStatement,
  UsageError,
  watch,
  type Project,
  type ProjectOptions,
  type StatementView,
} from '../engine/index.js';
import { loadAssets } from './assets.js';
import type { PageInventory, PagePaceSaved, PageSaveOutcome, PageStatement } from './contract.js';
import { EventHub } from './events.js';
import { admit, contentSecurityPolicy, newToken, SECURITY_HEADERS } from './guard.js';
import { HttpError, readJson, sendBytes, sendJson, textField } from './http.js';
import { Inventory } from './inventory.js';

/** How to start the preview. */
export interface PreviewOptions extends ProjectOptions {
  /** Files, folders or globs (none: the config's `statements`). */
  patterns?: readonly string[];
  /** The port (default: a free one). */
  port?: number;
  /** Called when the project's files, changed, cannot be read. */
  onError?: (error: Error) => void;
  /** Called with each request the server failed (answered 500), as a line to log. */
  onRequestError?: (line: string) => void;
}

/** A running preview. */
export interface PreviewServer {
  /** The address to open, token included. */
  url: string;
  port: number;
  /** The statements served, when the server started. */
  statements: number;
  /** Stops the server, its watch and its event streams. */
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** The path and query of a request (after the token), or a 400: `//[`, `//a:b` are not URLs to `new URL`. */
function requestUrl(path: string): URL {
  try {
    return new URL(`http://preview.invalid${path.startsWith('/') ? '' : '/'}${path}`);
  } catch {
    throw new HttpError(400, 'Expected a path of the preview, found one that is not a URL path');
  }
}

/** The page's view of a statement: messages as plain data with their rule's documentation. */
function viewJson(view: StatementView, name: string): PageStatement {
  return {
    ...view,
    path: name,
    messages: view.messages.map((message) => ({
      line: message.line ?? 1,
      column: message.column ?? 1,
      ruleId: message.ruleId ?? 'unknown',
      severity: message.fatal ? ('error' as const) : ('warning' as const),
      reason: message.reason,
      url: ruleUrl(message.ruleId ?? ''),
    })),
  };
}

/** Starts the preview server and its watch; resolves once it listens. */
export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const project = await openProject(options);
  const inventory = new Inventory(project, options.patterns ?? []);
  await inventory.refresh();
  const assets = loadAssets();
  const hub = new EventHub();
  const token = newToken();
  let host = '';
  // Builds take the output folder's lock: one at a time.
  let building: Promise<unknown> = Promise.resolve();

  const statementPath = (name: string | null): string => {
    const path = name === null ? undefined : inventory.resolve(name);
    if (path === undefined) throw new HttpError(404, 'Expected a statement of this project');
    return path;
  };

  const routes: Record<
    string,
    (request: IncomingMessage, response: ServerResponse, query: URLSearchParams) => Promise<void> | void
  > = {
    'GET /': (_request, response) => {
      const shell = assets.get('/assets/index.html');
      if (!shell) throw new HttpError(500, 'Expected the page in lib/preview/assets/: run `npm run build`');
      const nonce = newToken();
      sendBytes(response, shell.type, shell.bytes.toString('utf8').replace('%STYLE_NONCE%', nonce), {
        'Content-Security-Policy': contentSecurityPolicy(nonce),
      });
    },
    'GET /api/inventory': (_request, response) => {
      const { config } = inventory.current;
      sendJson(response, 200, {
        project: config.dir,
        organization: config.organization ?? null,
        statements: inventory.all(),
      } satisfies PageInventory);
    },
    'GET /api/statement': async (_request, response, query) => {
      const name = query.get('file');
      sendJson(response, 200, viewJson(await inspect(inventory.current, statementPath(name)), name!));
    },
    'POST /api/inspect': async (request, response) => {
      const body = await readJson(request);
      const name = textField(body, 'file');
      const view = await inspect(inventory.current, statementPath(name), { text: textField(body, 'text') });
      sendJson(response, 200, viewJson(view, name));
    },
    'PUT /api/statement': async (request, response) => {
      const body = await readJson(request);
      const name = textField(body, 'file');
      const outcome = await saveStatement(
        inventory.current,
        statementPath(name),
        textField(body, 'text'),
        textField(body, 'hash'),
      );
      sendJson(response, outcome.saved ? 200 : 409, outcome satisfies PageSaveOutcome);
    },
    'POST /api/pace': async (request, response) => {
      const body = await readJson(request);
      const pace = body.pace;
      if (typeof pace !== 'number') throw new HttpError(400, 'Expected `pace` to be a number');
      try {
        const path = await saveSpeakerPace(
          inventory.current,
          textField(body, 'speaker'),
          textField(body, 'language'),
          pace,
        );
        sendJson(response, 200, {
          saved: true,
          config: basename(path),
          pace: Math.round(pace),
        } satisfies PagePaceSaved);
      } catch (error) {
        if (error instanceof UsageError) throw new HttpError(400, error.message);
        // A config that cannot take the entry (broken, or `speakers` not a mapping) is left as it was.
        if (error instanceof ConfigError) throw new HttpError(409, error.message);
        throw error;
      }
    },
    'GET /api/download': async (_request, response, query) => {
      const path = statementPath(query.get('file'));
      const format = query.get('format') === 'docx' ? 'docx' : 'pdf';
      const copy = query.get('copy') === 'speaker' ? 'speaker' : 'handout';
      const run = building.then(() =>
        build({ project: inventory.current, files: [path], to: [format], copies: [copy], rebuild: true }),
      );
      building = run.catch(() => undefined);
      const result = await run;
      const statement = result.statements[0];
      const suffix = `${copy === 'speaker' ? '.speaker' : ''}.${format}`;
      const written = statement?.written.find((file) => file.endsWith(suffix));
      if (!statement || written === undefined) {
        const reasons = statement?.messages.filter((message) => message.fatal).map((message) => message.reason) ?? [];
        throw new HttpError(
          409,
          statement?.status === 'skipped'
            ? `The statement has errors, so \`alliance build\` skips it: ${reasons.slice(0, 3).join('; ')}`
            : `The handout could not be built: ${reasons.slice(0, 3).join('; ') || 'see `alliance build`'}`,
        );
      }
      const bytes = readFileSync(`${result.outDir}/${written}`);
      sendBytes(
        response,
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes,
        { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(basename(written))}` },
      );
    },
    'GET /api/events': (_request, response) => {
      hub.add(response);
    },
  };

  /** Serves one request; whatever it throws is answered by `fail`. */
  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const admission = admit(request, host, token);
    if (!admission.ok) {
      request.resume();
      response.writeHead(admission.status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`${admission.reason}\n`);
      return;
    }
    const url = requestUrl(admission.path);
    const asset =
      request.method === 'GET' && url.pathname !== '/assets/index.html' ? assets.get(url.pathname) : undefined;
    if (asset) {
      sendBytes(response, asset.type, asset.bytes);
      return;
    }
    const key = `${request.method} ${url.pathname}`;
    const route = Object.hasOwn(routes, key) ? routes[key] : undefined;
    if (!route) throw new HttpError(404, `Expected a page of the preview, found \`${printable(url.pathname)}\``);
    await route(request, response, url.searchParams);
  };

  /** Answers a request that failed: its refusal (4xx), or 500, logged; the server goes on. */
  const fail = (request: IncomingMessage, response: ServerResponse, error: unknown): void => {
    if (!(error instanceof HttpError))
      options.onRequestError?.(
        `${request.method} ${printable(String(request.url).slice(0, 200))}: ${(error as Error)?.stack ?? String(error)}`,
      );
    // A body not read yet is read and dropped, so that the answer reaches the client before the socket closes.
    request.resume();
    try {
      if (response.headersSent) response.end();
      else if (error instanceof HttpError) sendJson(response, error.status, { error: error.message });
      else sendJson(response, 500, { error: `Internal error: ${(error as Error)?.message ?? String(error)}` });
    } catch {
      response.destroy();
    }
  };

  const server: Server = createServer((request, response) => {
    // No request, however malformed, ends the server: every failure is an answer.
    serve(request, response).catch((error: unknown) => fail(request, response, error));
  });
  // A client that sends bytes no HTTP parser reads gets a 400 and is closed; the server goes on.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new UsageError(
              `Expected a free port, found port \`${options.port}\` in use (leave out \`--port\` for a free one)`,
            )
          : error,
      ),
    );
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  host = `${HOST}:${port}`;

  const abort = new AbortController();
  let ready: () => void = () => undefined;
  const watchReady = new Promise<void>((resolve) => (ready = resolve));
  const watching = watch({
    project,
    patterns: options.patterns ?? [],
    files: inventory.paths(),
    signal: abort.signal,
    onError: (error) => {
      hub.send('problem', { error: error.message });
      options.onError?.(error);
    },
    onReady: () => ready(),
    onRemove: (files) => {
      void inventory
        .update([])
        .then(() => hub.send('change', { files: files.map((file) => inventory.name(file)), project: false }))
        .catch((error: Error) => hub.send('problem', { error: error.message }));
    },
    onChange: async (files, next: Project) => {
      const projectChanged = next !== inventory.current;
      if (projectChanged) await inventory.refresh(next);
      else await inventory.update(files);
      hub.send('change', { files: files.map((file) => inventory.name(file)), project: projectChanged });
    },
  });
  // Saves from the moment the address is printed are seen.
  await Promise.race([watchReady, watching]);

  return {
    url: `http://${host}/${token}/`,
    port,
    statements: inventory.paths().length,
    async close() {
      abort.abort();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await watching.catch(() => undefined);
    },
  };
}
