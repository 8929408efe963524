import { contract, isChannel, type Channel, type InvokeResult } from '../../../shared/ipc/contract';
import type { CoreHandlers } from './core-handlers';
import { invalidInput, toInvokeResult } from './invoke-result';

export type Dispatch = (channel: unknown, input: unknown) => Promise<InvokeResult<unknown>>;

/**
 * The single entry point for a call from a window (ARCHITECTURE.md rule 3): the channel must be
 * in the contract and the input must pass its schema before any handler runs. main/ipc and the
 * e2e test bridge both go through here, so the tests exercise the app's validation.
 */
export function createDispatch(handlers: CoreHandlers): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return { ok: false, error: invalidInput(`Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}.`) };
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return { ok: false, error: invalidInput(`The request ${channel} is not valid: ${issues.map((i) => `${i.path || 'input'}: ${i.message}`).join('; ')}`, issues) };
    }
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return toInvokeResult(() => handler(parsed.data));
  };
}

export type { Channel };
