import { create } from 'zustand';
import type { ToolCallOutcome } from '../../shared/ipc/contract';
import type { ErrorInfo } from '../../shared/model/error-info';
import type { TaskStatusUpdate } from '../../shared/model/task';

/** One tool call from the workbench, from the click to its end; kept as history for the session. */
export interface ToolCall {
  /** Also the callId main knows it by (for cancel and progress). */
  id: string;
  connectionId: string;
  tool: string;
  /** The arguments exactly as sent (JSON text). */
  argumentsText: string;
  /** Wall clock at the click, ms since the epoch. */
  startedAt: number;
  status: 'running' | 'cancelling' | 'done' | 'failed';
  progress?: { progress: number; total?: number; message?: string };
  /** The call's own timeout in ms, as typed when it started (absent: the connection's request timeout); Run again reuses it. */
  timeoutMs?: number;
  /** Run as a task (MCP 2025-11-25, or the 2026-07-28 tasks extension); `task` is its latest status while it runs. */
  asTask?: boolean;
  task?: TaskStatusUpdate;
  outcome?: ToolCallOutcome;
  /** A protocol or transport failure (a JSON-RPC error, a timeout, a cancel): no result. */
  error?: ErrorInfo;
  /** Milliseconds from the click to the answer, as the window saw it. */
  elapsedMs?: number;
  /** Pinned calls are listed first and never give way to newer ones. */
  pinned?: boolean;
}

/** Unpinned calls kept per connection; older ones give way (pinned ones stay). */
export const HISTORY_LIMIT = 200;

interface ToolCallsState {
  /** Newest first, per connection. */
  calls: Record<string, ToolCall[]>;
  start(call: ToolCall): void;
  update(connectionId: string, id: string, patch: Partial<ToolCall>): void;
  /** Pins or unpins one call. */
  setPinned(connectionId: string, id: string, pinned: boolean): void;
  forget(connectionId: string): void;
}

export const useToolCallsStore = create<ToolCallsState>()((set) => ({
  calls: {},
  start(call) {
    set((s) => ({ calls: { ...s.calls, [call.connectionId]: keepWithinLimit([call, ...(s.calls[call.connectionId] ?? [])]) } }));
  },
  update(connectionId, id, patch) {
    set((s) => {
      const list = s.calls[connectionId];
      if (!list?.some((c) => c.id === id)) return s;
      return { calls: { ...s.calls, [connectionId]: list.map((c) => (c.id === id ? { ...c, ...patch } : c)) } };
    });
  },
  setPinned(connectionId, id, pinned) {
    useToolCallsStore.getState().update(connectionId, id, { pinned });
  },
  forget(connectionId) {
    set((s) => {
      const { [connectionId]: _gone, ...calls } = s.calls;
      return { calls };
    });
  },
}));

/** Newest first; the oldest unpinned calls beyond HISTORY_LIMIT are dropped, pinned ones always kept. */
function keepWithinLimit(calls: ToolCall[]): ToolCall[] {
  let unpinned = 0;
  return calls.filter((c) => c.pinned === true || ++unpinned <= HISTORY_LIMIT);
}

const NONE: ToolCall[] = [];
export function callsOf(state: { calls: Record<string, ToolCall[]> }, connectionId: string): ToolCall[] {
  return state.calls[connectionId] ?? NONE;
}
