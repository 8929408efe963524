import { create } from 'zustand';
import type { TraceEntry } from '../../shared/model/trace';
import type { BundleSummary } from '../../shared/ipc/contract';
import { TraceLog } from '../trace/trace-log';
import { scheduleSearchWarmUp } from '../trace/search-warm-up';

/** Where a trace came from: a live connection, or a session file opened offline (read-only). */
export interface TraceSource {
  kind: 'live' | 'session';
  title: string;
  /** For a session file: the path it was read from, and when it was written. */
  path?: string;
  createdAt?: number;
  /** How many older entries main's bounded buffer had dropped when this trace was loaded. */
  evicted?: number;
  /** For a repro bundle: everything in it but the trace (remote, versions, outcome, optional parts). */
  bundle?: BundleSummary;
}

export interface TraceSlot {
  log: TraceLog;
  source: TraceSource;
  /** Bumped on every change; the log itself is mutated in place (see TraceLog). */
  version: number;
}

interface TraceState {
  traces: Record<string, TraceSlot>;
  /** Creates the trace if it does not exist yet; updates its title otherwise. */
  ensureTrace(traceId: string, source: TraceSource): void;
  /** Appends a batch in arrival order. Cheap: no copy of what is already there. */
  appendEntries(traceId: string, entries: readonly TraceEntry[]): void;
  /** Replaces a trace's content at once (an opened session file, a snapshot). */
  replaceEntries(traceId: string, entries: readonly TraceEntry[], source: TraceSource): void;
  clearTrace(traceId: string): void;
  removeTrace(traceId: string): void;
}

export const useTraceStore = create<TraceState>()((set, get) => ({
  traces: {},

  ensureTrace(traceId, source) {
    const slot = get().traces[traceId];
    if (slot && slot.source.title === source.title && slot.source.kind === source.kind) return;
    set((s) => ({
      traces: {
        ...s.traces,
        [traceId]: slot ? { ...slot, source, version: slot.version + 1 } : { log: new TraceLog(), source, version: 0 },
      },
    }));
  },

  appendEntries(traceId, entries) {
    if (entries.length === 0) return;
    const existing = get().traces[traceId];
    const slot = existing ?? { log: new TraceLog(), source: { kind: 'live', title: traceId }, version: 0 };
    slot.log.append(entries);
    set((s) => ({ traces: { ...s.traces, [traceId]: { ...slot, version: slot.version + 1 } } }));
    scheduleSearchWarmUp(slot.log);
  },

  replaceEntries(traceId, entries, source) {
    const log = new TraceLog(Math.max(entries.length, 1) * 2);
    log.append(entries);
    const previous = get().traces[traceId];
    set((s) => ({ traces: { ...s.traces, [traceId]: { log, source, version: (previous?.version ?? 0) + 1 } } }));
    scheduleSearchWarmUp(log);
  },

  clearTrace(traceId) {
    const slot = get().traces[traceId];
    if (!slot) return;
    slot.log.clear();
    set((s) => ({ traces: { ...s.traces, [traceId]: { ...slot, version: slot.version + 1 } } }));
  },

  removeTrace(traceId) {
    if (!get().traces[traceId]) return;
    set((s) => {
      const { [traceId]: _removed, ...rest } = s.traces;
      return { traces: rest };
    });
  },
}));

/** Direct access for the bridge and the benchmark: bulk-load entries without React in the loop. */
export function appendEntries(traceId: string, entries: readonly TraceEntry[]): void {
  useTraceStore.getState().appendEntries(traceId, entries);
}
