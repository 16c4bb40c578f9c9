/** Small pieces of HTTP the preview's routes share: bounded bodies, JSON answers, refusals. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './guard.js';

/** The largest body a page sends: a statement is at most 64 KB; this leaves room for JSON escapes. */
const MAX_BODY_BYTES = 1024 * 1024;

/** A request the page got wrong: answered with its status and reason. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON body, refusing one over the bound or not JSON. */
export async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
    throw new HttpError(415, 'Expected a JSON body');
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    request.resume();
    throw new HttpError(413, `Expected a body under ${MAX_BODY_BYTES} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Past the bound the rest is read and dropped, so that the answer reaches the page.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) throw new HttpError(413, `Expected a body under ${MAX_BODY_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'Expected a JSON body, found text that is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpError(400, 'Expected a JSON object');
  return value as Record<string, unknown>;
}

/** A text field of a body, or a 400. */
export function textField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new HttpError(400, `Expected \`${name}\` to be text`);
  return value;
}

/** Answers with `data` as JSON. */
export function sendJson(response: ServerResponse, status: number, data: unknown): void {
  const body = JSON.stringify(data);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** Answers with bytes of a type. */
export function sendBytes(
  response: ServerResponse,
  type: string,
  bytes: Uint8Array | string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength,
    ...headers,
  });
  response.end(bytes);
}
