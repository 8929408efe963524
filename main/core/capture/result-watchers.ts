import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import type { RpcId } from './open-requests';

/**
 * Hands the raw `result` of answers to chosen requests to whoever asked, as the server sent it,
 * before the SDK checks it: once the SDK has refused a result as invalid, this is the only copy
 * left unaltered (the trace's is redacted). Used to list a server's items one by one when one
 * bad item makes the SDK refuse a whole list (see lenient-list.ts).
 */
export class ResultWatchers {
  private readonly byMethod = new Map<string, (result: unknown) => void>();
  private readonly byId = new Map<RpcId, (result: unknown) => void>();

  /** Until the returned stop(): the result of each answer to a request of `method` goes to `take`. */
  watch(method: string, take: (result: unknown) => void): () => void {
    this.byMethod.set(method, take);
    return () => {
      if (this.byMethod.get(method) === take) this.byMethod.delete(method);
      for (const [id, taker] of this.byId) if (taker === take) this.byId.delete(id);
    };
  }

  /** An outgoing message: a request of a watched method is noted by its id. */
  sent(message: JSONRPCMessage): void {
    if (this.byMethod.size === 0) return;
    const { id, method } = message as { id?: RpcId; method?: string };
    const take = method === undefined || id === undefined ? undefined : this.byMethod.get(method);
    if (take) this.byId.set(id!, take);
  }

  /** An incoming message: an answer to a noted request hands its result over. */
  received(message: unknown): void {
    if (this.byId.size === 0) return;
    const { id, result } = (message ?? {}) as { id?: RpcId; result?: unknown };
    const take = id === undefined ? undefined : this.byId.get(id);
    if (!take) return;
    this.byId.delete(id!);
    if (result !== undefined) take(result);
  }
}
