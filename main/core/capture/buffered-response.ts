import { BODY_MEMBERS, memberOf, rejectUnusable, responseLike, throwUnusable, unusableBody } from './response-proxy';

/**
 * The server's Response, its body already read by the capture, handed to the SDK as that same
 * Response: status, headers and everything else are the original's, and the body is served from
 * the bytes the capture holds (`decoded`: their text, when the capture decoded them whole
 * already). A new `Response(bytes, init)` would do the same at about 60 µs a round trip (a web
 * stream and a copy of the headers), several percent of a loopback call; this costs about 2 µs.
 *
 * The body reads (json, text, arrayBuffer, bytes) answer from the bytes, once, as a body does: a
 * second read rejects with the TypeError fetch gives. Anything that needs a real body (the
 * `body` stream, blob, formData, clone) is served by a Response over the same bytes, made then.
 */
export function bufferedResponse(original: Response, bytes: Uint8Array, decoded?: string): Response {
  return new Proxy(original, new BufferedBody(original, bytes, decoded));
}

/**
 * The Proxy's handler. A class rather than closures: one is made per JSON answer, and its
 * methods are shared.
 */
class BufferedBody implements ProxyHandler<Response> {
  private used = false;
  private materialized: Response | undefined;
  // A Map, not an object: `key in {}` holds for constructor, toString and the rest of Object's own.
  private readonly reads = new Map<string | symbol, () => Promise<unknown>>([
    ['text', () => this.read(() => this.text())],
    ['json', () => this.read(() => JSON.parse(this.text()) as unknown)],
    ['arrayBuffer', () => this.read(() => this.bytes.slice().buffer)],
    ['bytes', () => this.read(() => this.bytes.slice())],
  ]);

  constructor(
    private readonly original: Response,
    private readonly bytes: Uint8Array,
    private readonly decoded: string | undefined,
  ) {}

  get(target: Response, key: string | symbol): unknown {
    if (this.materialized && BODY_MEMBERS.has(key)) return memberOf(this.materialized, key);
    const reader = this.reads.get(key);
    if (reader) return reader;
    if (key === 'bodyUsed') return this.used;
    if (BODY_MEMBERS.has(key)) {
      if (this.used) return key === 'body' ? null : key === 'clone' ? throwUnusable : rejectUnusable;
      this.materialized = responseLike(this.original, this.bytes);
      return memberOf(this.materialized, key);
    }
    return memberOf(target, key);
  }

  private async read<T>(from: () => T): Promise<T> {
    if (this.used) throw unusableBody();
    this.used = true;
    return from();
  }

  private text(): string {
    return this.decoded ?? UTF8.decode(this.bytes);
  }
}

/** Stateless decodes (no `stream` option), so one decoder serves every response. */
const UTF8 = new TextDecoder();
