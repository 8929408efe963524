import type { TraceEntry } from '../../../../shared/model/trace';
import type { RequestRound } from '../../../../shared/model/server-request';

/** How many requests and rounds are remembered (a server that never finishes a call must not leak). */
const MAX_REMEMBERED = 256;

/**
 * Which call and round an embedded request of a 2026-07-28 `input_required` result belongs to.
 * The SDK hands an embedded request to the client-input handlers with its `inputRequests` key as
 * its id and nothing else; the trace, fed before the SDK reads the result, knows the rest: every
 * request and result of a multi-round call carries `call: { rootSeq, round }` (see
 * MultiRoundCalls), and the call's first request names the method and the tool or prompt.
 * Feed it every trace entry of one connection (`observe`), then ask `roundOf(key)`.
 */
export class InputRounds {
  private readonly requests = new Map<number, { method: string; name?: string }>();
  /** Newest last: a key reused by a later call (every ask_user uses "answer") means the latest one. */
  private readonly keys: RequestRound[] = [];

  observe(entry: TraceEntry): void {
    if (entry.type !== 'message') return;
    if (entry.direction === 'outgoing' && entry.messageKind === 'request' && entry.method) {
      if (entry.call) return; // a retry: its call was remembered at its first request
      this.requests.set(entry.seq, { method: entry.method, ...nameOf(entry.message) });
      if (this.requests.size > MAX_REMEMBERED) this.requests.delete(this.requests.keys().next().value!);
      return;
    }
    if (entry.direction !== 'incoming' || entry.resultType !== 'input_required' || !entry.call) return;
    const inputRequests = (entry.message as { result?: { inputRequests?: unknown } } | undefined)?.result?.inputRequests;
    if (typeof inputRequests !== 'object' || inputRequests === null) return;
    const first = this.requests.get(entry.call.rootSeq);
    for (const key of Object.keys(inputRequests)) {
      this.keys.push({ rootSeq: entry.call.rootSeq, round: entry.call.round, method: first?.method ?? entry.method ?? 'request', ...(first?.name ? { name: first.name } : {}), key });
    }
    if (this.keys.length > MAX_REMEMBERED) this.keys.splice(0, this.keys.length - MAX_REMEMBERED);
  }

  /** The call and round of the embedded request with this key (taken: each key is answered once per round). */
  roundOf(key: string): RequestRound | undefined {
    for (let i = this.keys.length - 1; i >= 0; i--) {
      if (this.keys[i]!.key === key) return this.keys.splice(i, 1)[0];
    }
    return undefined;
  }
}

function nameOf(message: unknown): { name?: string } {
  const params = (message as { params?: { name?: unknown; uri?: unknown } } | undefined)?.params;
  const name = typeof params?.name === 'string' ? params.name : typeof params?.uri === 'string' ? params.uri : undefined;
  return name !== undefined ? { name: name.slice(0, 200) } : {};
}
