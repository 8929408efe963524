import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/model/error-info';
import type { PendingServerRequest, SettledServerRequest } from '../../shared/model/server-request';

/** One connection's requests from the server: those waiting (oldest first) and those settled (newest first). */
export interface ServerRequestsSlot {
  pending: PendingServerRequest[];
  settled: SettledServerRequest[];
  /** Ids of pending requests whose answer is on its way to main. */
  sending: Record<string, true>;
  /** An answer main refused (the request was gone, the answer did not fit), by request id. */
  errors: Record<string, ErrorInfo>;
  /** The connection declared roots when it opened (known once the list was loaded). */
  rootsDeclared?: boolean;
}

const EMPTY: ServerRequestsSlot = { pending: [], settled: [], sending: {}, errors: {} };

/** Most settled requests kept per connection in the window (main keeps the same bound). */
const MAX_SETTLED = 200;

interface ServerRequestsState {
  slots: Record<string, ServerRequestsSlot>;
  /** Connections whose list was loaded from main (after that, events keep it current). */
  loaded: Record<string, true>;
  load(connectionId: string, pending: PendingServerRequest[], settled: SettledServerRequest[], rootsDeclared: boolean): void;
  add(request: PendingServerRequest): void;
  settle(record: SettledServerRequest): void;
  setSending(connectionId: string, id: string, sending: boolean, error?: ErrorInfo): void;
  forget(connectionId: string): void;
}

export const useServerRequestsStore = create<ServerRequestsState>()((set) => {
  const update = (connectionId: string, change: (slot: ServerRequestsSlot) => Partial<ServerRequestsSlot>) =>
    set((s) => {
      const slot = s.slots[connectionId] ?? EMPTY;
      return { slots: { ...s.slots, [connectionId]: { ...slot, ...change(slot) } } };
    });
  return {
    slots: {},
    loaded: {},
    load(connectionId, pending, settled, rootsDeclared) {
      // Events may have arrived before the list: keep them, without duplicates.
      update(connectionId, (slot) => ({
        pending: uniqueById([...pending, ...slot.pending]).filter((p) => !settled.some((r) => r.id === p.id) && !slot.settled.some((r) => r.id === p.id)),
        settled: uniqueById([...slot.settled, ...[...settled].reverse()]).slice(0, MAX_SETTLED),
        rootsDeclared,
      }));
      set((s) => ({ loaded: { ...s.loaded, [connectionId]: true } }));
    },
    add(request) {
      update(request.connectionId, (slot) => (slot.pending.some((p) => p.id === request.id) || slot.settled.some((r) => r.id === request.id) ? {} : { pending: [...slot.pending, request] }));
    },
    settle(record) {
      update(record.connectionId, (slot) => {
        const { [record.id]: _sent, ...sending } = slot.sending;
        return {
          pending: slot.pending.filter((p) => p.id !== record.id),
          settled: slot.settled.some((r) => r.id === record.id) ? slot.settled : [record, ...slot.settled].slice(0, MAX_SETTLED),
          sending,
        };
      });
    },
    setSending(connectionId, id, sending, error) {
      update(connectionId, (slot) => {
        const { [id]: _was, ...rest } = slot.sending;
        const { [id]: _old, ...errors } = slot.errors;
        return { sending: sending ? { ...rest, [id]: true } : rest, errors: error ? { ...errors, [id]: error } : errors };
      });
    },
    forget(connectionId) {
      set((s) => {
        const { [connectionId]: _gone, ...slots } = s.slots;
        const { [connectionId]: _was, ...loaded } = s.loaded;
        return { slots, loaded };
      });
    },
  };
});

export function serverRequestsSlot(state: { slots: Record<string, ServerRequestsSlot> }, connectionId: string): ServerRequestsSlot {
  return state.slots[connectionId] ?? EMPTY;
}

/** How many requests wait for an answer on one connection (the badge on its tabs). */
export function pendingCount(state: { slots: Record<string, ServerRequestsSlot> }, connectionId: string): number {
  return state.slots[connectionId]?.pending.length ?? 0;
}

function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}
