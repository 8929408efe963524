import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { startPlayground } from '../../../main/core/playground/start-playground';
import { SECRET, textOf, until, useManager } from './connection-test-support';

/** Every network transport against our playground, which requires the bearer token and a header. */
const { manager } = useManager();
let playground: RunningPlayground;
beforeAll(async () => {
  playground = await startPlayground({ requireBearer: SECRET });
});
afterAll(() => playground.close());
beforeEach(() => {
  playground.seenRequests.length = 0;
});

const headers = [
  { name: 'Authorization', value: `Bearer ${SECRET}`, secret: true },
  { name: 'X-Tenant', value: 'acme' },
];

describe('engine against the playground', () => {
  for (const transport of ['streamable', 'sse', 'websocket'] as const) {
    it(`${transport}, 2025 era: initialize, list tools, call echo, ping; the headers arrive on every request`, async () => {
      const connection = await manager.open({ transport, url: playground.urls[transport], headers, protocolEra: 'legacy' });
      expect(connection.info()).toMatchObject({ state: 'connected', transport, era: 'legacy', serverInfo: { name: 'periscope-playground' } });
      const { tools } = await connection.listTools();
      expect(tools.map((t) => t.name)).toContain('echo');
      expect(textOf(await connection.callTool('echo', { message: `via ${transport}` }))).toBe(`via ${transport}`);
      expect(await connection.ping()).toMatchObject({ method: 'ping', latencyMs: expect.any(Number) });
      if (transport === 'streamable') await until(() => playground.seenRequests.some((r) => r.method === 'GET'), 'the GET stream');
      await manager.close(connection.id);

      const seen = playground.seenRequests;
      expect(seen.length).toBeGreaterThan(transport === 'websocket' ? 0 : 3);
      for (const request of seen) {
        expect(request.headers.authorization, `${request.method} ${request.path}`).toBe(`Bearer ${SECRET}`);
        expect(request.headers['x-tenant'], `${request.method} ${request.path}`).toBe('acme');
      }
      if (transport === 'streamable') expect(new Set(seen.map((r) => r.method))).toEqual(new Set(['POST', 'GET', 'DELETE']));
      if (transport === 'sse') expect(new Set(seen.map((r) => r.method))).toEqual(new Set(['GET', 'POST']));
      if (transport === 'websocket') expect(seen).toHaveLength(1);
    });
  }

  for (const transport of ['streamable', 'websocket'] as const) {
    it(`${transport}, 2026-07-28 era (auto): discover, list tools, call echo, a liveness round trip; headers on every request, no session`, async () => {
      const connection = await manager.open({ transport, url: playground.urls[transport], headers });
      const info = connection.info();
      expect(info).toMatchObject({ state: 'connected', transport, era: 'modern', protocolVersion: '2026-07-28', supportedVersions: ['2026-07-28'] });
      expect(info.sessionId).toBeUndefined();
      expect(info.eraDetection).toMatchObject({ requested: 'auto', chosen: 'modern', probe: { outcome: 'modern' } });
      expect(textOf(await connection.callTool('echo', { message: `via ${transport}` }))).toBe(`via ${transport}`);
      expect(await connection.ping()).toMatchObject({ method: 'server/discover' });
      const call = connection.buffer.entries().find((e) => e.type === 'message' && e.method === 'tools/call' && e.messageKind === 'request');
      expect(call).toMatchObject({ envelope: { protocolVersion: '2026-07-28', clientInfo: { name: 'mcp-periscope' } } });
      await manager.close(connection.id);
      const seen = playground.seenRequests;
      for (const request of seen) {
        expect(request.headers.authorization, `${request.method} ${request.path}`).toBe(`Bearer ${SECRET}`);
        expect(request.headers['mcp-session-id']).toBeUndefined();
      }
      if (transport === 'streamable') {
        expect(new Set(seen.map((r) => r.method))).toEqual(new Set(['POST']));
        expect(seen.find((r) => r.headers['mcp-method'] === 'tools/call')?.headers['mcp-name']).toBe('echo');
      }
    });
  }

  it('auto on the playground /mcp chooses Streamable HTTP and says so', async () => {
    const connection = await manager.open({ transport: 'auto', url: playground.urls.streamable, headers });
    const { detection } = connection.info();
    expect(detection).toMatchObject({ chosen: 'streamable', attempts: [{ transport: 'streamable', outcome: 'ok' }, { transport: 'sse', outcome: 'skipped' }] });
    expect(detection?.explanation).toContain('Streamable HTTP');
  });

  it('auto on ws:// goes straight to WebSocket', async () => {
    const connection = await manager.open({ transport: 'auto', url: playground.urls.websocket, headers });
    expect(connection.info()).toMatchObject({ transport: 'websocket', detection: { chosen: 'websocket', attempts: [{ transport: 'websocket', outcome: 'ok' }] } });
  });

  it('auto on the playground /sse falls back to legacy SSE', async () => {
    const connection = await manager.open({ transport: 'auto', url: playground.urls.sse, headers });
    expect(connection.info()).toMatchObject({ transport: 'sse', detection: { chosen: 'sse' } });
    expect(textOf(await connection.callTool('echo', { message: 'fell back' }))).toBe('fell back');
  });
});
