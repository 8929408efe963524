import { afterEach, describe, expect, it } from 'vitest';
import { startBodyServer } from '../error-kind-servers';
import { useManager } from './connection-test-support';

/**
 * A request that times out is given up with notifications/cancelled; a command that then closes
 * the connection at once (the CLI does, on the failure) must let that notification reach the
 * server before the session's DELETE, even when the server is slow to acknowledge it.
 */
const { manager } = useManager();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** What the server saw, in order: "cancel acknowledged" and "DELETE". */
async function slowToAcknowledgeServer(ackDelayMs: number): Promise<{ url: string; events: string[] }> {
  const events: string[] = [];
  const server = await startBodyServer((req, res, body) => {
    if (req.method === 'DELETE') {
      events.push('DELETE');
      return void res.writeHead(200).end();
    }
    if (req.method === 'GET') return void res.writeHead(405).end();
    const message = JSON.parse(body) as { id?: unknown; method?: string };
    if (message.method === 'notifications/cancelled') {
      return void setTimeout(() => {
        events.push('cancel acknowledged');
        res.writeHead(202).end();
      }, ackDelayMs);
    }
    if (message.id === undefined) return void res.writeHead(202).end();
    if (message.method === 'initialize') {
      const result = { protocolVersion: '2025-11-25', capabilities: { tools: {} }, serverInfo: { name: 'slow-ack', version: '1.0.0' } };
      return void res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': 'session-1' }).end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
    }
    // tools/call: an event stream that stays open and silent.
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(': working\n\n');
  });
  closers.push(() => server.close());
  return { url: server.url, events };
}

describe('closing right after a request is given up', () => {
  it('lets the notifications/cancelled land before the DELETE', async () => {
    const server = await slowToAcknowledgeServer(200);
    const connection = await manager.open({ transport: 'streamable', url: server.url, protocolEra: 'legacy', timeouts: { connectMs: 5_000, requestMs: 300 } });
    await expect(connection.callTool('work', {})).rejects.toMatchObject({ info: { kind: 'timeout' } });
    await connection.close();
    expect(server.events).toEqual(['cancel acknowledged', 'DELETE']);
  });

  it('does not wait long for a server that never acknowledges it', async () => {
    const server = await slowToAcknowledgeServer(60_000);
    const connection = await manager.open({ transport: 'streamable', url: server.url, protocolEra: 'legacy', timeouts: { connectMs: 5_000, requestMs: 300 } });
    await expect(connection.callTool('work', {})).rejects.toMatchObject({ info: { kind: 'timeout' } });
    const began = performance.now();
    await connection.close();
    expect(performance.now() - began).toBeLessThan(2_000);
    expect(server.events).toEqual(['DELETE']);
  });
});
