import type { TraceEntry } from '../../shared/model/trace';
import { usePromptsStore } from '../stores/prompts-store';
import { useResourcesStore } from '../stores/resources-store';
import { useToolsStore } from '../stores/tools-store';
import { loadPrompts } from './prompt-actions';
import { loadResources } from './resource-actions';
import { loadTools } from './tool-actions';

/**
 * The three list-change notifications and the list each refreshes. A 2025 server sends them
 * unasked; a 2026-07-28 server sends them on the subscriptions/listen stream main opens for a
 * modern connection (see main/core/service/list-change-listener.ts). Either way they arrive in
 * the trace.
 */
const LISTS = [
  { method: 'notifications/tools/list_changed', what: 'tools', listed: (id: string) => id in useToolsStore.getState().slots, refresh: loadTools },
  { method: 'notifications/resources/list_changed', what: 'resources', listed: (id: string) => id in useResourcesStore.getState().slots, refresh: loadResources },
  { method: 'notifications/prompts/list_changed', what: 'prompts', listed: (id: string) => id in usePromptsStore.getState().slots, refresh: loadPrompts },
] as const;

/**
 * A list the workbench has shown is listed again when the server says it changed, and the
 * section says why; a list not opened yet is listed fresh when it is opened anyway.
 */
export function refreshOnListChanged(connectionId: string, entries: readonly TraceEntry[]): void {
  for (const list of LISTS) {
    const changed = entries.some((e) => e.type === 'message' && e.direction === 'incoming' && e.method === list.method);
    if (!changed || !list.listed(connectionId)) continue;
    void list.refresh(connectionId, `The server said its ${list.what} changed (${list.method}); the list was refreshed at ${new Date().toLocaleTimeString()}.`);
  }
}
