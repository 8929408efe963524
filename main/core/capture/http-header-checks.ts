import { isObject, nameOf } from './envelope';

const PROTOCOL_VERSION_META = 'io.modelcontextprotocol/protocolVersion';
const SENTINEL_PREFIX = '=?base64?';
const SENTINEL_SUFFIX = '?=';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const FIRST_MODERN_REVISION = '2026-07-28';

/**
 * Checks of the 2026-07-28 Streamable HTTP standard headers against the JSON-RPC body they
 * mirror, for the trace: `MCP-Protocol-Version` vs the envelope's protocol version, `Mcp-Method`
 * vs `method`, `Mcp-Name` vs `params.name`/`params.uri`, each `Mcp-Param-*` vs a value of the
 * call's arguments (values may be `=?base64?…?=` encoded); and on the answer, an `Mcp-Session-Id`
 * handed out on a modern request (sessions do not exist in that era).
 * Source: MCP specification 2026-07-28, "Transports › Streamable HTTP › Standard headers"
 * (SEP-2243). A server answers a mismatch with HTTP 400 and JSON-RPC error -32020.
 *
 * `body`: the request body's text, or the message it carries when the caller already has it
 * (the traced transport's object: no second parse on the hot path).
 * Returns plain-words warnings (empty when all agree). Values are quoted as sent; the caller
 * redacts the text before storing it.
 */
export function requestHeaderWarnings(headers: Headers, body: string | { message: unknown } | undefined): string[] {
  const mirrored = mirroredHeaders(headers);
  // 2025-era requests carry none of these headers: skip parsing their bodies on the hot path.
  if (!mirrored) return [];
  const request = typeof body === 'object' ? (isObject(body.message) ? body.message : undefined) : parseBody(body);
  return request ? compareWithBody(mirrored, request) : [];
}

/** The headers that mirror the body, read in one pass over the request's headers (names come lower-cased). */
interface MirroredHeaders {
  method?: string;
  name?: string;
  version?: string;
  params?: Array<[string, string]>;
}

/** The mirroring headers the request has, or undefined when it has none (a 2025-era request). */
function mirroredHeaders(headers: Headers): MirroredHeaders | undefined {
  let found: MirroredHeaders | undefined;
  for (const [header, value] of headers) {
    if (!header.startsWith('mcp-')) continue;
    if (header === 'mcp-method') (found ??= {}).method = value;
    else if (header === 'mcp-name') (found ??= {}).name = value;
    else if (header === 'mcp-protocol-version') (found ??= {}).version = value;
    else if (header.startsWith('mcp-param-')) ((found ??= {}).params ??= []).push([header, value]);
  }
  // The version alone is sent in the 2025 era too: it mirrors nothing there.
  return found && (found.method !== undefined || found.name !== undefined || found.params !== undefined) ? found : undefined;
}

function compareWithBody(headers: MirroredHeaders, body: Record<string, unknown>): string[] {
  if (typeof body.method !== 'string') return [];
  const warnings: string[] = [];
  const { method, name, version } = headers;
  if (method !== undefined && method !== body.method) warnings.push(`Mcp-Method says "${method}" but the body's method is "${body.method}"`);
  const bodyName = nameOf(body);
  if (name !== undefined && bodyName !== undefined && decode(name) !== bodyName) warnings.push(`Mcp-Name says "${name}" but the body names "${bodyName}"`);
  const claimed = isObject(body.params) && isObject(body.params._meta) ? body.params._meta[PROTOCOL_VERSION_META] : undefined;
  if (version !== undefined && typeof claimed === 'string' && version !== claimed) {
    warnings.push(`MCP-Protocol-Version says ${version} but the request's _meta claims ${claimed}`);
  }
  if (!headers.params) return warnings;
  const args = isObject(body.params) ? body.params.arguments : undefined;
  const leaves = primitiveLeaves(args);
  for (const [header, raw] of headers.params) {
    const value = decode(raw);
    if (value === undefined) warnings.push(`${header} is not a valid =?base64?…?= value`);
    else if (!leaves.has(value)) warnings.push(`${header} carries "${value}", which matches no value of the call's arguments`);
  }
  return warnings;
}

/** How the warning about a session id on a modern answer starts (the connection looks for it). */
export const SESSION_ID_ON_MODERN = 'The server sent Mcp-Session-Id on a ';

/** A modern request answered with a session id: the server behaves like a 2025-era server. */
export function responseHeaderWarnings(version: string | undefined, responseHeaders: Headers): string[] {
  if (!version || version < FIRST_MODERN_REVISION) return [];
  if (!responseHeaders.has('mcp-session-id')) return [];
  return [`${SESSION_ID_ON_MODERN}${version} request: sessions do not exist in the 2026-07-28 protocol, so this server behaves like a 2025-era one. Periscope does not send the id back; if the server's answers look wrong, set the protocol era to legacy`];
}

function parseBody(text: string | undefined): Record<string, unknown> | undefined {
  // Only small bodies: this runs on the hot path, and header-mirrored bodies are requests.
  if (!text || text.length > 256 * 1024 || text[0] !== '{') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A header value as sent, or the UTF-8 text inside a `=?base64?…?=` sentinel; undefined when malformed. */
function decode(value: string): string | undefined {
  if (!value.startsWith(SENTINEL_PREFIX) || !value.endsWith(SENTINEL_SUFFIX) || value.length < SENTINEL_PREFIX.length + SENTINEL_SUFFIX.length) return value;
  const encoded = value.slice(SENTINEL_PREFIX.length, -SENTINEL_SUFFIX.length);
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(encoded, 'base64'));
  } catch {
    return undefined;
  }
}

/** Every string, number and boolean inside the arguments, as the header would carry it. */
function primitiveLeaves(value: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 32) return out;
  if (typeof value === 'string') out.add(value);
  else if (typeof value === 'number' || typeof value === 'boolean') out.add(String(value));
  else if (Array.isArray(value)) for (const item of value) primitiveLeaves(item, out, depth + 1);
  else if (isObject(value)) for (const item of Object.values(value)) primitiveLeaves(item, out, depth + 1);
  return out;
}
