import type { MessageEntry } from '../../../shared/model/trace';
import { isObject } from './envelope';
import { keepNewest } from '../../../shared/collections/keep-newest';

type Listen = NonNullable<MessageEntry['listen']>;

const SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId';
/** Open listen requests remembered at most (each is one long-lived stream). */
const MAX_OPEN = 64;

/**
 * Follows 2026-07-28 `subscriptions/listen` streams in the trace: what the client asked for
 * (`params.notifications`), what the server's `notifications/subscriptions/acknowledged` says it
 * will honour, and which change notifications belong to which stream (their `_meta` carries the
 * listen request's id as the subscription id). Source: MCP specification 2026-07-28,
 * "Subscriptions".
 */
export class ListenStreams {
  private readonly open = new Map<string, { seq: number; requested: Record<string, unknown> }>();

  /** An outgoing `subscriptions/listen` request: remember what it asked for. */
  requested(id: string | number, seq: number, message: Record<string, unknown>): Listen | undefined {
    const params = isObject(message.params) ? message.params : {};
    const requested = isObject(params.notifications) ? params.notifications : {};
    this.open.set(String(id), { seq, requested });
    keepNewest(this.open, MAX_OPEN);
    return { requested };
  }

  /** An incoming notification: the acknowledgement, or a change delivered on a stream. */
  incoming(method: string, message: Record<string, unknown>): Listen | undefined {
    const params = isObject(message.params) ? message.params : {};
    const meta = isObject(params._meta) ? params._meta : {};
    const id = meta[SUBSCRIPTION_ID];
    if (typeof id !== 'string' && typeof id !== 'number') return undefined;
    const stream = this.open.get(String(id));
    if (!stream) return undefined;
    if (method !== 'notifications/subscriptions/acknowledged') return { requestSeq: stream.seq };
    const acknowledged = isObject(params.notifications) ? params.notifications : {};
    const notHonored = Object.keys(stream.requested).filter((key) => !isHonored(stream.requested[key], acknowledged[key]));
    return { requestSeq: stream.seq, requested: stream.requested, acknowledged, ...(notHonored.length ? { notHonored } : {}) };
  }

  /** The listen request got its final (graceful close) result or an error: the stream is over. */
  ended(id: string | number): void {
    this.open.delete(String(id));
  }

  clear(): void {
    this.open.clear();
  }
}

/** A boolean asked for must be acknowledged true; a list of resource URIs must be acknowledged whole. */
function isHonored(asked: unknown, granted: unknown): boolean {
  if (asked === false || asked === undefined) return true;
  if (Array.isArray(asked)) return Array.isArray(granted) && asked.every((uri) => granted.includes(uri));
  return granted === asked;
}
