import { BODY_MEMBERS, memberOf, rejectUnusable, responseLike, throwUnusable } from './response-proxy';

/**
 * The server's Response handed to the SDK with `body` in place of its own (the stream the
 * capture observes on its way through, see sse-observer.ts): status, headers, url, redirected and
 * everything else are the original's. A new `Response(body, init)` costs about 11 µs (a copy of
 * the headers, and `url` and `redirected` lost); this costs about 1 µs.
 *
 * `body` is the stream itself. The other body members (text, json, blob, clone, bodyUsed...) are
 * served by a Response over the same stream, made the first time one is asked for; once a reader
 * holds the stream (the SDK pipes it), the body counts as used, as fetch's would once read.
 */
export function streamedResponse(original: Response, body: ReadableStream<Uint8Array>): Response {
  return new Proxy(original, new StreamedBody(original, body));
}

class StreamedBody implements ProxyHandler<Response> {
  private materialized: Response | undefined;

  constructor(
    private readonly original: Response,
    private readonly body: ReadableStream<Uint8Array>,
  ) {}

  get(target: Response, key: string | symbol): unknown {
    if (!BODY_MEMBERS.has(key)) return memberOf(target, key);
    if (this.materialized) return memberOf(this.materialized, key);
    if (key === 'body') return this.body;
    if (this.body.locked) {
      if (key === 'bodyUsed') return true;
      return key === 'clone' ? throwUnusable : rejectUnusable;
    }
    this.materialized = responseLike(this.original, this.body);
    return memberOf(this.materialized, key);
  }
}
