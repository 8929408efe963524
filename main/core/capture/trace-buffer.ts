import type { TraceEntry } from '../../../shared/model/trace';

export const DEFAULT_TRACE_CAPACITY = 50_000;

/**
 * The in-memory window on a connection's trace: a fixed-size ring, so a chatty server cannot
 * grow memory without bound. What falls out is counted (and is still in the session file when
 * one is recorded).
 */
export class TraceBuffer {
  private readonly ring: (TraceEntry | undefined)[];
  /** Index of the oldest entry. */
  private head = 0;
  private count = 0;
  private evictedCount = 0;

  constructor(readonly capacity: number = DEFAULT_TRACE_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`Trace buffer capacity must be a positive integer, got ${capacity}`);
    }
    this.ring = new Array<TraceEntry | undefined>(capacity);
  }

  push(e: TraceEntry): void {
    if (this.count < this.capacity) {
      this.ring[(this.head + this.count) % this.capacity] = e;
      this.count++;
      return;
    }
    // Full: overwrite the oldest and move the head past it.
    this.ring[this.head] = e;
    this.head = (this.head + 1) % this.capacity;
    this.evictedCount++;
  }

  /** Oldest first; a copy, so callers may keep it while the buffer moves on. */
  entries(): TraceEntry[] {
    const out = new Array<TraceEntry>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.ring[(this.head + i) % this.capacity]!;
    return out;
  }

  get size(): number {
    return this.count;
  }

  /** How many entries were pushed out since creation (or the last clear). */
  get evicted(): number {
    return this.evictedCount;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.head = 0;
    this.count = 0;
    this.evictedCount = 0;
  }
}
