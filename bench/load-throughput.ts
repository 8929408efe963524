import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { ConnectionManager } from '../main/core/connections/connection-manager';
import { clientCapabilities } from '../main/core/connections/input/client-input';
import { DEFAULT_CLIENT_INFO } from '../main/core/connections/mcp-connection';
import { runLoad } from '../main/core/load/load-run';
import { startPlayground } from '../main/core/playground/start-playground';
import { median } from './median';

const REQUESTS = 6_000;
const CONCURRENCY = 32;
const PAIRS = 4;
const WARM_UP_REQUESTS = 1_000;

/**
 * Requests per second of a load run (the runner `periscope load` uses, on our engine with full
 * capture and a session file) against a bare v2 SDK client loop doing the same, tools/call echo at
 * C=32 on the playground over Streamable HTTP (2025 era), after a warm-up of both.
 *
 * Ratio: the median, over PAIRS back-to-back pairs of runs, of engine ÷ bare within each pair, the
 * order alternating (bare first, then engine first), so what a run leaves behind weighs on both
 * sides alike.
 *
 * Each run starts from a full garbage collection, because the bare client's speed depends on the
 * time since the last one. Its transport passes one long-lived AbortSignal to every fetch, and
 * undici leaves an abort listener on it per request until a collection drops the Request
 * (nodejs/undici#1926); every request walks them. Left to chance, what ran before decided: a bare
 * run right after an engine run (whose allocations bring full collections on) was up to 15 %
 * faster than one after a bare run, and in the whole bench (a bigger heap, rarer full
 * collections) the listeners reached 5,000 and the ratio 0.975. From a collection, each run
 * counts the listeners its own REQUESTS leave (about 1,700), as a fresh process would: 0.91 to
 * 0.94 here. The engine gives undici a signal per request (request-signal.ts), so it keeps none.
 *
 * Past 1,500 listeners Node warns (MaxListenersExceededWarning) on every further request: over
 * 15,000 lines on stderr in one bench run. Writing them cost the bare side about 5 % of its rate,
 * a cost of the terminal, not of the client, so warnings are not printed while this bench runs.
 * Target ≥ 0.9.
 */
export async function benchLoadThroughput(): Promise<Record<string, number>> {
  const printers = process.listeners('warning');
  process.removeAllListeners('warning');
  try {
    return await measure();
  } finally {
    for (const printer of printers) process.on('warning', printer);
  }
}

async function measure(): Promise<Record<string, number>> {
  const playground = await startPlayground();
  const dir = await mkdtemp(join(tmpdir(), 'periscope-bench-load-'));
  const manager = new ConnectionManager({ recordDir: dir });
  const bare = new Client(DEFAULT_CLIENT_INFO, { capabilities: clientCapabilities({}), versionNegotiation: { mode: 'legacy' } });
  try {
    await bare.connect(new StreamableHTTPClientTransport(new URL(playground.urls.streamable)));
    const engine = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'legacy' });
    const args = { message: 'load' };
    const collectGarbage = garbageCollector();
    const bareRun = () => {
      collectGarbage();
      return closedLoop(() => bare.callTool({ name: 'echo', arguments: args }));
    };
    const engineRun = async () => {
      collectGarbage();
      const run = await runLoad(() => engine.callTool('echo', args), { count: REQUESTS, concurrency: CONCURRENCY });
      if (run.ok !== REQUESTS) throw new Error(`load-throughput: ${REQUESTS - run.ok} engine requests failed`);
      return run.throughputPerS;
    };
    await runLoad(() => bare.callTool({ name: 'echo', arguments: args }), { count: WARM_UP_REQUESTS, concurrency: CONCURRENCY });
    await runLoad(() => engine.callTool('echo', args), { count: WARM_UP_REQUESTS, concurrency: CONCURRENCY });
    const pairs: Array<{ bare: number; engine: number }> = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      if (pair % 2 === 0) {
        const bareRate = await bareRun();
        pairs.push({ bare: bareRate, engine: await engineRun() });
      } else {
        const engineRate = await engineRun();
        pairs.push({ engine: engineRate, bare: await bareRun() });
      }
    }
    return {
      'load-throughput-ratio': median(pairs.map((p) => p.engine / p.bare)),
      'load-throughput-engine-per-s': median(pairs.map((p) => p.engine)),
      'load-throughput-bare-per-s': median(pairs.map((p) => p.bare)),
    };
  } finally {
    await bare.close().catch(() => undefined);
    await manager.closeAll();
    await playground.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The bare side: C workers calling in a plain loop, no measuring beyond the clock. */
async function closedLoop(call: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next += 1;
        await call();
      }
    }),
  );
  return (REQUESTS * 1000) / (performance.now() - started);
}

/** V8's full garbage collection, as `--expose-gc` gives it, without starting the process with that flag. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
