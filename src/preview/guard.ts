/**
 * Who may use the preview: the one person on this machine who has the printed address. A request must
 * name the printed host (a page of another site that rebinds its name to 127.0.0.1 sends its own),
 * carry the random token as the first part of its path, and, to write, come from the page itself
 * (its `Origin`). Every answer carries a Content Security Policy that loads nothing but the tool's own
 * scripts, styles and fonts.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A token that cannot be guessed: 128 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The policy of every answer: scripts, styles, fonts and connections from the page's own origin only.
 * The page's shell adds a nonce for the editor's own style elements (CodeMirror writes its theme so).
 */
export function contentSecurityPolicy(styleNonce?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    styleNonce === undefined ? "style-src 'self'" : `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers on every answer. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Why a request is refused (status and reason), or the path after the token when it may go on. */
export type Admission = { ok: true; path: string } | { ok: false; status: number; reason: string };

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Decides whether a request may be served: host, token, and for writes the origin. */
export function admit(request: IncomingMessage, host: string, token: string): Admission {
  if (request.headers.host !== host) return { ok: false, status: 421, reason: `Expected the host \`${host}\`` };
  const url = request.url ?? '/';
  const prefix = `/${token}`;
  const head = url.slice(0, prefix.length);
  const next = url[prefix.length];
  if (!sameText(head, prefix) || (next !== undefined && next !== '/' && next !== '?'))
    return { ok: false, status: 403, reason: 'Expected the address the preview printed, with its token' };
  const method = request.method ?? 'GET';
  if (WRITES.has(method)) {
    if (request.headers.origin !== `http://${host}`)
      return { ok: false, status: 403, reason: 'Expected a write from the preview page itself' };
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin')
      return { ok: false, status: 403, reason: 'Expected a write from the preview page itself' };
  }
  const rest = url.slice(prefix.length);
  return { ok: true, path: rest === '' || rest.startsWith('?') ? `/${rest}` : rest };
}
