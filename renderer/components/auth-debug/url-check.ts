import { checkEndpointUrl } from '../../../shared/model/remote-rules';
import type { Remote } from '../../../shared/model/remote';

/** A scheme written out ("ftp://", "ws://"), as opposed to a URL typed without one. */
const WRITTEN_SCHEME = /^\s*([a-z][a-z0-9+.-]*:)\/\//i;

/** How main says it (main/core/service/auth-debug-handlers.ts), so the words are the same before Start and after. */
const HTTP_ONLY = 'The auth debugger works with HTTP servers (Streamable HTTP or SSE)';

/**
 * What is wrong with a URL for the auth debugger, in the remote editor's words (no scheme: a
 * suggestion; spaces; no host; a port out of range), or undefined when it will do. OAuth for MCP
 * is defined for HTTP servers (MCP Authorization, "Protocol Requirements": HTTP-based
 * transports), so a ws:// or any other scheme is refused with that said.
 */
export function checkAuthDebugUrl(raw: string): string | undefined {
  const scheme = WRITTEN_SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http:' && scheme !== 'https:') {
    return `${HTTP_ONLY}: use http:// or https://, not ${scheme}//`;
  }
  // Streamable HTTP takes exactly http and https, and its suggestion for a URL without a scheme
  // is the one wanted here (http:// for this computer, https:// elsewhere).
  return checkEndpointUrl(raw, 'streamable');
}

/**
 * Why a saved remote cannot be debugged, said before Start is pressed, or undefined when it can
 * (as far as the window knows it: main checks again on Start). Main refuses a stdio or WebSocket
 * remote, or one without an http(s) URL; a remote set to auto-detect with a ws:// URL is a
 * WebSocket one too.
 */
export function checkAuthDebugRemote(remote: Pick<Remote, 'transport' | 'url'>): string | undefined {
  const url = remote.url?.trim();
  if (remote.transport === 'stdio') return `${HTTP_ONLY}: this remote runs a local process (stdio), which has no URL to authorize.`;
  if (remote.transport === 'websocket' || /^wss?:/i.test(url ?? '')) return `${HTTP_ONLY}: this remote uses WebSocket${url ? ` (${url})` : ''}.`;
  if (!url || !/^https?:\/\//i.test(url)) return `${HTTP_ONLY}: this remote has no http(s) URL.`;
  return undefined;
}
