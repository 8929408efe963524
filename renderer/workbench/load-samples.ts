import type { LoadSamples } from '../../shared/model/load-run';
import type { LatencySamples } from '../../shared/model/metrics';

/**
 * Load runs' samples in the shape the latency charts draw (one "method" per run, so two runs
 * overlay in their own colours): `series` are named in order, e.g. [{ name: 'Run 1', samples }].
 */
export function asLatencySamples(series: Array<{ name: string; samples: LoadSamples }>): LatencySamples {
  const at: number[] = [];
  const latencyMs: number[] = [];
  const method: number[] = [];
  series.forEach(({ samples }, index) => {
    for (let i = 0; i < samples.at.length; i++) {
      at.push(samples.at[i]!);
      latencyMs.push(samples.latencyMs[i]!);
      method.push(index);
    }
  });
  return { methods: series.map((s) => s.name), from: 0, next: at.length, at, latencyMs, method };
}
