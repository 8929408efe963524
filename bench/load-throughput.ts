import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { ConnectionManager } from '../main/core/connections/connection-manager';
import { clientCapabilities } from '../main/core/connections/input/client-input';
import { DEFAULT_CLIENT_INFO } from '../main/core/connections/mcp-connection';
import { runLoad } from '../main/core/load/load-run';
import { startPlayground } from '../main/core/playground/start-playground';

const REQUESTS = 3_000;
const CONCURRENCY = 32;
const ROUNDS = 3;

/**
 * Requests per second of a load run (the runner `periscope load` uses, on our engine with full
 * capture and a session file) against a bare v2 SDK client loop doing the same, tools/call echo at
 * C=32 on the playground over Streamable HTTP (2025 era), in alternating rounds after a warm-up of
 * both, so both see the same machine. Ratio: engine ÷ bare (best round of each). Target ≥ 0.9.
 */
export async function benchLoadThroughput(): Promise<Record<string, number>> {
  const playground = await startPlayground();
  const dir = await mkdtemp(join(tmpdir(), 'periscope-bench-load-'));
  const manager = new ConnectionManager({ recordDir: dir });
  const bare = new Client(DEFAULT_CLIENT_INFO, { capabilities: clientCapabilities({}), versionNegotiation: { mode: 'legacy' } });
  try {
    await bare.connect(new StreamableHTTPClientTransport(new URL(playground.urls.streamable)));
    const engine = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'legacy' });
    const args = { message: 'load' };
    const bareCall = () => bare.callTool({ name: 'echo', arguments: args });
    const engineCall = () => engine.callTool('echo', args);
    await runLoad(bareCall, { count: 300, concurrency: CONCURRENCY });
    await runLoad(engineCall, { count: 300, concurrency: CONCURRENCY });
    let bareBest = 0;
    let engineBest = 0;
    for (let round = 0; round < ROUNDS; round++) {
      bareBest = Math.max(bareBest, await closedLoop(bareCall));
      const run = await runLoad(engineCall, { count: REQUESTS, concurrency: CONCURRENCY });
      if (run.ok !== REQUESTS) throw new Error(`load-throughput: ${REQUESTS - run.ok} engine requests failed`);
      engineBest = Math.max(engineBest, run.throughputPerS);
    }
    return { 'load-throughput-ratio': engineBest / bareBest, 'load-throughput-engine-per-s': engineBest, 'load-throughput-bare-per-s': bareBest };
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
