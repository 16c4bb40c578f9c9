/**
 * No request ends the preview: malformed paths (`//[`, `//a:b`, `//%/`), random paths, methods,
 * headers and bodies, with the token and the printed host, each get an answer, and the server answers
 * the next request as before. A save larger than a statement may be is refused, not written.
 */
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../src/preview/index.js';
import './helpers/seed.js';
import { GOOD, tempProject } from './helpers/statements.js';

/** One raw HTTP request as bytes on a socket: the answer's status line, or `closed` when the server closed it. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => done(answer.split('\r\n')[0] || 'closed'));
    socket.on('error', () => done('closed'));
  });
}

describe('the preview server, sent what no page sends', () => {
  let project: string;
  let server: PreviewServer;
  let host: string;
  let token: string;
  const failures: string[] = [];

  const request = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<number>((done, fail) => {
      const sent = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path,
          method,
          headers: { Host: host, ...headers },
          setHost: false,
          // A socket of its own for each: a kept-alive one the server has timed out would be the client's failure.
          agent: false,
        },
        (response) => {
          response.resume();
          response.on('end', () => done(response.statusCode ?? 0));
        },
      );
      sent.on('error', fail);
      sent.end(body);
    });
  const alive = async () => expect(await request('GET', `/${token}/api/inventory`, {})).toBe(200);

  beforeAll(async () => {
    project = tempProject({ 'alliance.config.yaml': 'organization: Alliance of NGOs\n', 'statements/a.md': GOOD });
    server = await startPreview({ cwd: project, onRequestError: (line) => failures.push(line) });
    const url = new URL(server.url);
    host = url.host;
    token = url.pathname.split('/')[1]!;
  });

  afterAll(async () => {
    await server?.close();
  });

  it.each(['//[', '//a:b', '//%/', '//:99999/x', '/%', '/..%2f..%2fetc', '/\\\\x', '//'])(
    'answers `/TOKEN%s` with a refusal and stays up',
    async (path) => {
      const answer = await raw(
        server.port,
        `GET /${token}${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
      await alive();
    },
  );

  it('answers random requests with the token, every one, and stays up', async () => {
    const paths = [
      '/',
      '/api/statement',
      '/api/inspect',
      '/api/download',
      '/api/pace',
      '/api/events',
      '/assets/app.js',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
        fc.constantFrom(...paths),
        fc.string({ maxLength: 40 }),
        fc.constantFrom('', 'application/json', 'text/plain', 'application/json; charset=x'),
        fc.oneof(fc.string({ maxLength: 200 }), fc.json(), fc.constant('{"file":"statements/a.md","text":5}')),
        async (method, path, suffix, type, body) => {
          // Events stream forever: asked for with GET, they are not part of this.
          if (path === '/api/events' && method === 'GET') return;
          const query = encodeURI(suffix).replace(/#/g, '%23');
          const status = await request(
            method,
            `/${token}${path}?${query}`,
            { Origin: `http://${host}`, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) },
            method === 'GET' || method === 'HEAD' ? undefined : body,
          );
          expect(status).toBeGreaterThanOrEqual(200);
          expect(status).toBeLessThan(600);
        },
      ),
      { numRuns: 300 },
    );
    await alive();
    // Nothing the server failed at without a reason of its own (each would be logged as a 500).
    expect(failures).toEqual([]);
  });

  it('refuses bytes no HTTP parser reads, and stays up', async () => {
    expect(await raw(server.port, 'GET /\x00\x01 HTTP/9\r\n\r\n')).toMatch(/^HTTP\/1\.1 400|closed/);
    expect(await raw(server.port, '\x16\x03\x01 not http at all\r\n\r\n')).toMatch(/^HTTP\/1\.1 400|closed/);
    await alive();
  });

  it('refuses to save a statement past the bound on a statement’s size, and writes nothing', async () => {
    const inventory = await new Promise<string>((done) => {
      httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/${token}/api/statement?file=statements/a.md`,
          headers: { Host: host },
          setHost: false,
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => done(body));
        },
      ).end();
    });
    const { hash } = JSON.parse(inventory) as { hash: string };
    const text = `${GOOD}\n${'A long paragraph of many words. '.repeat(28_000)}\n`;
    const status = await request(
      'PUT',
      `/${token}/api/statement`,
      { Origin: `http://${host}`, 'Content-Type': 'application/json' },
      JSON.stringify({ file: 'statements/a.md', text, hash }),
    );
    expect(status).toBe(409);
    expect(readFileSync(join(project, 'statements/a.md'), 'utf8')).toBe(GOOD);
  });
});
