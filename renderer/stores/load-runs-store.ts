import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/model/error-info';
import type { InstanceSpread, LoadPlan, LoadRequest, LoadResult, LoadSamples } from '../../shared/model/load-run';
import { EMPTY_LOAD_FORM, type LoadForm, type LoadFormErrors } from '../workbench/load-form';

/** One load run of a connection, as the Latency section shows it. */
export interface LoadRunRecord {
  runId: string;
  /** 1, 2, 3…: "Run 2" in the list and the comparison. */
  number: number;
  request: LoadRequest;
  plan: LoadPlan;
  /** A group's run: how it used the instances (absent: this tab's connection only). */
  spread?: InstanceSpread;
  /** How many instances a group's run uses. */
  instanceCount?: number;
  /** Wall clock, ms since the epoch. */
  startedAt: number;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  /** Asked to stop, the requests in flight not yet ended. */
  cancelling?: boolean;
  progress: { done: number; failed: number; elapsedMs: number };
  /** The latest latencies while it runs, at most LIVE_SAMPLES. */
  live: LoadSamples;
  result?: LoadResult;
  /** Every measured request (main thins them beyond 20,000), once ended. */
  samples?: LoadSamples;
  error?: ErrorInfo;
}

/** A connection's Load run panel: the form, its errors, the runs of this session, what is shown and compared. */
export interface LoadRunsSlot {
  form: LoadForm;
  errors: LoadFormErrors;
  /** A refusal that is not about one field (the connection closed, say). */
  startError?: ErrorInfo;
  /** Oldest first. */
  runs: LoadRunRecord[];
  /** The run whose result is shown (else the newest). */
  shown?: string;
  /** Two runs chosen for the side-by-side comparison. */
  compared: string[];
  /** A group's connection: spread a run round-robin over the instances, or run it on each. */
  spread: InstanceSpread;
}

/** Points the live chart holds while a run goes (the result has the full, bounded set). */
export const LIVE_SAMPLES = 5000;

export const emptyLoadSlot = (): LoadRunsSlot => ({ form: EMPTY_LOAD_FORM, errors: {}, runs: [], compared: [], spread: 'round-robin' });

interface LoadRunsState {
  slots: Record<string, LoadRunsSlot>;
  patch(connectionId: string, patch: Partial<LoadRunsSlot>): void;
  add(connectionId: string, run: LoadRunRecord): void;
  update(connectionId: string, runId: string, change: (run: LoadRunRecord) => Partial<LoadRunRecord>): void;
  forget(connectionId: string): void;
}

export const useLoadRunsStore = create<LoadRunsState>()((set) => ({
  slots: {},
  patch: (connectionId, patch) => set((s) => ({ slots: { ...s.slots, [connectionId]: { ...(s.slots[connectionId] ?? emptyLoadSlot()), ...patch } } })),
  add: (connectionId, run) =>
    set((s) => {
      const slot = s.slots[connectionId] ?? emptyLoadSlot();
      return { slots: { ...s.slots, [connectionId]: { ...slot, runs: [...slot.runs, run], shown: run.runId } } };
    }),
  update: (connectionId, runId, change) =>
    set((s) => {
      const slot = s.slots[connectionId];
      if (!slot?.runs.some((r) => r.runId === runId)) return s;
      return { slots: { ...s.slots, [connectionId]: { ...slot, runs: slot.runs.map((r) => (r.runId === runId ? { ...r, ...change(r) } : r)) } } };
    }),
  forget: (connectionId) =>
    set((s) => {
      const { [connectionId]: _gone, ...slots } = s.slots;
      return { slots };
    }),
}));

/** Appends samples, keeping the newest `max`. */
export function appendSamples(held: LoadSamples, more: LoadSamples, max = LIVE_SAMPLES): LoadSamples {
  const at = held.at.concat(more.at);
  const latencyMs = held.latencyMs.concat(more.latencyMs);
  const extra = at.length - max;
  return extra > 0 ? { at: at.slice(extra), latencyMs: latencyMs.slice(extra) } : { at, latencyMs };
}
