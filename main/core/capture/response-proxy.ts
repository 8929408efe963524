/**
 * What the capture's stand-ins for a server's Response share (buffered-response.ts,
 * streamed-response.ts): the SDK gets the server's own Response object behind a Proxy, and only
 * the body is served from what the capture holds. Making a new Response instead costs a copy of
 * the headers and (for bytes) a web stream: tens of microseconds on every round trip.
 */

/** Everything that reads or hands out the body. */
export const BODY_MEMBERS: ReadonlySet<string | symbol> = new Set(['body', 'bodyUsed', 'text', 'json', 'arrayBuffer', 'bytes', 'blob', 'formData', 'clone']);

/** fetch's error for a second read of a body. */
export function unusableBody(): TypeError {
  return new TypeError('Body is unusable: Body has already been read');
}

/** A body member's stand-in once the body is used: `clone` throws, a read rejects, as fetch's do. */
export function throwUnusable(): never {
  throw unusableBody();
}

export function rejectUnusable(): Promise<never> {
  return Promise.reject(unusableBody());
}

/**
 * `from[key]`, with a method bound to `from`: Response's getters and methods check their
 * receiver, so they are called on the Response itself, never on the Proxy.
 */
export function memberOf(from: object, key: string | symbol): unknown {
  const value = Reflect.get(from, key, from) as unknown;
  return typeof value === 'function' && key !== 'constructor' ? (value as (...args: unknown[]) => unknown).bind(from) : value;
}

/** A Response with `original`'s status, status text and headers over `body`. */
export function responseLike(original: Response, body: ConstructorParameters<typeof Response>[0]): Response {
  return new Response(body, { status: original.status, statusText: original.statusText, headers: original.headers });
}
