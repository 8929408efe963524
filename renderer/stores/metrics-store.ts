import { create } from 'zustand';
import type { MetricsSnapshot } from '../../shared/model/metrics';
import type { ErrorInfo } from '../../shared/model/error-info';

/** The analytics shown per tab: a live connection's (asked for again while shown) or an opened session file's. */
export interface MetricsSlot {
  snapshot?: MetricsSnapshot;
  /** Wall clock of the snapshot, ms since the epoch. */
  at?: number;
  error?: ErrorInfo;
}

interface MetricsState {
  slots: Record<string, MetricsSlot>;
  set(tabId: string, slot: MetricsSlot): void;
  forget(tabId: string): void;
}

export const useMetricsStore = create<MetricsState>()((set) => ({
  slots: {},
  set: (tabId, slot) => set((s) => ({ slots: { ...s.slots, [tabId]: slot } })),
  forget: (tabId) =>
    set((s) => {
      const { [tabId]: _gone, ...slots } = s.slots;
      return { slots };
    }),
}));
