import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ConnectionManager } from '../main/core/connections/connection-manager';
import type { McpConnection } from '../main/core/connections/mcp-connection';
import { startPlayground } from '../main/core/playground/start-playground';

const ROUND_TRIPS = 2_000;
const WARMUP = 200;
/** Calls per side before switching: short enough that drift (GC, a neighbour's load) hits both alike. */
const BLOCK = 50;

/**
 * The cost of full capture: the same 2,000 sequential tools/call echo round trips to the playground
 * over Streamable HTTP on loopback, from a bare SDK client and from our engine (traced transport,
 * recording fetch, buffer, session file), interleaved in blocks after warming up both, so both
 * see the same machine. Ratios are engine / bare.
 */
export async function benchCaptureOverhead(): Promise<Record<string, number>> {
  const playground = await startPlayground();
  const dir = await mkdtemp(join(tmpdir(), 'periscope-bench-'));
  const manager = new ConnectionManager({ recordDir: dir });
  const bare = new Client({ name: 'bench-bare', version: '1.0.0' });
  try {
    await bare.connect(new StreamableHTTPClientTransport(new URL(playground.urls.streamable)));
    const engine = await manager.open({ transport: 'streamable', url: playground.urls.streamable, headers: [{ name: 'Authorization', value: 'Bearer bench-token', secret: true }] });

    const bareCall = (i: number) => bare.callTool({ name: 'echo', arguments: { message: `hello ${i}` } });
    const engineCall = (i: number) => (engine as McpConnection).callTool('echo', { message: `hello ${i}` });
    for (let i = 0; i < WARMUP; i++) {
      await bareCall(i);
      await engineCall(i);
    }

    const bareTimes: number[] = [];
    const engineTimes: number[] = [];
    for (let done = 0; done < ROUND_TRIPS; done += BLOCK) {
      // Alternate which side goes first in each pair of blocks.
      const order = (done / BLOCK) % 2 === 0 ? [false, true] : [true, false];
      for (const useEngine of order) {
        for (let i = 0; i < BLOCK; i++) {
          const start = performance.now();
          await (useEngine ? engineCall(done + i) : bareCall(done + i));
          (useEngine ? engineTimes : bareTimes).push(performance.now() - start);
        }
      }
    }
    const bareP50 = percentile(bareTimes, 0.5);
    const engineP50 = percentile(engineTimes, 0.5);
    const bareP99 = percentile(bareTimes, 0.99);
    const engineP99 = percentile(engineTimes, 0.99);
    return {
      'capture-overhead-p50-ratio': engineP50 / bareP50,
      'capture-overhead-p99-ratio': engineP99 / bareP99,
      'capture-overhead-bare-p50-ms': bareP50,
      'capture-overhead-engine-p50-ms': engineP50,
    };
  } finally {
    await bare.close().catch(() => undefined);
    await manager.closeAll();
    await playground.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
