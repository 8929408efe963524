import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/model/error-info';

/** A prompt as prompts/list describes it (MCP 2025-11-25 server/prompts). */
export interface PromptInfo {
  name: string;
  title?: string;
  description?: string;
  arguments?: Array<{ name: string; title?: string; description?: string; required?: boolean }>;
}

/** One prompts/get: its result's messages, or its error. */
export interface PromptGet {
  status: 'getting' | 'done' | 'failed';
  description?: string;
  messages?: Array<{ role: string; content: Record<string, unknown> }>;
  error?: ErrorInfo;
}

export interface PromptsSlot {
  status: 'loading' | 'ready' | 'failed';
  /** Why the list was listed again (the server said it changed), until dismissed. */
  changeNotice?: string;
  prompts: PromptInfo[];
  error?: ErrorInfo;
  query: string;
  selected?: string;
  /** Each prompt's argument values as typed, by prompt name. */
  values: Record<string, Record<string, string>>;
  /** The latest get of each prompt, by name. */
  gets: Record<string, PromptGet>;
}

const EMPTY: PromptsSlot = { status: 'loading', prompts: [], query: '', values: {}, gets: {} };

interface PromptsState {
  slots: Record<string, PromptsSlot>;
  update(connectionId: string, change: (slot: PromptsSlot) => Partial<PromptsSlot>): void;
  forget(connectionId: string): void;
}

export const usePromptsStore = create<PromptsState>()((set) => ({
  slots: {},
  update: (connectionId, change) =>
    set((s) => {
      const slot = s.slots[connectionId] ?? EMPTY;
      return { slots: { ...s.slots, [connectionId]: { ...slot, ...change(slot) } } };
    }),
  forget: (connectionId) =>
    set((s) => {
      const { [connectionId]: _gone, ...slots } = s.slots;
      return { slots };
    }),
}));

export function promptsSlot(state: { slots: Record<string, PromptsSlot> }, connectionId: string): PromptsSlot {
  return state.slots[connectionId] ?? EMPTY;
}
