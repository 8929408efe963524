import { safeExternalUrl } from '../service/external-url';
import type { AuthorizationOpener } from './authorization-handlers';

/**
 * The desktop app's way to the authorization endpoint (RFC 8252 section 4: a native app uses the
 * system browser, never an embedded one): the URL goes to `openExternal` (Electron's
 * shell.openExternal in main/app) only when it is an http(s) URL without credentials.
 * Rejects with a plain message otherwise, or when the system browser cannot be started.
 */
export function browserAuthorizationOpener(openExternal: (url: string) => Promise<void>): AuthorizationOpener {
  return async (url) => {
    const safe = safeExternalUrl(url.href);
    if (!safe) throw new Error(`the authorization URL is not an http(s) URL (${url.protocol}), so it was not opened`);
    try {
      await openExternal(safe);
    } catch (error) {
      throw new Error(`the system browser could not be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
}
