import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * DNS-rebinding guard. The playground listens on 127.0.0.1 only, but a web page in a browser can
 * still reach it through a hostile DNS name or a cross-site request; both show up as a Host or
 * Origin that is not a loopback name, and such requests are refused.
 */
export function isLoopbackRequest(req: IncomingMessage): boolean {
  const host = req.headers.host;
  if (!host || !isLoopbackHost(host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return isLoopbackHost(new URL(origin).host);
  } catch {
    return false;
  }
}

function isLoopbackHost(hostWithPort: string): boolean {
  const hostname = hostWithPort.replace(/:\d+$/, '').toLowerCase();
  return LOOPBACK_NAMES.has(hostname) || hostname.endsWith('.localhost');
}
