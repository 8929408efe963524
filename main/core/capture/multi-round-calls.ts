import type { MessageEntry } from '../../../shared/model/trace';
import { nameOf, retryFields } from './envelope';

type Call = NonNullable<MessageEntry['call']>;

interface WaitingCall {
  call: Call;
  method: string;
  name?: string;
  requestState?: string;
}

/** How many unanswered `input_required` rounds are remembered (a client that never retries must not leak). */
const MAX_WAITING = 64;

/**
 * Links the rounds of a 2026-07-28 multi-round request into one logical call. A request answered
 * with `resultType: "input_required"` waits; the client's retry (a new id, carrying
 * `inputResponses` and the echoed `requestState`) is matched to it by `requestState`, or, when the
 * server sent none, by method and name. Source: MCP specification 2026-07-28, "Multi-round-trip
 * requests".
 */
export class MultiRoundCalls {
  private readonly waiting: WaitingCall[] = [];

  /** The call an outgoing request belongs to: a new round of a waiting call, or undefined for a fresh request. */
  roundOf(message: Record<string, unknown>, method: string): Call | undefined {
    const retry = retryFields(message);
    if (!retry) return undefined;
    const name = nameOf(message);
    let index = retry.requestState !== undefined ? this.waiting.findIndex((w) => w.requestState === retry.requestState) : -1;
    if (index < 0) index = findLastIndex(this.waiting, (w) => w.method === method && w.name === name);
    if (index < 0) return undefined;
    const [waiting] = this.waiting.splice(index, 1);
    return { rootSeq: waiting!.call.rootSeq, round: waiting!.call.round + 1 };
  }

  /** A request (its seq, or the call it is a round of) was answered with `input_required`. */
  awaitRetry(call: Call, method: string, name: string | undefined, requestState: string | undefined): void {
    this.waiting.push({ call, method, ...(name !== undefined ? { name } : {}), ...(requestState !== undefined ? { requestState } : {}) });
    if (this.waiting.length > MAX_WAITING) this.waiting.shift();
  }

  clear(): void {
    this.waiting.length = 0;
  }
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
