import type { LatencySamples } from '../../../shared/model/metrics';

/** Answered requests kept per connection for the charts; the oldest give way. */
export const SAMPLES_KEPT = 100_000;

/** The ring starts this small and doubles as samples come, up to its capacity. */
const FIRST_SIZE = 1024;

/**
 * The latest answered requests of one connection as columns (when, how long, which method), for
 * the latency-over-time and distribution charts. A ring of typed arrays, grown by doubling while
 * it fills (a quiet connection holds a few KB, a busy one at most about 1.4 MB at SAMPLES_KEPT),
 * O(1) per sample. Each sample has a sequence number, so the window asks only for the ones it
 * has not seen.
 */
export class LatencySampleRing {
  private at: Float64Array;
  private latency: Float32Array;
  private method: Uint16Array;
  private readonly methods: string[] = [];
  private readonly methodIds = new Map<string, number>();
  /** Samples ever added; sample n lives at n % capacity while n >= added - capacity. */
  private added = 0;

  constructor(private readonly capacity = SAMPLES_KEPT) {
    const size = Math.min(capacity, FIRST_SIZE);
    this.at = new Float64Array(size);
    this.latency = new Float32Array(size);
    this.method = new Uint16Array(size);
  }

  /** @param at wall clock of the answer, ms since the epoch; @param latencyMs the round trip. */
  add(at: number, latencyMs: number, method: string): void {
    let id = this.methodIds.get(method);
    if (id === undefined) {
      // Past 65,535 method names (a hostile server cannot make us send them; still bounded), the rest share one.
      id = this.methods.length < 0xffff ? this.methods.push(method) - 1 : 0xffff - 1;
      this.methodIds.set(method, id);
    }
    // Until the ring is full, sample n sits at n: grow the arrays when n reaches their end.
    if (this.added < this.capacity && this.added === this.at.length) this.grow(Math.min(this.capacity, this.at.length * 2));
    const slot = this.added % this.capacity;
    this.at[slot] = at;
    this.latency[slot] = latencyMs;
    this.method[slot] = id;
    this.added += 1;
  }

  private grow(size: number): void {
    const at = new Float64Array(size);
    const latency = new Float32Array(size);
    const method = new Uint16Array(size);
    at.set(this.at);
    latency.set(this.latency);
    method.set(this.method);
    [this.at, this.latency, this.method] = [at, latency, method];
  }

  /** The samples from sequence number `since` on (those still kept), oldest first. */
  since(since = 0): LatencySamples {
    const from = Math.max(since, this.added - this.capacity, 0);
    const count = Math.max(0, this.added - from);
    const at = new Array<number>(count);
    const latencyMs = new Array<number>(count);
    const method = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      const slot = (from + i) % this.capacity;
      at[i] = this.at[slot]!;
      latencyMs[i] = this.latency[slot]!;
      method[i] = this.method[slot]!;
    }
    return { methods: [...this.methods], from, next: this.added, at, latencyMs, method };
  }
}
