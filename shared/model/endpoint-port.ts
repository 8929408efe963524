/** Ports a client can connect to (RFC 6335 section 6: port 0 is reserved, 65535 is the last). */
export const PORT_RANGE_HINT = 'ports go from 1 to 65535';

/** A port written after the host: the last `:digits` of the authority (after any user:password@ or [IPv6]). */
const WRITTEN_PORT = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:(\d+)(?=[/?#]|$)/i;

/**
 * The port written in an endpoint URL when no server can be reached on it, as typed: 0, which
 * the URL parser keeps ("http://host:0/mcp", "http://host:00/mcp"), or one above 65535, which it
 * refuses with a bare "Invalid URL". Undefined when the URL names no port or a usable one.
 * The one rule for every URL check (connections, saved remotes, a group's instances).
 */
export function unreachablePort(text: string): string | undefined {
  const port = WRITTEN_PORT.exec(text.trim())?.[1];
  if (port === undefined) return undefined;
  const n = Number(port);
  return n === 0 || n > 65535 ? port : undefined;
}

/**
 * The Fetch standard's blocked ports ("bad ports": Fetch, section "port blocking"), as undici,
 * the HTTP client of Node's fetch, refuses them before connecting. test/unit/model checks the
 * list against undici's own.
 */
export const FETCH_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137,
  139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723,
  2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Said of a blocked port, as the app says it when a connection is refused for one (main/core/diagnostics/blocked-port.ts). */
export const BLOCKED_PORT_HINT = 'run the server on another port (for example 3000 or 8080)';

/**
 * The port of an http:// or https:// URL (parsed) when HTTP clients refuse to connect to it
 * (FETCH_BLOCKED_PORTS), as a string; undefined for any other port or scheme (a WebSocket
 * client does not block ports).
 */
export function fetchBlockedPort(url: URL): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.port !== '' && FETCH_BLOCKED_PORTS.has(Number(url.port)) ? url.port : undefined;
}
