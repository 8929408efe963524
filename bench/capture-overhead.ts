import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { ConnectionManager } from '../main/core/connections/connection-manager';
import { clientCapabilities } from '../main/core/connections/input/client-input';
import { DEFAULT_CLIENT_INFO } from '../main/core/connections/mcp-connection';
import { startPlayground } from '../main/core/playground/start-playground';
import type { PlaygroundUrls } from '../main/core/playground/playground-options';
import { startPlaygroundProcess } from './playground-process';

const ROUND_TRIPS = 2_000;
const WARMUP = 200;
/** Calls per side before switching: short enough that drift (GC, a neighbour's load) hits both alike. */
const BLOCK = 50;

type Era = 'legacy' | 'modern';

/**
 * The cost of full capture, in each protocol era: the same 2,000 sequential tools/call echo round
 * trips to the playground over Streamable HTTP on loopback, from a bare v2 SDK client (sending
 * the same capabilities and request options as the engine) and from our
 * engine (traced transport, recording fetch, buffer, session file, secret redaction), interleaved
 * in blocks after warming up both, so both see the same machine. Ratios are engine / bare.
 *
 * The figures with targets have the playground in a process of its own, as the remote servers
 * Periscope inspects are: capture's bookkeeping that nothing waits for (LaterWork) runs while the
 * server works. The `-same-process` figures run the playground on the client's own thread, where
 * nothing can overlap, so they show all the CPU capture spends on a call (no target).
 * Legacy figures keep their old names (`capture-overhead-p50-ratio`); modern ones add `-modern`.
 */
export async function benchCaptureOverhead(): Promise<Record<string, number>> {
  const { legacy, modern } = await measureBothEras(startPlaygroundProcess);
  const together = await measureBothEras(() => startPlayground());
  return {
    'capture-overhead-p50-ratio': legacy.engineP50 / legacy.bareP50,
    'capture-overhead-p99-ratio': legacy.engineP99 / legacy.bareP99,
    'capture-overhead-bare-p50-ms': legacy.bareP50,
    'capture-overhead-engine-p50-ms': legacy.engineP50,
    'capture-overhead-modern-p50-ratio': modern.engineP50 / modern.bareP50,
    'capture-overhead-modern-p99-ratio': modern.engineP99 / modern.bareP99,
    'capture-overhead-modern-bare-p50-ms': modern.bareP50,
    'capture-overhead-modern-engine-p50-ms': modern.engineP50,
    'capture-overhead-same-process-p50-ratio': together.legacy.engineP50 / together.legacy.bareP50,
    'capture-overhead-modern-same-process-p50-ratio': together.modern.engineP50 / together.modern.bareP50,
  };
}

/** Both eras against one playground, started by `serve` and closed after. */
async function measureBothEras(serve: () => Promise<{ urls: PlaygroundUrls; close(): Promise<void> }>): Promise<Record<Era, Figures>> {
  const playground = await serve();
  try {
    return { legacy: await measure(playground.urls, 'legacy'), modern: await measure(playground.urls, 'modern') };
  } finally {
    await playground.close();
  }
}

interface Figures {
  bareP50: number;
  engineP50: number;
  bareP99: number;
  engineP99: number;
}

async function measure(urls: PlaygroundUrls, era: Era): Promise<Figures> {
  const dir = await mkdtemp(join(tmpdir(), 'periscope-bench-'));
  const manager = new ConnectionManager({ recordDir: dir });
  // The bare client sends exactly what the engine sends (same capabilities, the same secret
  // header, a progress handler for the timeout reset), so the ratio measures capture and nothing else.
  const bare = new Client(DEFAULT_CLIENT_INFO, {
    capabilities: clientCapabilities({}),
    versionNegotiation: { mode: era === 'modern' ? { pin: '2026-07-28' } : 'legacy' },
  });
  try {
    await bare.connect(new StreamableHTTPClientTransport(new URL(urls.streamable), { requestInit: { headers: { Authorization: 'Bearer bench-token' } } }));
    const engine = await manager.open({
      transport: 'streamable',
      url: urls.streamable,
      protocolEra: era,
      headers: [{ name: 'Authorization', value: 'Bearer bench-token', secret: true }],
    });
    if (engine.info().era !== era || bare.getProtocolEra() !== era) throw new Error(`the ${era} era was not negotiated on both sides`);

    const bareCall = (i: number) => bare.callTool({ name: 'echo', arguments: { message: `hello ${i}` } }, { onprogress: () => undefined, resetTimeoutOnProgress: true });
    const engineCall = (i: number) => engine.callTool('echo', { message: `hello ${i}` });
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
        // The engine's last call left its entry for the next turn (LaterWork): made now, untimed,
        // not inside the bare client's first call of the next block.
        if (useEngine) engine.bus.settle();
      }
    }
    return {
      bareP50: percentile(bareTimes, 0.5),
      engineP50: percentile(engineTimes, 0.5),
      bareP99: percentile(bareTimes, 0.99),
      engineP99: percentile(engineTimes, 0.99),
    };
  } finally {
    await bare.close().catch(() => undefined);
    await manager.closeAll();
    await rm(dir, { recursive: true, force: true });
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
