import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { launchChromium, ROOT } from '../test/e2e/support/browser';

const POINTS = 100_000;
const RUNS = 5;

/**
 * The Latency section's chart with 100,000 answered requests in Chromium: from the samples in
 * hand to the end of uPlot's first draw (data preparation included), median of 5 fresh renders
 * after a warm-up. Target: under 150 ms.
 */
export async function benchLatencyChart(): Promise<Record<string, number>> {
  const script = (await build({ entryPoints: [join(ROOT, 'bench/latency-chart-page.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false })).outputFiles[0]!.text;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.evaluate(script);
    const render = () => page.evaluate(`globalThis.periscopeChartBench.render(${POINTS})`) as Promise<{ ms: number; points: number }>;
    await render();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { ms, points } = await render();
      if (points !== POINTS) throw new Error(`latency-chart: drew ${points} of ${POINTS} points`);
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    return { 'chart-100k-render-ms': Math.round(times[Math.floor(RUNS / 2)]! * 10) / 10 };
  } finally {
    await browser.close();
  }
}

// `npx tsx bench/latency-chart.ts` runs it on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchLatencyChart().then(
    (results) => console.log(JSON.stringify(results, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
