import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { launchChromium, ROOT } from '../test/e2e/support/browser';

const CALLS = 10_000;
const RUNS = 5;

/**
 * The Latency section's timeline with 10,000 calls (about 40 in flight at once) in Chromium: from
 * the trace entries in hand to the end of the first draw (span model, lanes, layout, every span
 * drawn on the canvas), median of 5 after a warm-up. Target: under 100 ms.
 */
export async function benchTimeline(): Promise<Record<string, number>> {
  const script = (await build({ entryPoints: [join(ROOT, 'bench/timeline-page.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false })).outputFiles[0]!.text;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.evaluate(script);
    const render = () => page.evaluate(`globalThis.periscopeTimelineBench.render(${CALLS})`) as Promise<{ ms: number; drawn: number }>;
    await render();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { ms, drawn } = await render();
      if (drawn !== CALLS) throw new Error(`timeline: drew ${drawn} of ${CALLS} calls`);
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    return { 'timeline-10k-render-ms': Math.round(times[Math.floor(RUNS / 2)]! * 10) / 10 };
  } finally {
    await browser.close();
  }
}

// `npx tsx bench/timeline.ts` runs it on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchTimeline().then(
    (results) => console.log(JSON.stringify(results, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
