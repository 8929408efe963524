import type { MainEvent } from '../../shared/ipc/contract';
import { useToolCallsStore, type ToolCall } from '../stores/tool-calls-store';
import { useToolsStore, type ToolInfo } from '../stores/tools-store';
import { periscope } from './api';

/** Lists the connection's tools (every page: main follows nextCursor). */
export async function loadTools(connectionId: string, changeNotice?: string): Promise<void> {
  useToolsStore.getState().loading(connectionId);
  const result = await periscope().connections.listTools(connectionId);
  if (!result.ok) return useToolsStore.getState().failed(connectionId, result.error);
  useToolsStore.getState().loaded(connectionId, result.value.tools as ToolInfo[], changeNotice, result.value.invalid);
}

/**
 * Sends tools/call with the arguments as the JSON text the user has (main parses it, numbers
 * exactly). Resolves once the call has ended; its progress, result or error is in the calls store.
 */
export async function startToolCall(connectionId: string, tool: string, argumentsText: string, timeoutMs?: number, asTask = false): Promise<ToolCall> {
  const call: ToolCall = { id: newCallId(), connectionId, tool, argumentsText, startedAt: Date.now(), status: 'running', ...(timeoutMs ? { timeoutMs } : {}), ...(asTask ? { asTask } : {}) };
  useToolCallsStore.getState().start(call);
  const started = performance.now();
  const result = await periscope().connections.runTool(connectionId, { name: tool, argumentsJson: argumentsText, callId: call.id, ...(timeoutMs ? { timeoutMs } : {}), ...(asTask ? { asTask } : {}) });
  const elapsedMs = performance.now() - started;
  const patch: Partial<ToolCall> = result.ok ? { status: 'done', outcome: result.value, elapsedMs } : { status: 'failed', error: result.error, elapsedMs };
  useToolCallsStore.getState().update(connectionId, call.id, patch);
  return { ...call, ...patch };
}

/** Asks main to cancel a running call; the call itself then ends as cancelled. */
export async function cancelToolCall(connectionId: string, callId: string): Promise<void> {
  useToolCallsStore.getState().update(connectionId, callId, { status: 'cancelling' });
  await periscope().connections.cancelCall(connectionId, callId);
}

export function applyCallProgress(event: Extract<MainEvent, { type: 'call-progress' }>): void {
  const { connectionId, callId, progress, total, message } = event;
  useToolCallsStore.getState().update(connectionId, callId, { progress: { progress, ...(total !== undefined ? { total } : {}), ...(message !== undefined ? { message } : {}) } });
}

/** A status change of a call run as a task. */
export function applyTaskStatus(event: Extract<MainEvent, { type: 'task-status' }>): void {
  useToolCallsStore.getState().update(event.connectionId, event.callId, { task: event.update });
}

export function forgetTools(connectionId: string): void {
  useToolsStore.getState().forget(connectionId);
  useToolCallsStore.getState().forget(connectionId);
}

let counter = 0;
function newCallId(): string {
  counter += 1;
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `call-${Date.now()}-${counter}`;
}
