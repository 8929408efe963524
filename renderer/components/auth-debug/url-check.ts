import { checkEndpointUrl } from '../../../shared/model/remote-rules';

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

