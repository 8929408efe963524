import { app, shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../core/service/content-security-policy';
import { safeExternalUrl } from '../core/service/external-url';

/**
 * Every web contents of the app: no navigation away from our page, no new windows (http(s)
 * links go to the system browser instead, after validation), no <webview>.
 */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const safe = safeExternalUrl(url);
      if (safe) void shell.openExternal(safe);
      return { action: 'deny' };
    });
  });
}

/** The session's CSP header on every response, and every permission request refused. */
export function hardenSession(session: Session, devServerUrl?: string): void {
  const policy = contentSecurityPolicy({ devServerUrl });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
