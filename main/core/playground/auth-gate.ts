import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { PLAYGROUND_REALM, type PlaygroundOptions } from './playground-options';

/** Why a request was refused, in words a user can act on; undefined when it may pass. */
export function authFailure(headers: IncomingHttpHeaders, opts: Pick<PlaygroundOptions, 'requireBearer' | 'requireHeader'>): string | undefined {
  if (opts.requireBearer !== undefined) {
    const authorization = single(headers.authorization);
    if (!authorization) return 'missing Authorization header; send Authorization: Bearer <token>';
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (!match) return 'the Authorization header is not a Bearer token';
    if (match[1] !== opts.requireBearer) return 'the bearer token is not valid';
  }
  if (opts.requireHeader) {
    const value = single(headers[opts.requireHeader.name.toLowerCase()]);
    if (value === undefined) return `missing required header ${opts.requireHeader.name}`;
    if (value !== opts.requireHeader.value) return `header ${opts.requireHeader.name} does not have the expected value`;
  }
  return undefined;
}

export function wwwAuthenticateValue(description: string): string {
  // Quotes and backslashes are not allowed unescaped inside a quoted-string (RFC 9110).
  const safe = description.replace(/["\\]/g, "'");
  return `Bearer realm="${PLAYGROUND_REALM}", error="invalid_token", error_description="${safe}"`;
}

function unauthorizedBody(description: string): string {
  return JSON.stringify({ error: 'invalid_token', error_description: description });
}

export function writeUnauthorized(res: ServerResponse, description: string): void {
  const body = unauthorizedBody(description);
  res.writeHead(401, {
    'WWW-Authenticate': wwwAuthenticateValue(description),
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** The same 401, written raw on a socket whose WebSocket upgrade we refuse. */
export function rejectUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404, description: string): void {
  const body = status === 401 ? unauthorizedBody(description) : JSON.stringify({ error: description });
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  const lines = [
    `HTTP/1.1 ${status} ${reason}`,
    ...(status === 401 ? [`WWW-Authenticate: ${wwwAuthenticateValue(description)}`] : []),
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
