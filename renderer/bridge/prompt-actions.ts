import { usePromptsStore, type PromptGet, type PromptInfo } from '../stores/prompts-store';
import { periscope } from './api';

const store = () => usePromptsStore.getState();

/** Lists the prompts (every page: main follows nextCursor); `changeNotice` says why it listed again. */
export async function loadPrompts(connectionId: string, changeNotice?: string): Promise<void> {
  store().update(connectionId, () => ({ status: 'loading', error: undefined }));
  const result = await periscope().connections.listPrompts(connectionId);
  if (!result.ok) return store().update(connectionId, () => ({ status: 'failed', error: result.error }));
  const prompts = result.value.prompts as PromptInfo[];
  store().update(connectionId, (slot) => ({
    status: 'ready',
    prompts,
    invalid: result.value.invalid,
    changeNotice,
    selected: slot.selected && prompts.some((p) => p.name === slot.selected) ? slot.selected : prompts[0]?.name,
  }));
}

/** prompts/get with the non-empty arguments; its messages (or error) land in the slot. */
export async function getPrompt(connectionId: string, name: string, values: Record<string, string>): Promise<void> {
  store().update(connectionId, (slot) => ({ gets: { ...slot.gets, [name]: { status: 'getting' } } }));
  const args = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
  const result = await periscope().connections.getPrompt(connectionId, name, Object.keys(args).length > 0 ? args : undefined);
  const got: PromptGet = result.ok
    ? { status: 'done', description: result.value.description as string | undefined, messages: (result.value.messages as PromptGet['messages']) ?? [] }
    : { status: 'failed', error: result.error };
  store().update(connectionId, (slot) => ({ gets: { ...slot.gets, [name]: got } }));
}

export function forgetPrompts(connectionId: string): void {
  store().forget(connectionId);
}
