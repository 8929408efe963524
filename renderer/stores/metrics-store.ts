import { create } from 'zustand';
import type { LatencySamples, MetricsSnapshot } from '../../shared/model/metrics';
import type { ErrorInfo } from '../../shared/model/error-info';

/** The analytics shown per tab: a live connection's (asked for again while shown) or an opened session file's. */
export interface MetricsSlot {
  snapshot?: MetricsSnapshot;
  /** Wall clock of the snapshot, ms since the epoch. */
  at?: number;
  error?: ErrorInfo;
  /** Answered requests for the charts, the latest SAMPLES_SHOWN; `next` is what to ask from next time. */
  samples?: LatencySamples;
}

/** Points the charts hold per tab (main keeps as many). */
export const SAMPLES_SHOWN = 100_000;

/** Appends newly fetched samples (sequence numbers from `more.from`) to those held, keeping the latest SAMPLES_SHOWN. */
export function mergeSamples(held: LatencySamples | undefined, more: LatencySamples): LatencySamples {
  if (!held || more.from !== held.next) return trimSamples(more);
  return trimSamples({
    methods: more.methods,
    from: held.from,
    next: more.next,
    at: held.at.concat(more.at),
    latencyMs: held.latencyMs.concat(more.latencyMs),
    method: held.method.concat(more.method),
  });
}

function trimSamples(samples: LatencySamples): LatencySamples {
  const extra = samples.at.length - SAMPLES_SHOWN;
  if (extra <= 0) return samples;
  return { ...samples, from: samples.from + extra, at: samples.at.slice(extra), latencyMs: samples.latencyMs.slice(extra), method: samples.method.slice(extra) };
}

interface MetricsState {
  slots: Record<string, MetricsSlot>;
  set(tabId: string, slot: MetricsSlot): void;
  patch(tabId: string, patch: Partial<MetricsSlot>): void;
  forget(tabId: string): void;
}

export const useMetricsStore = create<MetricsState>()((set) => ({
  slots: {},
  set: (tabId, slot) => set((s) => ({ slots: { ...s.slots, [tabId]: slot } })),
  patch: (tabId, patch) => set((s) => ({ slots: { ...s.slots, [tabId]: { ...s.slots[tabId], ...patch } } })),
  forget: (tabId) =>
    set((s) => {
      const { [tabId]: _gone, ...slots } = s.slots;
      return { slots };
    }),
}));
