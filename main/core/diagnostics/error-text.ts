/** Turning arbitrary thrown values and bodies into short readable text (never "[object Object]"). */

export function messageOf(value: unknown): string {
  if (value instanceof Error) return value.message || value.name || 'unknown error';
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return 'unknown error';
  if (typeof value === 'object') {
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message.length > 0) return message;
    try {
      const json = JSON.stringify(value);
      if (json && json !== '{}') return json;
    } catch {
      // Circular or BigInt-laden objects: fall through to the type name.
    }
    return `unexpected ${value.constructor?.name ?? 'object'} value`;
  }
  return String(value);
}

/**
 * A classified message without the "(URL)" it ends with, for a message built on it that names
 * the place itself (an orphan answer, a resumed or stalled stream).
 */
export function withoutTrailingPlace(message: string): string {
  return message.replace(/\s*\([^)]*\)$/, '');
}

const EXCERPT_CHARS = 300;

/** First few hundred characters of a body, whitespace collapsed, for messages and detail. */
export function bodyExcerpt(body: string | undefined, max = EXCERPT_CHARS): string | undefined {
  if (body === undefined) return undefined;
  const collapsed = body.replace(/\s+/g, ' ').trim();
  if (collapsed.length === 0) return undefined;
  return collapsed.length > max ? `${collapsed.slice(0, max)}…` : collapsed;
}

/** The <title> of an HTML page, which usually says what the page is ("404 Not Found"). */
export function htmlTitle(body: string | undefined): string | undefined {
  const match = body ? /<title[^>]*>([^<]*)<\/title>/i.exec(body) : null;
  const title = match?.[1]?.replace(/\s+/g, ' ').trim();
  return title ? title : undefined;
}

/** "host:port" of a URL with the scheme's default port made explicit, or the raw text. */
export function hostPortOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const port = parsed.port || defaultPort(parsed.protocol);
    return port ? `${parsed.hostname}:${port}` : parsed.hostname;
  } catch {
    return undefined;
  }
}

export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

function defaultPort(protocol: string): string | undefined {
  return { 'http:': '80', 'ws:': '80', 'https:': '443', 'wss:': '443' }[protocol];
}

/** Case-insensitive header lookup over a plain record. */
export function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
