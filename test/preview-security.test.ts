/**
 * The preview serves one person on their own machine while their browser visits other sites: each
 * request must name the printed host, carry the token, and (to write) come from the page; no path
 * reaches a file that is not a statement of the project; every answer carries the policy.
 */
import { request as httpRequest } from 'node:http';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../src/preview/index.js';
import { GOOD, tempProject } from './helpers/statements.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request, with exactly the headers given (a browser's, or an attacker's). */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, setHost: false },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', fail);
    request.end(options.body);
  });
}

describe('the preview server', () => {
  let project: string;
  let server: PreviewServer;
  let host: string;
  let token: string;
  let origin: string;
  const get = (path: string, headers: Record<string, string> = {}) =>
    send(server.port, path, { headers: { Host: host, ...headers } });
  const write = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    send(server.port, path, {
      method,
      headers: { Host: host, Origin: origin, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    project = tempProject({
      'alliance.config.yaml': 'organization: Alliance of NGOs\n',
      'statements/a.md': GOOD,
      'notes/private.md': GOOD.replace('Thank you.', 'A private note.'),
    });
    symlinkSync('/etc/passwd', join(project, 'statements/passwd.md'));
    server = await startPreview({ cwd: project, config: undefined });
    const url = new URL(server.url);
    host = url.host;
    token = url.pathname.split('/')[1]!;
    origin = `http://${host}`;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('listens on the loopback address only, at an address with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{22}\/$/);
    expect(server.statements).toBe(1);
  });

  it('serves the page and the API with the token and the printed host, with its policy', async () => {
    const page = await get(`/${token}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="assets/app.js">');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toMatch(/style-src 'self' 'nonce-[\w-]+'/);
    const api = await get(`/${token}/api/inventory`);
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body).statements.map((entry: { file: string }) => entry.file)).toEqual(['statements/a.md']);
    expect(api.headers['content-security-policy']).toContain("default-src 'none'");
    expect(api.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    for (const foreign of ['evil.example', `evil.example:${server.port}`, `localhost:${server.port}`, '127.0.0.1']) {
      const answer = await send(server.port, `/${token}/api/inventory`, { headers: { Host: foreign } });
      expect(answer.status, foreign).toBe(421);
      expect(answer.body).not.toContain('statements/a.md');
    }
  });

  it('refuses a request without the token, with another, or with one that only starts like it', async () => {
    for (const path of [
      '/',
      '/api/inventory',
      '/assets/app.js',
      `/${token.slice(0, -1)}/api/inventory`,
      `/${token}x/api/inventory`,
      `/x${token}/api/inventory`,
      `/api/inventory?token=${token}`,
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(403);
      expect(answer.body).not.toContain('statements/a.md');
    }
  });

  it('refuses writes whose Origin is not its own (cross-site requests)', async () => {
    const text = readFileSync(join(project, 'statements/a.md'), 'utf8');
    const hash = JSON.parse((await get(`/${token}/api/statement?file=statements%2Fa.md`)).body).hash as string;
    const body = { file: 'statements/a.md', text: 'hacked', hash };
    for (const headers of [
      { Origin: 'http://evil.example' } as Record<string, string>,
      { Origin: `http://localhost:${server.port}` },
      { Origin: 'null' },
      { Origin: origin, 'Sec-Fetch-Site': 'cross-site' },
    ]) {
      expect((await write('PUT', `/${token}/api/statement`, body, headers)).status, JSON.stringify(headers)).toBe(403);
    }
    const noOrigin = await send(server.port, `/${token}/api/statement`, {
      method: 'PUT',
      headers: { Host: host, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(noOrigin.status).toBe(403);
    const pace = await write(
      'POST',
      `/${token}/api/pace`,
      { speaker: 'Ana Pérez', language: 'en', pace: 100 },
      {
        Origin: 'http://evil.example',
      },
    );
    expect(pace.status).toBe(403);
    expect(readFileSync(join(project, 'statements/a.md'), 'utf8')).toBe(text);
    expect(readFileSync(join(project, 'alliance.config.yaml'), 'utf8')).toBe('organization: Alliance of NGOs\n');
  });

  it('serves no file that is not a statement of the project: paths, encoded dots, links', async () => {
    for (const file of [
      '../alliance.config.yaml',
      'alliance.config.yaml',
      'notes/private.md',
      '/etc/passwd',
      `${project}/statements/a.md`,
      'statements/../notes/private.md',
      'statements/passwd.md',
      'statements/%2e%2e/notes/private.md',
    ]) {
      const answer = await get(`/${token}/api/statement?file=${encodeURIComponent(file)}`);
      expect(answer.status, file).toBe(404);
      expect(answer.body).not.toContain('root:');
      expect(answer.body).not.toContain('private note');
    }
    for (const path of [
      `/${token}/assets/../alliance.config.yaml`,
      `/${token}/assets/%2e%2e/%2e%2e/alliance.config.yaml`,
      `/${token}/assets/..%2f..%2fpackage.json`,
      `/${token}/../${token}/assets/fonts/../../../package.json`,
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('organization');
    }
    const download = await get(`/${token}/api/download?file=${encodeURIComponent('notes/private.md')}&format=pdf`);
    expect(download.status).toBe(404);
  });

  it('writes only the statement opened, and not over a change on disk', async () => {
    const escape = await write('PUT', `/${token}/api/statement`, { file: 'notes/private.md', text: 'x', hash: 'x' });
    expect(escape.status).toBe(404);
    const stale = await write('PUT', `/${token}/api/statement`, { file: 'statements/a.md', text: 'x', hash: 'stale' });
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body)).toMatchObject({ saved: false, reason: 'changed' });
    expect(readFileSync(join(project, 'statements/a.md'), 'utf8')).toBe(GOOD);
    const view = JSON.parse((await get(`/${token}/api/statement?file=statements%2Fa.md`)).body) as { hash: string };
    const saved = await write('PUT', `/${token}/api/statement`, {
      file: 'statements/a.md',
      text: GOOD.replace('Thank you.', 'Thank you very much.'),
      hash: view.hash,
    });
    expect(saved.status).toBe(200);
    expect(readFileSync(join(project, 'statements/a.md'), 'utf8')).toContain('Thank you very much.');
    writeFileSync(join(project, 'statements/a.md'), GOOD);
  });

  it('refuses a body that is not JSON, too large, or a pace that is no pace', async () => {
    const notJson = await send(server.port, `/${token}/api/inspect`, {
      method: 'POST',
      headers: { Host: host, Origin: origin, 'Content-Type': 'application/json' },
      body: '{"file": ',
    });
    expect(notJson.status).toBe(400);
    const large = await write('POST', `/${token}/api/inspect`, {
      file: 'statements/a.md',
      text: 'x'.repeat(2_000_000),
    });
    expect(large.status).toBe(413);
    for (const pace of [0, -5, 100_000]) {
      const answer = await write('POST', `/${token}/api/pace`, { speaker: 'Ana Pérez', language: 'en', pace });
      expect(answer.status, String(pace)).toBe(400);
      expect(JSON.parse(answer.body).error).toMatch(/Expected `pace`/);
    }
    expect(readFileSync(join(project, 'alliance.config.yaml'), 'utf8')).toBe('organization: Alliance of NGOs\n');
  });

  it('leaves a config that cannot take a speaker entry as it is, and says why', async () => {
    const config = join(project, 'alliance.config.yaml');
    writeFileSync(config, 'organization: Alliance of NGOs\nspeakers: [not, a, mapping]\n');
    const answer = await write('POST', `/${token}/api/pace`, { speaker: 'Ana Pérez', language: 'en', pace: 100 });
    expect(answer.status).toBe(409);
    expect(JSON.parse(answer.body).error).toMatch(/speakers/);
    expect(readFileSync(config, 'utf8')).toBe('organization: Alliance of NGOs\nspeakers: [not, a, mapping]\n');
    writeFileSync(config, 'organization: Alliance of NGOs\n');
  });

  it('bounds what it inspects as the file is: a hostile text being edited is a message, not a hang', async () => {
    const answer = await write('POST', `/${token}/api/inspect`, {
      file: 'statements/a.md',
      text: `${GOOD}\n${'*a '.repeat(20_000)}\n`,
    });
    expect(answer.status).toBe(200);
    const view = JSON.parse(answer.body) as { messages: { ruleId: string }[] };
    expect(view.messages.map((message) => message.ruleId)).toContain('markdown');
  });
});
