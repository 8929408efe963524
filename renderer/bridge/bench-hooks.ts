import type { TraceEntry } from '../../shared/model/trace';
import { useTraceStore } from '../stores/trace-store';
import { useUiStore } from '../stores/ui-store';
import { warmUpSearchNow } from '../trace/search-warm-up';

/**
 * Hooks for the trace-view benchmark (bench/, e2e): load many entries into a read-only tab
 * without IPC in the loop. Renderer-only state; nothing here reaches main or any secret.
 */
export interface PeriscopeBenchHooks {
  /** Opens (or reuses) a tab showing `entries`; returns its id. */
  loadTrace(entries: TraceEntry[], title?: string): string;
  /** Appends to a trace already loaded (a live-like burst). */
  appendEntries(traceId: string, entries: TraceEntry[]): void;
  /** Precomputes search texts now (they are otherwise built in idle time). */
  warmUpSearch(): void;
}

declare global {
  interface Window {
    periscopeBench?: PeriscopeBenchHooks;
  }
}

let benchCount = 0;

export function exposeBenchHooks(): void {
  window.periscopeBench = {
    loadTrace(entries, title = 'Benchmark') {
      const traceId = `bench:${++benchCount}`;
      useTraceStore.getState().replaceEntries(traceId, entries, { kind: 'session', title });
      useUiStore.getState().openTab({ id: traceId, kind: 'session', title });
      return traceId;
    },
    appendEntries(traceId, entries) {
      useTraceStore.getState().appendEntries(traceId, entries);
    },
    warmUpSearch: warmUpSearchNow,
  };
}
