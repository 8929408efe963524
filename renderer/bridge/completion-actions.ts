import type { ChannelInput } from '../../shared/ipc/contract';
import { periscope } from './api';

export type CompletionRef = ChannelInput<'connections:complete'>['ref'];

/**
 * completion/complete for one argument as typed so far, the other filled-in arguments as
 * context. Resolves with the server's suggestions; an error (the server offers none for this
 * argument, the connection is gone) gives none: suggestions are a help, never a blocker.
 */
export async function fetchCompletions(connectionId: string, ref: CompletionRef, name: string, value: string, values: Record<string, string>): Promise<string[]> {
  const context = Object.fromEntries(Object.entries(values).filter(([key, v]) => key !== name && v !== ''));
  const result = await periscope().connections.complete(connectionId, { ref, argument: { name, value }, ...(Object.keys(context).length > 0 ? { context } : {}) });
  return result.ok ? result.value.completion.values : [];
}
