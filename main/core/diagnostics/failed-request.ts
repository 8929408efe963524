/**
 * Which request a network error came from. A fetch failure ("fetch failed", cause "bad port")
 * does not name its URL, and one connect makes several requests (the MCP endpoint, OAuth
 * metadata, the token endpoint): the connection's URL is not always the one that failed. The
 * recording fetch notes each failure's URL here, so the classifier can name the right one.
 */
const failedRequestUrls = new WeakMap<object, string>();

/** Notes the URL (already redacted) of the request that threw `error`. */
export function noteFailedRequest(error: unknown, url: string): void {
  if (typeof error === 'object' && error !== null) failedRequestUrls.set(error, url);
}

/** The URL of the request that threw one of `chain` (an error and its causes), if it was noted. */
export function failedRequestUrl(chain: readonly unknown[]): string | undefined {
  for (const link of chain) {
    const url = typeof link === 'object' && link !== null ? failedRequestUrls.get(link) : undefined;
    if (url !== undefined) return url;
  }
  return undefined;
}
