import { closingQuote } from '../../../shared/json/json-depth';
import type { TraceBus } from './trace-bus';

/**
 * Links an sse-event entry to the message entry its data became, so the session file stores a
 * streamed payload once (in the event's `data`) instead of twice.
 *
 * The event stream observer offers each event's data as it records the event; the traced
 * transport, recording the message the SDK parsed from it a moment later, claims the offer whose
 * data is that same message. "Same" is exact: equal text, or equal apart from the order of keys in
 * the top levels (the SDK's zod schemas rebuild the message object, `jsonrpc`/`id` first and
 * `_meta` first in `params` and `result`); anything else (whitespace, other escapes, a value the
 * SDK changed) stays unlinked and both entries keep their payload. Nothing is lost either way.
 */
export class SsePayloadLinks {
  private pending: Array<{ seq: number; data: string; at: number }> = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Remembers an event's data (unredacted, as it came) under its entry's seq. */
  offer(seq: number, data: string): void {
    this.forgetStale();
    this.pending.push({ seq, data, at: this.now() });
    // An event the SDK refused (not JSON-RPC) is never claimed: keep only the recent ones.
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }

  /** The seq of the offered event whose data is this message's JSON, which is then forgotten. */
  claim(json: string): number | undefined {
    this.forgetStale();
    const pending = this.pending;
    for (let i = 0; i < pending.length; i++) {
      const { seq, data } = pending[i];
      // Reordered keys keep the length: anything else is certainly another message.
      if (data.length !== json.length) continue;
      if (data === json || sameMembers(data, json, KEY_ORDER_LEVELS)) {
        pending.splice(i, 1);
        return seq;
      }
    }
    return undefined;
  }

  clear(): void {
    this.pending = [];
  }

  /** The SDK parses an event within moments; an offer this old was refused, and may be big. */
  private forgetStale(): void {
    const pending = this.pending;
    if (pending.length === 0 || this.now() - pending[0].at < MAX_AGE_MS) return;
    this.pending = pending.filter((offer) => this.now() - offer.at < MAX_AGE_MS);
  }
}

const MAX_PENDING = 32;
const MAX_AGE_MS = 60_000;
/** message → result/params → _meta → serverInfo: the levels zod rebuilds. */
const KEY_ORDER_LEVELS = 4;

const links = new WeakMap<TraceBus, SsePayloadLinks>();

/** The links of one connection's bus (created on first use). */
export function ssePayloadLinks(bus: TraceBus): SsePayloadLinks {
  let found = links.get(bus);
  if (!found) links.set(bus, (found = new SsePayloadLinks()));
  return found;
}

/**
 * Two JSON texts hold the same object: same keys with textually equal values, where values that
 * are objects may themselves differ in key order up to `levels` deep.
 */
function sameMembers(a: string, b: string, levels: number): boolean {
  const left = members(a);
  const right = members(b);
  if (!left || !right || left.size !== right.size) return false;
  for (const [key, value] of left) {
    const other = right.get(key);
    if (other === undefined) return false;
    if (value === other) continue;
    if (levels <= 1 || value.charCodeAt(0) !== 0x7b || other.charCodeAt(0) !== 0x7b || value.length !== other.length) return false;
    if (!sameMembers(value, other, levels - 1)) return false;
  }
  return true;
}

/** The members of a compact JSON object as key → raw value text; undefined for anything else. */
function members(text: string): Map<string, string> | undefined {
  if (text.charCodeAt(0) !== 0x7b || text.charCodeAt(text.length - 1) !== 0x7d) return undefined;
  const out = new Map<string, string>();
  let i = 1;
  if (text.charCodeAt(i) === 0x7d) return i === text.length - 1 ? out : undefined;
  for (;;) {
    if (text.charCodeAt(i) !== 0x22) return undefined;
    const keyEnd = closingQuote(text, i);
    if (keyEnd < 0 || text.charCodeAt(keyEnd + 1) !== 0x3a /* : */) return undefined;
    const key = text.slice(i, keyEnd + 1);
    const valueStart = keyEnd + 2;
    const valueEnd = endOfValue(text, valueStart);
    if (valueEnd < 0 || out.has(key)) return undefined;
    out.set(key, text.slice(valueStart, valueEnd));
    const next = text.charCodeAt(valueEnd);
    if (next === 0x7d) return valueEnd === text.length - 1 ? out : undefined;
    if (next !== 0x2c /* , */) return undefined;
    i = valueEnd + 1;
  }
}

/** Index just past the compact JSON value starting at `start`, or -1. */
function endOfValue(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (c === 0x22) {
    const end = closingQuote(text, start);
    return end < 0 ? -1 : end + 1;
  }
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === 0x22) {
        i = closingQuote(text, i);
        if (i < 0) return -1;
      } else if (d === 0x7b || d === 0x5b) depth++;
      else if ((d === 0x7d || d === 0x5d) && --depth === 0) return i + 1;
    }
    return -1;
  }
  for (let i = start; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === 0x2c || d === 0x7d || d === 0x5d) return i;
  }
  return -1;
}
