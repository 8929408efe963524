import type { TraceDraft, TraceEntry } from '../../../shared/model/trace';
import { monoNow } from './clock';

export type TraceListener = (entry: TraceEntry) => void;

/**
 * The one place a connection's trace entries are born: it stamps seq and times and fans each
 * entry out to subscribers (buffer, session file, metrics, CLI printer, IPC batcher). Producers
 * must hand it drafts that are already redacted.
 */
export class TraceBus {
  private nextSeq = 1;
  private readonly listeners = new Set<TraceListener>();

  constructor(readonly connectionId: string) {}

  emit(draft: TraceDraft): TraceEntry {
    const monoTime = draft.monoTime ?? monoNow();
    const entry = {
      ...draft,
      seq: this.nextSeq++,
      connectionId: this.connectionId,
      wallTime: draft.wallTime ?? Date.now(),
      monoTime,
    } as TraceEntry;
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch {
        // A broken subscriber must never break the connection or the other subscribers.
      }
    }
    return entry;
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The seq the next entry will get; lets producers refer forward (e.g. pairing). */
  peekNextSeq(): number {
    return this.nextSeq;
  }
}
