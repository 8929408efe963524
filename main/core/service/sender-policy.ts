/**
 * Which pages may talk to the main process (like GitHub Desktop's safeListener): only our own
 * renderer, loaded from our own index.html on disk or, in development, from the dev server's
 * exact origin. Anything else (a navigated-away frame, an iframe, a data: URL) is dropped.
 */
export interface TrustedRenderer {
  /** file:// URL of the packaged renderer's index.html. */
  indexFileUrl?: string;
  /** Origin of the dev server (electron-vite dev) or of the e2e bridge. */
  devServerUrl?: string;
}

export function isTrustedRendererUrl(raw: string | undefined, trusted: TrustedRenderer): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'file:' && trusted.indexFileUrl) {
    const index = new URL(trusted.indexFileUrl);
    return url.pathname === index.pathname && url.host === index.host;
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && trusted.devServerUrl) {
    return url.origin === new URL(trusted.devServerUrl).origin;
  }
  return false;
}
