import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpEntry, TraceEntry } from '../../../shared/model/trace';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { useManager } from '../connections/connection-test-support';
import { startBodyServer } from '../error-kind-servers';

/**
 * A notification POSTed to the server is acknowledged with 202 Accepted and no body (MCP
 * Streamable HTTP). A 2025-era server that answers notifications/initialized otherwise is flagged
 * on that exchange; one that keeps an event stream open there stalls the connect, which then
 * fails naming that POST (a longer timeout would not help), not as a stream that "ended without
 * the response".
 */
const { manager } = useManager();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function serverAcknowledgingWith(acknowledge: (res: ServerResponse) => void): Promise<string> {
  const server = await startBodyServer((req, res, body) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const message = JSON.parse(body) as { id?: unknown; method?: string };
    if (message.id === undefined) return acknowledge(res);
    const result = { protocolVersion: '2025-11-25', capabilities: {}, serverInfo: { name: 'acknowledging', version: '1.0.0' } };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: message.id, result }));
  });
  closers.push(() => server.close());
  return server.url;
}

const notificationExchange = (entries: TraceEntry[]) =>
  entries.filter((e): e is HttpEntry => e.type === 'http' && e.method === 'POST' && (e.requestBody ?? '').includes('notifications/initialized')).at(-1);

describe('a notification answered with something other than 202 Accepted', () => {
  it('200 with a JSON body: connects, and the exchange says what the server should have answered', async () => {
    const url = await serverAcknowledgingWith((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    const connection = await manager.open({ transport: 'streamable', url, protocolEra: 'legacy' });
    const exchange = notificationExchange(connection.buffer.entries());
    expect(exchange?.warnings).toEqual([
      'The server answered a notification (notifications/initialized) with HTTP 200 and a body (application/json), where MCP\'s Streamable HTTP transport acknowledges it with 202 Accepted and no body. The client reads this body to its end before it goes on',
    ]);
  });

  it('202: no warning', async () => {
    const url = await serverAcknowledgingWith((res) => res.writeHead(202).end());
    const connection = await manager.open({ transport: 'streamable', url, protocolEra: 'legacy' });
    expect(notificationExchange(connection.buffer.entries())?.warnings).toBeUndefined();
  });

  it('an event stream kept open: the connect fails as protocol, naming that POST, and the exchange says why', async () => {
    const url = await serverAcknowledgingWith((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': open\n\n');
    });
    const connection = manager.create({ transport: 'streamable', url, protocolEra: 'legacy', timeouts: { connectMs: 800, requestMs: 800 } });
    const error = await connection.connect().then(() => undefined, (e: unknown) => e);
    if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
    expect(error.info.kind).toBe('protocol');
    expect(error.info.message).toMatch(new RegExp(`^The server answered notifications/initialized \\(POST ${url.replace(/[.]/g, '\\.')}\\) with an event stream instead of 202 Accepted, and the client waits for that stream to end before it goes on: .*800 ms`));
    expect(error.info.hint).toMatch(/a longer timeout will not help/);
    expect(error.info.detail).toMatchObject({ then: { kind: 'timeout' } });
    expect(notificationExchange(connection.buffer.entries())?.warnings?.[0]).toMatch(/with HTTP 200 and a body \(text\/event-stream\), .*holds it until the server ends the stream\)$/);
  });

  it('an event stream the server ends at once: connects, with the warning', async () => {
    const url = await serverAcknowledgingWith((res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).end());
    const connection = await manager.open({ transport: 'streamable', url, protocolEra: 'legacy' });
    expect(notificationExchange(connection.buffer.entries())?.warnings?.[0]).toMatch(/^The server answered a notification \(notifications\/initialized\) with HTTP 200 and a body \(text\/event-stream\)/);
  });

  it('204 No Content: warned without a word about a body', async () => {
    const url = await serverAcknowledgingWith((res) => res.writeHead(204).end());
    const connection = await manager.open({ transport: 'streamable', url, protocolEra: 'legacy' });
    expect(notificationExchange(connection.buffer.entries())?.warnings).toEqual([
      "The server answered a notification (notifications/initialized) with HTTP 204, where MCP's Streamable HTTP transport acknowledges it with 202 Accepted and no body",
    ]);
  });
});
