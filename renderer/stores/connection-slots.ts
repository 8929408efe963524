import { create } from 'zustand';

/** A section's state, one slot per connection, each starting as `empty`. */
export interface SlotsState<Slot> {
  slots: Record<string, Slot>;
  /** Merges what `change` returns into the connection's slot (created from `empty` on first use). */
  update(connectionId: string, change: (slot: Slot) => Partial<Slot>): void;
  /** Drops the connection's slot (its tab closed). */
  forget(connectionId: string): void;
}

/**
 * A zustand store of per-connection slots, and the reader that gives a connection's slot or the
 * empty one (the same object every time, so selectors do not re-render on nothing).
 */
export function createSlotsStore<Slot>(empty: Slot) {
  const useStore = create<SlotsState<Slot>>()((set) => ({
    slots: {},
    update: (connectionId, change) =>
      set((s) => {
        const slot = s.slots[connectionId] ?? empty;
        return { slots: { ...s.slots, [connectionId]: { ...slot, ...change(slot) } } };
      }),
    forget: (connectionId) =>
      set((s) => {
        const { [connectionId]: _gone, ...slots } = s.slots;
        return { slots };
      }),
  }));
  const slotOf = (state: { slots: Record<string, Slot> }, connectionId: string): Slot => state.slots[connectionId] ?? empty;
  return { useStore, slotOf };
}
