import type { LoadSamples } from '../../../shared/model/load-run';

/**
 * A run's (time, latency) samples kept in bounded memory: all of them up to `capacity`, then
 * every second one (the stride doubles each time it fills), so the kept set stays spread evenly
 * over the whole run rather than its start or its end. Latency figures come from the histogram,
 * not from here: these feed charts only.
 */
export class SampleReservoir {
  private at: number[] = [];
  private latencyMs: number[] = [];
  private stride = 1;
  private seen = 0;

  constructor(private readonly capacity: number) {}

  add(at: number, latencyMs: number): void {
    this.seen += 1;
    if ((this.seen - 1) % this.stride !== 0) return;
    this.at.push(at);
    this.latencyMs.push(latencyMs);
    if (this.at.length < this.capacity) return;
    this.at = this.at.filter((_, i) => i % 2 === 0);
    this.latencyMs = this.latencyMs.filter((_, i) => i % 2 === 0);
    this.stride *= 2;
  }

  samples(): LoadSamples {
    return { at: this.at.slice(), latencyMs: this.latencyMs.slice() };
  }
}
