import type { MessageEntry, TraceEntry } from '../../../../shared/model/trace';
import type { RequestRound } from '../../../../shared/model/server-request';
import { keepNewest } from '../../../../shared/collections/keep-newest';

/** How many requests and rounds are remembered (a server that never finishes a call must not leak). */
const MAX_REMEMBERED = 256;

interface TaskCall {
  rootSeq: number;
  method: string;
  name?: string;
  /** How many times the task asked for something new. */
  rounds: number;
  keys: Set<string>;
}

/**
 * Which call and round an embedded request of a 2026-07-28 `input_required` result belongs to,
 * or which task: a task of the tasks extension (SEP-2663) asks in its tasks/get answers
 * (`status: "input_required"`, `inputRequests`), and is tied to its call by the tools/call
 * answer that created it (`resultType: "task"`, `taskId`).
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
  /** taskId → the call that created it. */
  private readonly tasks = new Map<string, TaskCall>();

  observe(entry: TraceEntry): void {
    if (entry.type !== 'message') return;
    if (entry.direction === 'outgoing' && entry.messageKind === 'request' && entry.method) {
      if (entry.call) return; // a retry: its call was remembered at its first request
      this.requests.set(entry.seq, { method: entry.method, ...nameOf(entry.message) });
      keepNewest(this.requests, MAX_REMEMBERED);
      return;
    }
    if (entry.direction !== 'incoming') return;
    if (entry.resultType === 'task') return this.taskCreated(entry);
    if (entry.method === 'tasks/get') return this.taskAsked(entry);
    if (entry.resultType !== 'input_required' || !entry.call) return;
    const inputRequests = (entry.message as { result?: { inputRequests?: unknown } } | undefined)?.result?.inputRequests;
    if (typeof inputRequests !== 'object' || inputRequests === null) return;
    const first = this.requests.get(entry.call.rootSeq);
    for (const key of Object.keys(inputRequests)) {
      this.keys.push({ rootSeq: entry.call.rootSeq, round: entry.call.round, method: first?.method ?? entry.method ?? 'request', ...(first?.name ? { name: first.name } : {}), key });
    }
    this.bound();
  }

  private taskCreated(entry: MessageEntry): void {
    const taskId = resultOf(entry)?.taskId;
    const rootSeq = entry.call?.rootSeq ?? entry.requestSeq;
    if (typeof taskId !== 'string' || rootSeq === undefined) return;
    const first = this.requests.get(rootSeq);
    this.tasks.set(taskId, { rootSeq, method: first?.method ?? entry.method ?? 'tools/call', ...(first?.name ? { name: first.name } : {}), rounds: 0, keys: new Set() });
    keepNewest(this.tasks, MAX_REMEMBERED);
  }

  /** A task repeats its outstanding requests on every poll: only keys not seen before are new. */
  private taskAsked(entry: MessageEntry): void {
    const result = resultOf(entry);
    const task = typeof result?.taskId === 'string' ? this.tasks.get(result.taskId) : undefined;
    const inputRequests = result?.inputRequests;
    if (!task || result?.status !== 'input_required' || typeof inputRequests !== 'object' || inputRequests === null) return;
    const fresh = Object.keys(inputRequests).filter((key) => !task.keys.has(key));
    if (fresh.length === 0) return;
    task.rounds += 1;
    for (const key of fresh) {
      if (task.keys.size < MAX_REMEMBERED) task.keys.add(key);
      this.keys.push({ rootSeq: task.rootSeq, round: task.rounds, method: task.method, ...(task.name ? { name: task.name } : {}), key, taskId: result.taskId as string });
    }
    this.bound();
  }

  private bound(): void {
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

function resultOf(entry: MessageEntry): Record<string, unknown> | undefined {
  const result = (entry.message as { result?: unknown } | undefined)?.result;
  return typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : undefined;
}

function nameOf(message: unknown): { name?: string } {
  const params = (message as { params?: { name?: unknown; uri?: unknown } } | undefined)?.params;
  const name = typeof params?.name === 'string' ? params.name : typeof params?.uri === 'string' ? params.uri : undefined;
  return name !== undefined ? { name: name.slice(0, 200) } : {};
}
