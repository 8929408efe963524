import type { TransportChoice } from '../../../shared/model/connection';
import { PORT_RANGE_HINT, unreachablePort } from '../../../shared/model/endpoint-port';
import type { ErrorFix } from '../../../shared/model/error-info';
import { maskUrlPasswords } from '../../../shared/model/url-userinfo';
import { PeriscopeError } from './periscope-error';
import { FIX, transportFix } from './fixes';

const HTTP_SCHEMES = ['http:', 'https:'];
const WS_SCHEMES = ['ws:', 'wss:'];

/**
 * Checks a user-typed endpoint URL against the chosen transport and explains exactly what is
 * wrong (the browser-grade URL parser alone says only "Invalid URL").
 */
export function parseEndpointUrl(raw: string, transport: TransportChoice): URL {
  const text = raw.trim();
  // Messages, hints and the detail quote what was typed: never with a password in it.
  const fail = (message: string, hint: string, fixes: ErrorFix[] = [FIX.url]): never => {
    throw new PeriscopeError({ kind: 'invalid-url', message: maskUrlPasswords(message), hint: maskUrlPasswords(hint), fixes, detail: { url: maskUrlPasswords(raw), transport } });
  };

  if (transport === 'stdio') fail('The stdio transport takes a command, not a URL', 'give the command that starts the local server, and its arguments', [FIX.command]);
  if (text === '') fail('No URL given', 'give the server endpoint, e.g. https://example.com/mcp');

  const space = text.search(/\s/);
  if (space >= 0) {
    fail(`The URL contains a space at position ${space + 1}: "${text}"`, 'remove the space, or encode it as %20 if it belongs in the path');
  }

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  const looksHostPort = scheme !== undefined && /^[a-z0-9.-]+:\d+/i.test(text);
  if (scheme && !looksHostPort && /^[a-z]+:(?!\/\/)/i.test(text) && ['http', 'https', 'ws', 'wss'].includes(scheme)) {
    fail(`The URL "${text}" is missing "//" after "${scheme}:"`, `write it as ${scheme}://${text.slice(scheme.length + 1).replace(/^\/*/, '')}`);
  }
  if (!scheme || looksHostPort || !text.includes('//')) {
    fail(`The URL "${text}" has no scheme (http://, https://, ws:// or wss://)`, `write it in full, e.g. http://${text.replace(/^\/+/, '')}`);
  }
  const protocol = `${scheme}:`;
  if (!HTTP_SCHEMES.includes(protocol) && !WS_SCHEMES.includes(protocol)) {
    fail(`Unsupported URL scheme "${scheme}://" in "${text}"`, 'MCP endpoints use http://, https://, ws:// or wss://');
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/(\/|$|[?#])/i.test(text)) {
    fail(`The URL "${text}" has no host name`, 'put the host between :// and the path, e.g. https://example.com/mcp');
  }

  const port = unreachablePort(text);
  const outOfRange = (): never => fail(`The port ${port} in "${text}" is out of range`, PORT_RANGE_HINT);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    if (port !== undefined) outOfRange();
    return fail(`"${text}" is not a valid URL`, 'check for stray characters; a valid endpoint looks like https://example.com/mcp');
  }

  if (HTTP_SCHEMES.includes(url.protocol) && (url.username || url.password)) {
    // fetch refuses such a URL outright; say so without repeating the password.
    const bare = `${url.protocol}//${url.host}${url.pathname}`;
    fail(
      `The URL ${bare} carries a user name or password before the host (user:password then @), which HTTP clients do not send`,
      'remove them from the URL and send them in a header instead: Authorization: Basic <base64 of user:password>',
      [FIX.url, FIX.headers],
    );
  }
  // Port 0 parses, and only fails at connect time as "refused": say it here, as for 65536.
  if (port !== undefined) outOfRange();
  if (transport === 'websocket' && !WS_SCHEMES.includes(url.protocol)) {
    fail(
      `The websocket transport needs a ws:// or wss:// URL, got ${url.protocol}//`,
      `use ${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}${url.pathname}, or pick the Streamable HTTP or SSE transport for an HTTP URL`,
      [FIX.url, transportFix('streamable')],
    );
  }
  if ((transport === 'streamable' || transport === 'sse') && !HTTP_SCHEMES.includes(url.protocol)) {
    fail(
      `The ${transport} transport needs an http:// or https:// URL, got ${url.protocol}//`,
      'use the WebSocket transport for a ws:// URL, or change the URL to http(s)://',
      [transportFix('websocket'), FIX.url],
    );
  }
  return url;
}
