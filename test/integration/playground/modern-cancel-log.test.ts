import type { Client } from '@modelcontextprotocol/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import { ModernClientPool } from './support/modern-clients';

let playground: RunningPlayground;
const pool = new ModernClientPool();

beforeEach(async () => {
  playground = await startPlayground({ port: 0 });
});
afterEach(async () => {
  await pool.closeAll();
  await playground.close();
});

interface Operation {
  tool: string;
  outcome: string;
  stepsDone: number;
  totalSteps: number;
}

async function latestOperation(client: Client): Promise<Operation | undefined> {
  const read = await client.readResource({ uri: 'playground://operations' });
  return (JSON.parse((read.contents[0] as { text: string }).text) as Operation[]).at(-1);
}

describe('2026-07-28 era: cancellation', () => {
  // Over HTTP the client closes the call's response stream; over WebSocket it sends notifications/cancelled.
  it.each(['streamable', 'websocket'] as const)('%s: cancelling slow_operation stops it on the server', async (kind) => {
    const { client } = await pool.connect(playground, kind, { negotiation: 'pin' });
    const controller = new AbortController();
    const progress: number[] = [];
    const call = client.callTool({ name: 'slow_operation', arguments: { steps: 100, stepMs: 40 } }, {
      signal: controller.signal,
      onprogress: (p) => {
        progress.push(p.progress);
        if (progress.length === 2) controller.abort('user pressed stop');
      },
    });
    await expect(call).rejects.toThrow();
    const op = await vi.waitFor(
      async () => {
        const latest = await latestOperation(client);
        expect(latest?.outcome).not.toBe('running');
        return latest!;
      },
      { timeout: 3_000, interval: 50 },
    );
    expect(op).toMatchObject({ tool: 'slow_operation', outcome: 'cancelled', totalSteps: 100 });
    expect(op.stepsDone).toBeLessThan(50);
  });

  it('Streamable HTTP: the operations of 2026-07-28 clients are shared (no session), apart from 2025 sessions', async () => {
    const [first, second] = await Promise.all([1, 2].map(() => pool.connect(playground, 'streamable', { negotiation: 'pin' })));
    const { client: legacy } = await pool.connect(playground, 'streamable', { negotiation: 'legacy' });
    await first.client.callTool({ name: 'slow_operation', arguments: { steps: 1, stepMs: 1 } });
    expect(await latestOperation(second.client)).toMatchObject({ tool: 'slow_operation', outcome: 'completed', totalSteps: 1 });
    expect(await latestOperation(legacy)).toBeUndefined();
  });
});

describe('2026-07-28 era: logging follows the request _meta logLevel', () => {
  it.each(['streamable', 'websocket', 'stdio'] as const)('%s: none without the key; from the given level up with it', async (kind) => {
    const { client } = await pool.connect(playground, kind, { negotiation: 'pin' });
    const logs: Array<{ level: string; data: unknown }> = [];
    client.setNotificationHandler('notifications/message', (n) => void logs.push({ level: n.params.level, data: n.params.data }));
    const levels = ['debug', 'warning', 'error'];
    await client.callTool({ name: 'log', arguments: { message: 'quiet', levels } });
    await client.callTool({ name: 'log', arguments: { message: 'loud', levels }, _meta: { 'io.modelcontextprotocol/logLevel': 'warning' } });
    await vi.waitFor(() => expect(logs).toHaveLength(2));
    expect(logs).toEqual([
      { level: 'warning', data: 'loud' },
      { level: 'error', data: 'loud' },
    ]);
  });
});
