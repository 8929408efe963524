import type { ChannelOutput, MainEvent, ParsedInput } from '../../../shared/ipc/contract';
import type { TraceEntry } from '../../../shared/model';
import type { TaskStatusUpdate } from '../../../shared/model/task';
import { clientInputFailure } from '../connections/input/app-client-input';
import { isPeriscopeError, PeriscopeError } from '../diagnostics/periscope-error';
import type { ConnectionLookup } from './connection-lookup';
import { parseToolArguments } from './exact-tool-arguments';
import type { ConnectionManagerPort } from './ports';

export interface ToolCallHandlerDeps {
  lookup: ConnectionLookup;
  manager: Pick<ConnectionManagerPort, 'subscribe'>;
  emit(event: MainEvent): void;
  /** Whether a question from the server waited for the user on this connection since `since` (ms since the epoch). */
  askedUserSince?(connectionId: string, since: number): boolean;
}

/**
 * connections:call-tool and connections:cancel-call: the workbench's tool calls. Each call with
 * a callId can be cancelled (the SDK sends notifications/cancelled in the 2025 era and aborts the
 * request in 2026-07-28) and reports its progress as 'call-progress' events as it arrives. With
 * `asTask` the tool runs as a task (MCP 2025-11-25 tasks, or the 2026-07-28 tasks extension,
 * SEP-2663): each status change is a 'task-status' event, cancel sends tasks/cancel, and the
 * outcome carries the task's history (none when a 2026-07-28 server answered without a task).
 */
export function toolCallHandlers({ lookup, manager, emit, askedUserSince }: ToolCallHandlerDeps) {
  const running = new Map<string, AbortController>();
  const wire = new WireLatency(manager);
  const key = (connectionId: string, callId: string) => `${connectionId}\u0000${callId}`;
  return {
    'connections:call-tool': async (input: ParsedInput<'connections:call-tool'>): Promise<ChannelOutput<'connections:call-tool'>> => {
      const { connectionId, name, callId, timeoutMs, asTask } = input;
      const connection = lookup.live(connectionId);
      const args = input.argumentsJson !== undefined ? parseToolArguments(input.argumentsJson) : input.arguments;
      const abort = new AbortController();
      if (callId) running.set(key(connectionId, callId), abort);
      const onProgress = callId
        ? (p: { progress: number; total?: number; message?: string }) =>
            emit({ type: 'call-progress', connectionId, callId, progress: p.progress, ...(p.total !== undefined ? { total: p.total } : {}), ...(p.message !== undefined ? { message: p.message } : {}) })
        : undefined;
      const started = performance.now();
      const startedAt = Date.now();
      const watch = wire.watch(connectionId, name);
      try {
        if (asTask) {
          const onStatus = callId ? (update: TaskStatusUpdate) => emit({ type: 'task-status', connectionId, callId, update }) : undefined;
          const outcome = await connection.callToolAsTask(name, args, { signal: abort.signal, ...(onStatus ? { onStatus } : {}) });
          if (outcome.status === 'cancelled') throw taskCancelled(name, outcome.taskId, abort.signal.aborted);
          // 2026-07-28: the server chose to answer at once; the result is a plain call's.
          if (outcome.immediate) return { result: outcome.result ?? { content: [] }, elapsedMs: performance.now() - started };
          const task = { taskId: outcome.taskId, status: outcome.status, history: outcome.history };
          return { result: outcome.result ?? { content: [] }, elapsedMs: performance.now() - started, task };
        }
        const result = (await connection.callTool(name, args, { signal: abort.signal, unvalidatedOutput: true, ...(timeoutMs ? { timeoutMs } : {}), ...(onProgress ? { onProgress } : {}) })) as Record<string, unknown>;
        const elapsedMs = performance.now() - started;
        const { latencyMs, rounds } = watch.measured();
        return { result, elapsedMs, ...(latencyMs !== undefined ? { latencyMs } : {}), ...(rounds > 1 ? { rounds } : {}) };
      } catch (error) {
        const failure = clientInputFailure(error) ?? error;
        // 2025 era: the call's timer runs on while the server waits for the user's answer.
        if (isTimeout(failure) && askedUserSince?.(connectionId, startedAt)) throw waitedForUser(failure);
        throw failure;
      } finally {
        watch.stop();
        if (callId) running.delete(key(connectionId, callId));
      }
    },
    'connections:cancel-call': async ({ connectionId, callId }: ParsedInput<'connections:cancel-call'>) => {
      const abort = running.get(key(connectionId, callId));
      abort?.abort(new Error('Cancelled by the user'));
      return { cancelled: abort !== undefined };
    },
  };
}

/**
 * Pairs a call with its tools/call requests in the trace, to report the round trip the traced
 * transport measured (request out to response in), rather than the elapsed time, which also
 * holds IPC and waiting for input. A call claims the first tools/call request for its tool that
 * no other call has claimed, then the later rounds of that request (2026-07-28 input_required).
 */
class WireLatency {
  private readonly claimed = new Set<string>();

  constructor(private readonly manager: Pick<ConnectionManagerPort, 'subscribe'>) {}

  watch(connectionId: string, tool: string) {
    const seqs = new Set<number>();
    let root: number | undefined;
    let latencyMs: number | undefined;
    let rounds = 0;
    const claimKey = (seq: number) => `${connectionId}\u0000${seq}`;
    const stop = this.manager.subscribe((entry: TraceEntry) => {
      if (entry.connectionId !== connectionId || entry.type !== 'message') return;
      if (entry.direction === 'outgoing' && entry.messageKind === 'request' && entry.method === 'tools/call') {
        const rootSeq = entry.call?.rootSeq ?? entry.seq;
        const first = rootSeq === entry.seq;
        if (first && root === undefined && toolOf(entry.message) === tool && !this.claimed.has(claimKey(entry.seq))) {
          root = entry.seq;
          this.claimed.add(claimKey(entry.seq));
        }
        if (root !== undefined && rootSeq === root) {
          seqs.add(entry.seq);
          rounds += 1;
        }
        return;
      }
      if (entry.direction === 'incoming' && entry.requestSeq !== undefined && seqs.has(entry.requestSeq) && entry.latencyMs !== undefined) {
        latencyMs = (latencyMs ?? 0) + entry.latencyMs;
      }
    });
    return {
      measured: () => ({ latencyMs, rounds }),
      stop: () => {
        stop();
        if (root !== undefined) this.claimed.delete(claimKey(root));
      },
    };
  }
}

function taskCancelled(tool: string, taskId: string, byUser: boolean): PeriscopeError {
  return new PeriscopeError({
    kind: 'cancelled',
    message: `The task ${taskId} of ${tool} was cancelled${byUser ? ' (tasks/cancel sent)' : ' by the server'}.`,
    hint: byUser ? 'Nothing to fix: it was stopped on purpose.' : 'The server gave up on it; its status message may say why.',
  });
}

function toolOf(message: unknown): unknown {
  const params = (message as { params?: { name?: unknown } } | undefined)?.params;
  return params?.name;
}

function isTimeout(error: unknown): error is PeriscopeError {
  return isPeriscopeError(error) && error.kind === 'timeout';
}

/** A timeout that ran out while the server's question waited for the user: said in those words. */
function waitedForUser(error: PeriscopeError): PeriscopeError {
  return new PeriscopeError(
    {
      ...error.info,
      message: `${error.info.message}, while the server was waiting for your answer to its question (Requests section)`,
      hint: "in the 2025 era the call's timeout keeps running while a question waits: answer sooner, or give the call a longer timeout",
    },
    { cause: error },
  );
}
