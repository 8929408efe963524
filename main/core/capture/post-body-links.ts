import type { TraceBus } from './trace-bus';

/**
 * Links an HTTP request to the message entry its body carried, so a request's phases (response
 * headers, first event, result) can be read from its http and sse-event entries.
 *
 * The traced transport records an outgoing message (already serialized once, for its size) and
 * offers that text under the entry's seq just before handing the message to the SDK transport;
 * the recording fetch, a moment later, claims the offer whose text is exactly its body. The SDK
 * serializes the same object with the same JSON.stringify, so the texts are equal; a body the
 * transport rewrote (or a batch) stays unlinked, and nothing else changes. The cost per message
 * is one array push and, per POST, a string comparison of equal lengths. The claim also hands
 * back the message object itself, so checks of the body (the 2026 standard headers) read it
 * without parsing the body text a second time.
 *
 * Only connections whose transport fetches through the recording fetch have links: for stdio and
 * WebSocket nothing is offered (see `existingPostBodyLinks`).
 */
export class PostBodyLinks {
  private pending: Array<{ seq: number; json: string; message: unknown }> = [];

  /** Remembers an outgoing message (the object and its JSON text, unredacted, as sent) under its entry's seq. */
  offer(seq: number, json: string, message: unknown): void {
    this.pending.push({ seq, json, message });
    // A message whose POST never comes (the transport rewrote it, or failed first): keep only the recent ones.
    if (this.pending.length > MAX_POST_OFFERS) this.pending.shift();
  }

  /** The offered message whose text is this body (its seq and the object), which is then forgotten; undefined when none. */
  claim(body: string): { seq: number; message: unknown } | undefined {
    const pending = this.pending;
    for (let i = 0; i < pending.length; i++) {
      if (pending[i]!.json.length !== body.length || pending[i]!.json !== body) continue;
      const { seq, message } = pending[i]!;
      pending.splice(i, 1);
      return { seq, message };
    }
    return undefined;
  }

  clear(): void {
    this.pending = [];
  }
}

/**
 * Offers kept at once. The client library awaits its headers (the OAuth token) before it calls
 * fetch, so a burst of sends (a load run at high concurrency, many calls at once from the app)
 * offers every message before the first POST claims one. Only an offer whose POST never comes (a
 * body the transport rewrote) outlives its request, so the bound is about such leftovers.
 */
export const MAX_POST_OFFERS = 4096;

const links = new WeakMap<TraceBus, PostBodyLinks>();

/** The links of one connection's bus, created by the recording fetch (the side that claims). */
export function postBodyLinks(bus: TraceBus): PostBodyLinks {
  let found = links.get(bus);
  if (!found) links.set(bus, (found = new PostBodyLinks()));
  return found;
}

/** The links when this bus has a recording fetch; undefined otherwise (nothing would claim an offer). */
export function existingPostBodyLinks(bus: TraceBus): PostBodyLinks | undefined {
  return links.get(bus);
}
