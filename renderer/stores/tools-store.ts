import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/model/error-info';
import type { InvalidListItem } from '../../shared/model/invalid-list-item';

/** A tool as tools/list describes it (MCP 2025-11-25 server/tools); only what the workbench reads is named. */
export interface ToolInfo {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: { title?: string; readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
  icons?: Array<{ src: string; mimeType?: string; sizes?: string[]; theme?: string }>;
}

export type ArgumentsMode = 'form' | 'json';

/** One connection's tools in the workbench: the list, the search, the chosen tool, its arguments. */
export interface ToolsSlot {
  status: 'loading' | 'ready' | 'failed';
  tools: ToolInfo[];
  error?: ErrorInfo;
  /** Said once the list was refreshed because the server announced a change. */
  changeNotice?: string;
  /** Tools the server listed that break the MCP schema, left out of `tools`. */
  invalid?: InvalidListItem[];
  query: string;
  selected?: string;
  /** Each tool's arguments as JSON text: the form and the JSON editor both show this text. */
  drafts: Record<string, string>;
  mode: ArgumentsMode;
  /** The per-call timeout as typed (milliseconds; empty for the connection's own). */
  timeoutText: string;
  /** The history entry whose result is shown (else the newest ended call of the chosen tool). */
  shownCallId?: string;
}

const EMPTY: ToolsSlot = { status: 'loading', tools: [], query: '', drafts: {}, mode: 'form', timeoutText: '' };

interface ToolsState {
  slots: Record<string, ToolsSlot>;
  loading(connectionId: string): void;
  loaded(connectionId: string, tools: ToolInfo[], changeNotice?: string, invalid?: InvalidListItem[]): void;
  failed(connectionId: string, error: ErrorInfo): void;
  patch(connectionId: string, patch: Partial<Pick<ToolsSlot, 'query' | 'selected' | 'mode' | 'timeoutText' | 'changeNotice' | 'shownCallId'>>): void;
  setDraft(connectionId: string, tool: string, text: string): void;
  forget(connectionId: string): void;
}

export const useToolsStore = create<ToolsState>()((set) => {
  const update = (connectionId: string, change: (slot: ToolsSlot) => Partial<ToolsSlot>) =>
    set((s) => {
      const slot = s.slots[connectionId] ?? EMPTY;
      return { slots: { ...s.slots, [connectionId]: { ...slot, ...change(slot) } } };
    });
  return {
    slots: {},
    loading: (connectionId) => update(connectionId, () => ({ status: 'loading', error: undefined })),
    loaded: (connectionId, tools, changeNotice, invalid) =>
      update(connectionId, (slot) => ({
        status: 'ready',
        tools,
        invalid,
        error: undefined,
        changeNotice,
        // A tool that is gone cannot stay chosen.
        selected: slot.selected && tools.some((t) => t.name === slot.selected) ? slot.selected : tools[0]?.name,
      })),
    failed: (connectionId, error) => update(connectionId, () => ({ status: 'failed', error })),
    patch: (connectionId, patch) => update(connectionId, () => patch),
    setDraft: (connectionId, tool, text) => update(connectionId, (slot) => ({ drafts: { ...slot.drafts, [tool]: text } })),
    forget: (connectionId) =>
      set((s) => {
        const { [connectionId]: _gone, ...slots } = s.slots;
        return { slots };
      }),
  };
});

export function toolsSlot(state: { slots: Record<string, ToolsSlot> }, connectionId: string): ToolsSlot {
  return state.slots[connectionId] ?? EMPTY;
}
