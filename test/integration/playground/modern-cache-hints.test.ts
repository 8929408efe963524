import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import { ModernClientPool, messagesInBody, type RecordedExchange } from './support/modern-clients';
import type { ModernWsClientTransport } from './support/modern-ws-client-transport';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** What the playground promises (spec 2026-07-28, SEP-2549 ttlMs / cacheScope). */
const EXPECTED = {
  discover: { ttlMs: 300_000, cacheScope: 'public' },
  toolsList: { ttlMs: 300_000, cacheScope: 'public' },
  readme: { ttlMs: 3_600_000, cacheScope: 'public' },
  item: { ttlMs: 60_000, cacheScope: 'public' },
  operations: { ttlMs: 0, cacheScope: 'private' },
  counter: { ttlMs: 0, cacheScope: 'public' },
};

let playground: RunningPlayground;
const pool = new ModernClientPool();

beforeAll(async () => {
  playground = await startPlayground({ port: 0 });
});
afterEach(() => pool.closeAll());
afterAll(() => playground.close());

async function resultOf(exchanges: RecordedExchange[], match: (body: Record<string, unknown>) => boolean) {
  const exchange = exchanges.find((e) => e.requestBody && match(e.requestBody));
  if (!exchange) throw new Error('no such exchange');
  return (messagesInBody(await exchange.responseText).at(-1) as { result: Record<string, unknown> }).result;
}

const byMethod = (method: string, uri?: string) => (body: Record<string, unknown>) =>
  body.method === method && (uri === undefined || (body.params as { uri?: string }).uri === uri);

describe('cache hints on the wire', () => {
  it('Streamable HTTP, 2026-07-28: discover, lists and each resource carry their ttlMs and cacheScope', async () => {
    const { client, exchanges } = await pool.connect(playground, 'streamable', { negotiation: 'auto' });
    await client.listTools();
    for (const uri of ['playground://readme', 'playground://items/7', 'playground://operations', 'playground://counter']) await client.readResource({ uri });
    expect(await resultOf(exchanges, byMethod('server/discover'))).toMatchObject(EXPECTED.discover);
    expect(await resultOf(exchanges, byMethod('tools/list'))).toMatchObject(EXPECTED.toolsList);
    expect(await resultOf(exchanges, byMethod('resources/read', 'playground://readme'))).toMatchObject(EXPECTED.readme);
    expect(await resultOf(exchanges, byMethod('resources/read', 'playground://items/7'))).toMatchObject(EXPECTED.item);
    expect(await resultOf(exchanges, byMethod('resources/read', 'playground://operations'))).toMatchObject(EXPECTED.operations);
    expect(await resultOf(exchanges, byMethod('resources/read', 'playground://counter'))).toMatchObject(EXPECTED.counter);
  });

  it('Streamable HTTP, 2026-07-28: the v2 client honours them (tools/list cached, the counter always fetched)', async () => {
    const { client, exchanges } = await pool.connect(playground, 'streamable', { negotiation: 'pin' });
    await client.listTools();
    await client.listTools();
    await client.readResource({ uri: 'playground://counter' });
    await client.readResource({ uri: 'playground://counter' });
    expect(exchanges.filter((e) => e.requestBody?.method === 'tools/list')).toHaveLength(1);
    expect(exchanges.filter((e) => e.requestBody?.method === 'resources/read')).toHaveLength(2);
  });

  it('Streamable HTTP, 2025: no cache fields at all', async () => {
    const { client, exchanges } = await pool.connect(playground, 'streamable', { negotiation: 'legacy' });
    await client.listTools();
    await client.readResource({ uri: 'playground://readme' });
    for (const method of ['tools/list', 'resources/read']) {
      const result = await resultOf(exchanges, byMethod(method));
      expect(result).not.toHaveProperty('ttlMs');
      expect(result).not.toHaveProperty('cacheScope');
    }
  });

  it('WebSocket, 2026-07-28: the frames carry them too', async () => {
    const { client, transport } = await pool.connect(playground, 'websocket', { negotiation: 'pin' });
    await client.listTools();
    await client.readResource({ uri: 'playground://readme' });
    const ws = transport as ModernWsClientTransport;
    const sent = ws.frames.filter((f) => f.direction === 'sent').map((f) => JSON.parse(f.text) as { id?: unknown; method?: string });
    const idOf = (method: string) => sent.find((m) => m.method === method)?.id;
    const answer = (method: string) => ws.receivedMessages().find((m) => m.id === idOf(method))?.result;
    expect(answer('tools/list')).toMatchObject(EXPECTED.toolsList);
    expect(answer('resources/read')).toMatchObject(EXPECTED.readme);
  });

  it('stdio, 2026-07-28: a raw server/discover and tools/list answer with them', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/core/playground/stdio-main.ts'], { cwd: REPO_ROOT });
    try {
      const lines = lineReader(child);
      const envelope = {
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
        'io.modelcontextprotocol/clientCapabilities': {},
      };
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta: envelope } })}\n`);
      expect(JSON.parse(await lines())).toMatchObject({ id: 1, result: { supportedVersions: ['2026-07-28'], ...EXPECTED.discover } });
      child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: { _meta: envelope } })}\n`);
      expect(JSON.parse(await lines())).toMatchObject({ id: 2, result: { resultType: 'complete', ...EXPECTED.toolsList } });
    } finally {
      child.kill();
    }
  });
});

function lineReader(child: ChildProcessWithoutNullStreams): () => Promise<string> {
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  return () => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise((resolve) => waiting.push(resolve)));
}
