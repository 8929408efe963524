import uPlot from 'uplot';
import type { LatencySamples } from '../shared/model/metrics';
import { latencyChartOptions } from '../renderer/components/metrics/latency-chart-options';
import { chartData } from '../renderer/workbench/latency-chart-data';

/** The page's document, typed just enough: this file is type-checked with the Node settings (no DOM library). */
const page = globalThis as unknown as {
  document: { createElement(tag: 'div'): NonNullable<ConstructorParameters<typeof uPlot>[2]> & { style: { width: string } }; body: { replaceChildren(...nodes: unknown[]): void } };
};

const METHODS = ['tools/call', 'tools/list', 'resources/read', 'prompts/get', 'ping', 'resources/list', 'prompts/list', 'completion/complete'];

/** Deterministic samples: answers 2 ms apart, latencies with a long tail, methods mixed. */
function makeSamples(count: number): LatencySamples {
  const start = Date.UTC(2026, 11, 1, 9, 0, 0);
  const at: number[] = [];
  const latencyMs: number[] = [];
  const method: number[] = [];
  let seed = 7;
  for (let i = 0; i < count; i++) {
    seed = (seed * 48271) % 2147483647;
    const u = seed / 2147483647;
    at.push(start + i * 2);
    latencyMs.push(2 + -Math.log(1 - u) * 15);
    method.push(i % METHODS.length);
  }
  return { methods: METHODS, from: 0, next: count, at, latencyMs, method };
}

/**
 * In the page: the latency chart's data preparation and its first draw, as the Latency section
 * does them (the same data function and uPlot options), timed from the samples in hand to the end
 * of the first draw.
 */
(globalThis as Record<string, unknown>).periscopeChartBench = {
  render(count: number): Promise<{ ms: number; points: number }> {
    const samples = makeSamples(count);
    const host = page.document.createElement('div');
    host.style.width = '1200px';
    page.document.body.replaceChildren(host);
    return new Promise((resolve) => {
      const started = performance.now();
      const data = chartData(samples);
      const plot = new uPlot(
        latencyChartOptions(data.methods, 1200, { text: '#50575f', grid: '#c9ced6' }, undefined, {
          draw: [() => resolve({ ms: performance.now() - started, points: data.columns[0].length })],
        }),
        data.columns as uPlot.AlignedData,
        host,
      );
      void plot;
    });
  },
};
