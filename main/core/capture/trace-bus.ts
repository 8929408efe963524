import type { TraceDraft, TraceEntry } from '../../../shared/model/trace';
import { monoNow } from './clock';
import { LaterWork } from './later-work';
import type { Redactor } from './redaction';

export type TraceListener = (entry: TraceEntry) => void;

/**
 * Turns a full entry into the copy memory keeps (see heldCopy): the entry itself unless its
 * payload is too big or too deep. Installed by the connection, which knows the byte cap and
 * whether the session file has the entry.
 */
export type EntryHolder = (entry: TraceEntry) => TraceEntry;

/**
 * The one place a connection's trace entries are born: it stamps seq and times and fans each
 * entry out to subscribers (buffer, session file, metrics, CLI printer, IPC batcher).
 *
 * It is also the choke point of redaction for the trace: every draft passes the connection's
 * Redactor here (Redactor.entry: every string by value, header maps and URLs also by name), so
 * whatever a producer records (a message, an SSE event id, a stderr line, a warning, an error),
 * no subscriber ever sees a known secret. Producers that cut text (body caps, long lines) must
 * still redact before cutting, so a secret is never cut in half and half shown.
 *
 * Two kinds of subscribers: `subscribeFull` ones (the session file) get the whole entry first;
 * `subscribe` ones (everything that keeps entries in memory or sends them on) get the held copy,
 * which has a huge or too-deep payload cut, with a marker saying where the whole one is.
 */
export class TraceBus {
  private nextSeq = 1;
  private readonly listeners = new Set<TraceListener>();
  private readonly fullListeners = new Set<TraceListener>();
  private holder: EntryHolder | undefined;
  private readonly laterWork = new LaterWork();
  /** Entries being delivered now (emit inside a listener nests). */
  private emitting = 0;

  constructor(
    readonly connectionId: string,
    /** Required: producers (the SSE observer, for one) leave redaction of whole values to the bus. */
    private readonly redactor: Redactor,
  ) {}

  /** Returns the held copy (the full entry when nothing had to be cut). */
  emit(raw: TraceDraft): TraceEntry {
    const draft = this.redactor.entry(raw);
    const stamps = {
      seq: this.nextSeq++,
      connectionId: this.connectionId,
      wallTime: draft.wallTime ?? Date.now(),
      monoTime: draft.monoTime ?? monoNow(),
    };
    // Same values as `{ ...draft, ...stamps }`, but several times faster in V8 on this hot path
    // (every message of every connection passes here). The placeholders put the stamps first in
    // key order (readable NDJSON); the stamps are applied last, so a draft never overrides them.
    const entry = Object.assign({ seq: 0, connectionId: '', wallTime: 0, monoTime: 0 }, draft, stamps) as TraceEntry;
    this.emitting++;
    try {
      // The file first: whether it took the entry decides what the held copy's marker says.
      if (this.fullListeners.size > 0) deliver(this.fullListeners, entry);
      let held = entry;
      try {
        if (this.holder) held = this.holder(entry);
      } catch {
        // A holder that fails keeps the entry as it is rather than losing it.
      }
      deliver(this.listeners, held);
      return held;
    } finally {
      this.emitting--;
    }
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** For the session file only: every entry whole, before the held copies go out. */
  subscribeFull(listener: TraceListener): () => void {
    this.fullListeners.add(listener);
    return () => this.fullListeners.delete(listener);
  }

  setHolder(holder: EntryHolder | undefined): void {
    this.holder = holder;
  }

  /**
   * Runs a producer's bookkeeping at the next turn of the event loop (see LaterWork): work the
   * exchange does not wait for, such as describing a request once it has gone out.
   */
  later(work: () => void): void {
    this.laterWork.add(work);
  }

  /**
   * Runs the queued later() work now: before reading anything the entries feed. Not while an
   * entry is being delivered (a listener that reads the buffer): the work's entries would reach the
   * listeners after it before that entry does. It then runs at the next turn, as queued.
   */
  settle(): void {
    if (this.emitting === 0) this.laterWork.settle();
  }

  /** The seq the next entry will get; lets producers refer forward (e.g. pairing). */
  peekNextSeq(): number {
    return this.nextSeq;
  }
}

function deliver(listeners: Set<TraceListener>, entry: TraceEntry): void {
  for (const listener of listeners) {
    try {
      listener(entry);
    } catch {
      // A broken subscriber must never break the connection or the other subscribers.
    }
  }
}
