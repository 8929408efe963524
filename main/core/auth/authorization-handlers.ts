
/** How the authorization URL reaches the resource owner (the `--authorize` flag). */
export type AuthorizeMode = 'browser' | 'print' | 'follow';

/**
 * Hands the authorization URL to whoever opens it, in place of `AuthorizeMode` (the desktop app
 * injects one calling the system browser; its end-to-end tests one that follows the redirects).
 * Resolves once the URL is handed over; the code arrives at the loopback listener.
 */
export type AuthorizationOpener = (url: URL, ctx: AuthorizationHandlerContext) => Promise<void>;

export interface AuthorizationHandlerContext {
  /** Where messages for the user go (the CLI: stderr). Never given a secret. */
  note(line: string): void;
  /** The connection's recording fetch: `follow` hops are in the trace like every exchange. */
  fetch: typeof fetch;
  /** The loopback redirect URI: `follow` stops following there and delivers the response to it. */
  redirectUri: string;
}

/**
 * Sends the user agent to the authorization endpoint (OAuth 2.1 section 4.1.1):
 * - `browser`: the system opener (open, xdg-open, start) with the URL as its one argument;
 * - `print`: the URL on stderr, for the user to open anywhere that can reach the loopback;
 * - `follow`: fetches the URL and follows its redirects (at most 10) until one points at the
 *   loopback redirect URI, then delivers it there; for authorization servers that approve
 *   without a login page (test servers, pre-approved clients).
 * Resolves once the URL is handed over; the code arrives at the loopback listener.
 * Errors: `follow` rejects when a hop fails or the chain ends elsewhere (with the status).
 */
export async function sendToAuthorization(mode: AuthorizeMode | AuthorizationOpener, url: URL, ctx: AuthorizationHandlerContext): Promise<void> {
  if (typeof mode === 'function') return mode(url, ctx);
  if (mode === 'follow') return followAuthorizationUrl(url, ctx);
  ctx.note(`authorize: open this URL to authorize MCP Periscope:\n  ${url.href}`);
  if (mode === 'browser') {
    const [command, args] = systemOpener(url.href);
    const { spawn } = await import('node:child_process');
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => ctx.note('authorize: could not start the system browser; open the URL above yourself.'));
    child.unref();
  }
  ctx.note('authorize: waiting for the authorization server to redirect back to this computer...');
}

/**
 * `follow`: fetches the authorization URL with the connection's recording fetch and follows its
 * redirects (at most 10, cookies kept per origin for this one authorization) until one points at
 * the loopback redirect URI, then delivers it there. Rejects when a hop ends elsewhere.
 */
export async function followAuthorizationUrl(start: URL, ctx: AuthorizationHandlerContext): Promise<void> {
  let url = start;
  // Like a browser, the cookies an authorization server sets on one hop go back on the next
  // (its interaction session); per origin, only for this one authorization, never stored.
  const jar = new Map<string, Map<string, string>>();
  for (let hop = 0; hop < 10; hop++) {
    const cookies = jar.get(url.origin);
    const headers: Record<string, string> = cookies?.size ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {};
    const response = await ctx.fetch(url, { method: 'GET', redirect: 'manual', headers });
    await response.body?.cancel().catch(() => undefined);
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const originJar = jar.get(url.origin) ?? new Map<string, string>();
      originJar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      jar.set(url.origin, originJar);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`following the authorization URL ended at ${url.origin}${url.pathname} with HTTP ${response.status} instead of a redirect back (it probably needs a login page: use --authorize browser or print)`);
    }
    url = new URL(location, url);
    if (url.href.startsWith(ctx.redirectUri)) {
      // Delivered like a browser would: the loopback listener checks the state and takes the code.
      const delivered = await fetch(url, { method: 'GET', redirect: 'manual' });
      await delivered.body?.cancel().catch(() => undefined);
      return;
    }
  }
  throw new Error('following the authorization URL took more than 10 redirects');
}

function systemOpener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}
