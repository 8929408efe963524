import { create } from 'zustand';
import { EMPTY_FILTER, type TraceFilter } from '../trace/trace-filter';

/** Per trace: what the user filters on and which entry is open. Kept when switching tabs. */
interface TraceViewState {
  filters: Record<string, TraceFilter>;
  selectedSeq: Record<string, number | undefined>;
  setFilter(traceId: string, patch: Partial<TraceFilter>): void;
  resetFilter(traceId: string): void;
  select(traceId: string, seq: number | undefined): void;
  forget(traceId: string): void;
}

export const useTraceViewStore = create<TraceViewState>()((set) => ({
  filters: {},
  selectedSeq: {},
  setFilter(traceId, patch) {
    set((s) => ({ filters: { ...s.filters, [traceId]: { ...(s.filters[traceId] ?? EMPTY_FILTER), ...patch } } }));
  },
  resetFilter(traceId) {
    set((s) => ({ filters: { ...s.filters, [traceId]: EMPTY_FILTER } }));
  },
  select(traceId, seq) {
    set((s) => ({ selectedSeq: { ...s.selectedSeq, [traceId]: seq } }));
  },
  forget(traceId) {
    set((s) => {
      const { [traceId]: _f, ...filters } = s.filters;
      const { [traceId]: _s, ...selectedSeq } = s.selectedSeq;
      return { filters, selectedSeq };
    });
  },
}));

export function filterOf(state: { filters: Record<string, TraceFilter> }, traceId: string): TraceFilter {
  return state.filters[traceId] ?? EMPTY_FILTER;
}
