import type { MainEvent } from '../../../shared/ipc/contract';
import type { TraceEntry } from '../../../shared/model';

export const FRAME_MS = 16;

export interface EventBatcherOptions {
  /** Receives one array of events per flush: the one IPC message of that frame. */
  send: (events: MainEvent[]) => void;
  intervalMs?: number;
  /** Injected so tests can drive time; defaults to setTimeout / clearTimeout. */
  timers?: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
}

/**
 * Collects events from main (trace entries above all, which can arrive by the thousand per
 * second) and hands them on at most once per frame, as one message. Trace entries of the same
 * connection that arrive between two other events are merged into one 'trace' event, so order
 * between a connection's state changes and its entries is kept.
 */
export class EventBatcher {
  private queue: MainEvent[] = [];
  /** The open 'trace' event of each connection since the last non-trace event. */
  private openTrace = new Map<string, TraceEntry[]>();
  private timer: unknown;
  private lastFlush = -Infinity;
  private readonly intervalMs: number;
  private readonly timers: NonNullable<EventBatcherOptions['timers']>;

  constructor(private readonly options: EventBatcherOptions) {
    this.intervalMs = options.intervalMs ?? FRAME_MS;
    this.timers = options.timers ?? {
      set: (fn, ms) => setTimeout(fn, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  trace(entry: TraceEntry): void {
    const open = this.openTrace.get(entry.connectionId);
    if (open) {
      open.push(entry);
    } else {
      const entries = [entry];
      this.openTrace.set(entry.connectionId, entries);
      this.queue.push({ type: 'trace', connectionId: entry.connectionId, entries });
    }
    this.schedule();
  }

  event(event: MainEvent): void {
    if (event.type === 'trace') {
      for (const entry of event.entries) this.trace(entry);
      return;
    }
    this.openTrace.clear();
    this.queue.push(event);
    this.schedule();
  }

  /** Sends whatever is queued now (used on quit and by tests). */
  flush(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const events = this.queue;
    this.queue = [];
    this.openTrace = new Map();
    this.lastFlush = performance.now();
    this.options.send(events);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.queue = [];
    this.openTrace.clear();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    // The first event after a quiet spell goes out at the next tick; a burst waits for the frame.
    const wait = Math.max(0, this.intervalMs - (performance.now() - this.lastFlush));
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }
}
