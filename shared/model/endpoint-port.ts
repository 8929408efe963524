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
