/**
 * Decides whether a link may leave the app for the system browser. Only http(s) URLs with a
 * host and no embedded credentials pass: file:, javascript:, custom protocol handlers and the
 * like could run code or open local files outside the sandbox.
 */
export function safeExternalUrl(raw: string): string | undefined {
  if (typeof raw !== 'string' || raw.length > 4096 || hasSpaceOrControl(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  return url.toString();
}

function hasSpaceOrControl(raw: string): boolean {
  for (const ch of raw) if (ch.trim() === '' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) return true;
  return false;
}
