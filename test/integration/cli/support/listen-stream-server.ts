import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the server treats a `subscriptions/listen` stream: `ends` acknowledges, then ends the stream
 * without a response; `graceful` acknowledges, then sends the empty listen response (as on
 * shutdown); `unacknowledged` never acknowledges, though it sends updates.
 */
export type ListenBehaviour = 'ends' | 'graceful' | 'unacknowledged';

const SERVER_INFO = { name: 'listen-stream-server', version: '1.0.0' };
const CAPABILITIES = { resources: { subscribe: true } };

/**
 * A raw 2026-07-28 server (node:http, no SDK: the SDK's server would not misbehave) on 127.0.0.1
 * whose listen streams end or go unacknowledged as `behaviour` says. Everything else it answers
 * as a plain server would.
 */
export async function startListenStreamServer(behaviour: ListenBehaviour): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { id, method, params } = JSON.parse(Buffer.concat(chunks).toString()) as { id?: string | number; method: string; params?: { notifications?: { resourceSubscriptions?: string[] } } };
      if (id === undefined) return void res.writeHead(202).end();
      const result = (fields: object) => ({ jsonrpc: '2.0', id, result: { _meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO }, resultType: 'complete', ...fields } });
      if (method === 'server/discover') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(result({ supportedVersions: ['2026-07-28'], capabilities: CAPABILITIES, serverInfo: SERVER_INFO })));
      }
      if (method !== 'subscriptions/listen') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32601, message: `Method not found: ${method}` } }));
      }
      const uris = params?.notifications?.resourceSubscriptions ?? [];
      const event = (message: object) => `data: ${JSON.stringify(message)}\n\n`;
      const acknowledged = event({ jsonrpc: '2.0', method: 'notifications/subscriptions/acknowledged', params: { notifications: { resourceSubscriptions: uris }, _meta: { 'io.modelcontextprotocol/subscriptionId': id } } });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (behaviour === 'ends') return void res.end(acknowledged);
      if (behaviour === 'graceful') return void res.end(acknowledged + event(result({})));
      const updates = setInterval(() => res.write(event({ jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri: uris[0] } })), 100);
      res.on('close', () => clearInterval(updates));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
