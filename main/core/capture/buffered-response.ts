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
  let used = false;
  let materialized: Response | undefined;
  const unusable = () => new TypeError('Body is unusable: Body has already been read');
  const read = <T>(from: () => T) => async (): Promise<T> => {
    if (used) throw unusable();
    used = true;
    return from();
  };
  const text = () => decoded ?? UTF8.decode(bytes);
  // A Map, not an object: `key in {}` holds for constructor, toString and the rest of Object's own.
  const reads = new Map<string | symbol, () => Promise<unknown>>([
    ['text', read(text)],
    ['json', read(() => JSON.parse(text()) as unknown)],
    ['arrayBuffer', read(() => bytes.slice().buffer)],
    ['bytes', read(() => bytes.slice())],
  ]);
  const bound = (from: object, key: string | symbol) => {
    // Response's getters and methods check their receiver: called on the Response itself.
    const value = Reflect.get(from, key, from) as unknown;
    return typeof value === 'function' && key !== 'constructor' ? (value as (...args: unknown[]) => unknown).bind(from) : value;
  };
  return new Proxy(original, {
    get(target, key) {
      if (materialized && (key === 'bodyUsed' || (typeof key === 'string' && BODY_MEMBERS.has(key)))) return bound(materialized, key);
      const reader = reads.get(key);
      if (reader) return reader;
      if (key === 'bodyUsed') return used;
      if (typeof key === 'string' && BODY_MEMBERS.has(key)) {
        if (used) return key === 'body' ? null : key === 'clone' ? () => { throw unusable(); } : () => Promise.reject(unusable());
        materialized = new Response(bytes, { status: original.status, statusText: original.statusText, headers: original.headers });
        return bound(materialized, key);
      }
      return bound(target, key);
    },
  });
}

/** Stateless decodes (no `stream` option), so one decoder serves every response. */
const UTF8 = new TextDecoder();

/** Everything that reads or hands out the body. */
const BODY_MEMBERS = new Set(['body', 'text', 'json', 'arrayBuffer', 'bytes', 'blob', 'formData', 'clone']);
