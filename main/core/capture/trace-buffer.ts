import type { TraceEntry } from '../../../shared/model/trace';
import { DEFAULT_CONNECTION_BUDGET_BYTES, entryBytes } from '../../../shared/model/trace-size';

export const DEFAULT_TRACE_CAPACITY = 50_000;

/**
 * The in-memory window on a connection's trace: a fixed-size ring, so a chatty server cannot
 * grow memory without bound, and a byte budget (estimated with entryBytes), so a server with big
 * answers cannot either. The oldest entries go first, whichever limit is reached. What falls
 * out is counted (and is still in the session file when one is recorded).
 */
export class TraceBuffer {
  private readonly ring: (TraceEntry | undefined)[];
  private readonly sizes: Float64Array;
  /** Index of the oldest entry. */
  private head = 0;
  private count = 0;
  private evictedCount = 0;
  private heldBytes = 0;

  /**
   * @param capacity most entries kept
   * @param budgetBytes most bytes kept (estimated); an entry bigger than the whole budget is still
   *   kept alone, as the latest entry must always be visible
   * @param beforeRead run before every read: the connection's bus settles its later work (see
   *   LaterWork), so a reader never sees the trace behind
   */
  constructor(
    readonly capacity: number = DEFAULT_TRACE_CAPACITY,
    readonly budgetBytes: number = DEFAULT_CONNECTION_BUDGET_BYTES,
    private readonly beforeRead?: () => void,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`Trace buffer capacity must be a positive integer, got ${capacity}`);
    }
    if (!(budgetBytes > 0)) throw new RangeError(`Trace buffer byte budget must be positive, got ${budgetBytes}`);
    this.ring = new Array<TraceEntry | undefined>(capacity);
    this.sizes = new Float64Array(capacity);
  }

  push(e: TraceEntry): void {
    const bytes = entryBytes(e);
    if (this.count === this.capacity) this.dropOldest();
    while (this.count > 0 && this.heldBytes + bytes > this.budgetBytes) this.dropOldest();
    const slot = (this.head + this.count) % this.capacity;
    this.ring[slot] = e;
    this.sizes[slot] = bytes;
    this.heldBytes += bytes;
    this.count++;
  }

  /** Oldest first; a copy, so callers may keep it while the buffer moves on. */
  entries(): TraceEntry[] {
    this.beforeRead?.();
    const out = new Array<TraceEntry>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.ring[(this.head + i) % this.capacity]!;
    return out;
  }

  get size(): number {
    this.beforeRead?.();
    return this.count;
  }

  /** Estimated bytes the entries held now take (see entryBytes). */
  get bytes(): number {
    this.beforeRead?.();
    return this.heldBytes;
  }

  /** How many entries were pushed out since creation (or the last clear). */
  get evicted(): number {
    return this.evictedCount;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.sizes.fill(0);
    this.head = 0;
    this.count = 0;
    this.evictedCount = 0;
    this.heldBytes = 0;
  }

  private dropOldest(): void {
    this.heldBytes -= this.sizes[this.head];
    this.ring[this.head] = undefined;
    this.sizes[this.head] = 0;
    this.head = (this.head + 1) % this.capacity;
    this.count--;
    this.evictedCount++;
  }
}
