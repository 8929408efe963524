/**
 * The renderer's Content-Security-Policy: only code shipped with the app runs (no remote
 * scripts, no eval, no inline script), nothing is fetched from the network (all traffic goes
 * through main), no plugins, no framing, no form posts, no inline <style> either: React and the
 * virtual list set element styles through the CSSOM, which style-src does not restrict.
 *
 * Sent as a response header (main/app sets it on every response of the session) and as a
 * <meta> tag in renderer/index.html, so it holds even where headers are not applied.
 */
export function contentSecurityPolicy(options: { devServerUrl?: string; bridgeSocketUrl?: string } = {}): string {
  const connect = ["'self'"];
  if (options.devServerUrl) connect.push(new URL(options.devServerUrl).origin.replace(/^http/, 'ws'));
  if (options.bridgeSocketUrl) connect.push(options.bridgeSocketUrl);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // Audio content of tool results plays from data: URIs.
    "media-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
  ].join('; ');
}

/** The same policy as a <meta> tag's content (frame-ancestors is ignored in meta, so it is left out). */
export const META_CONTENT_SECURITY_POLICY = contentSecurityPolicy()
  .split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
