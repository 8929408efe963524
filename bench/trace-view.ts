import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { createAppCore } from '../main/core/service/app-core';
import { startBridgeServer } from '../test/e2e/bridge/bridge-server';
import { browserBridgeScript, launchChromium, RENDERER_BUILD, ROOT } from '../test/e2e/support/browser';

const ENTRIES = 100_000;
/** Filters that match a few percent of the entries, a handful, and nothing. */
const FILTER_TEXTS = ['tool-42', 'City 777', 'Unknown tool', 'degrees, wind 59', 'no-such-text-anywhere'];

/**
 * The trace view with 100,000 entries in Chromium, on the production renderer build behind the
 * test bridge (the real core answers the window's calls). Entries are loaded through the
 * renderer's bench hooks, as a session file would be; targets: filter < 50 ms, first render < 200 ms.
 */
export async function benchTraceView(): Promise<Record<string, number>> {
  if (!existsSync(join(RENDERER_BUILD, 'index.html'))) {
    // `npm run bench` does not build the renderer; build it the way `npm run build:renderer` does.
    await viteBuild({ configFile: join(ROOT, 'vite.renderer.config.ts'), logLevel: 'warn' });
  }
  const pageScript = (
    await build({ entryPoints: [join(ROOT, 'bench/trace-view-page.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false })
  ).outputFiles[0].text;
  const dataDir = await mkdtemp(join(tmpdir(), 'periscope-bench-'));
  const core = await createAppCore({ dataDir });
  const server = await startBridgeServer({ service: core, staticDir: RENDERER_BUILD });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript({ content: await browserBridgeScript() });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="remote-item"]');
    await page.evaluate(pageScript);
    const call = <T>(body: string) => page.evaluate(`(async () => { const b = globalThis.periscopeTraceBench; ${body} })()`) as Promise<T>;

    const made = await call<number>(`return b.prepare(${ENTRIES});`);
    const firstRender = await call<number>('return b.firstRender();');
    const rowsInDom = await call<number>('return b.rowsInDom();');
    await call<void>('b.warmUp();');
    const filters: number[] = [];
    for (const text of FILTER_TEXTS) {
      const applied = await call<{ ms: number; shown: string }>(`return b.applyTextFilter(${JSON.stringify(text)});`);
      if (process.env.BENCH_VERBOSE) console.error(`filter ${JSON.stringify(text)}: ${applied.ms.toFixed(1)} ms, ${applied.shown}`);
      filters.push(applied.ms);
      await call<{ ms: number }>(`return b.applyTextFilter('');`);
    }
    const sorted = [...filters].sort((a, b) => a - b);
    return {
      'trace-view-entries': made,
      'trace-view-first-render-ms': round(firstRender),
      'trace-view-rows-in-dom': rowsInDom,
      'trace-view-filter-ms': round(sorted[Math.floor(sorted.length / 2)]),
      'trace-view-filter-max-ms': round(sorted[sorted.length - 1]),
    };
  } finally {
    await browser.close();
    await server.close();
    await core.shutdown();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

// `npx tsx bench/trace-view.ts` runs it on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchTraceView().then(
    (results) => console.log(JSON.stringify(results, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
