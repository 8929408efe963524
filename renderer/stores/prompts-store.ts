import { createSlotsStore } from './connection-slots';
import type { ErrorInfo } from '../../shared/model/error-info';
import type { InvalidListItem } from '../../shared/model/invalid-list-item';

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
  /** Prompts the server listed that break the MCP schema, left out of `prompts`. */
  invalid?: InvalidListItem[];
  error?: ErrorInfo;
  query: string;
  selected?: string;
  /** Each prompt's argument values as typed, by prompt name. */
  values: Record<string, Record<string, string>>;
  /** The latest get of each prompt, by name. */
  gets: Record<string, PromptGet>;
}

const EMPTY: PromptsSlot = { status: 'loading', prompts: [], query: '', values: {}, gets: {} };

const prompts = createSlotsStore<PromptsSlot>(EMPTY);

/** The Prompts section's state, one slot per connection. */
export const usePromptsStore = prompts.useStore;
export const promptsSlot = prompts.slotOf;
