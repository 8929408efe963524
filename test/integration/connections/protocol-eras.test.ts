import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConnectionTargetInput } from '../../../shared/model/connection';
import { ConnectionManager } from '../../../main/core/connections/connection-manager';
import { startModernOnlyFixture, startDualEraFixture } from '../../fixtures/sdk-servers/v2-streamable-fixture';
import { v2StdioFixtureCommand } from '../../fixtures/sdk-servers/v2-stdio-fixture';
import { startStreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { startPlayground } from '../../../main/core/playground/start-playground';
import { ofType, textOf, until, useManager } from './connection-test-support';

/**
 * The protocol era setting against servers built straight on each SDK: a 2026-07-28-only
 * server (v2 `legacy: 'reject'`), a dual-era one (v2 default), a 2025 one (v1), over Streamable
 * HTTP and stdio. Each checks what the connection's info says about the era and why.
 */
const { manager, cleanup } = useManager();

async function failureOf(target: ConnectionTargetInput) {
  const error = await manager.open(target).then(() => undefined, (e: unknown) => e);
  expect(error, 'the connection should have failed').toBeDefined();
  return (error as { info: { kind: string; message: string; hint: string; detail?: Record<string, unknown> } }).info;
}

describe('protocol eras over Streamable HTTP', () => {
  it('a modern-only server: auto and modern connect in the 2026-07-28 era; legacy is refused with the versions it supports', async () => {
    const fixture = await startModernOnlyFixture();
    cleanup(() => fixture.close());
    for (const protocolEra of ['auto', 'modern'] as const) {
      const connection = await manager.open({ transport: 'streamable', url: fixture.url, protocolEra, headers: [{ name: 'X-Team-Key', value: 'k' }] });
      expect(connection.info()).toMatchObject({ era: 'modern', protocolVersion: '2026-07-28', supportedVersions: ['2026-07-28'], serverInfo: { name: 'sdk-v2-fixture' } });
      expect(connection.info().eraDetection).toMatchObject({ requested: protocolEra, chosen: 'modern', probe: { outcome: 'modern', detail: 'offered 2026-07-28' } });
      expect((await connection.listTools()).tools.map((t) => t.name)).toContain('echo');
      await manager.close(connection.id);
    }
    const refused = await failureOf({ transport: 'streamable', url: fixture.url, protocolEra: 'legacy' });
    expect(refused).toMatchObject({ kind: 'protocol-version', detail: { supported: ['2026-07-28'] } });
    expect(refused.message).toContain('it supports 2026-07-28');
    expect(refused.hint).toBe('set the protocol era to modern (or auto)');
  });

  it('a dual-era server: auto prefers 2026-07-28; legacy and a pinned 2025 revision use the 2025 handshake', async () => {
    const fixture = await startDualEraFixture();
    cleanup(() => fixture.close());
    const auto = await manager.open({ transport: 'streamable', url: fixture.url });
    expect(auto.info()).toMatchObject({ era: 'modern', protocolVersion: '2026-07-28' });
    const legacy = await manager.open({ transport: 'streamable', url: fixture.url, protocolEra: 'legacy' });
    expect(legacy.info()).toMatchObject({ era: 'legacy', eraDetection: { requested: 'legacy', chosen: 'legacy' } });
    expect(legacy.info().eraDetection!.explanation).toContain('no server/discover probe was sent');
    const pinned = await manager.open({ transport: 'streamable', url: fixture.url, protocolVersion: '2025-06-18' });
    expect(pinned.info()).toMatchObject({ era: 'legacy', protocolVersion: '2025-06-18', eraDetection: { pinnedVersion: '2025-06-18' } });
    expect(textOf(await pinned.callTool('echo', { message: 'old' }))).toBe('old');
  });

  it('a 2025-only server (v1 SDK): auto falls back to initialize and says why; modern fails with a protocol-version error', async () => {
    const fixture = await startStreamableFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'streamable', url: fixture.url });
    expect(connection.info()).toMatchObject({ era: 'legacy', eraDetection: { requested: 'auto', chosen: 'legacy', probe: { outcome: 'http-status' } } });
    expect(connection.info().eraDetection!.explanation).toMatch(/^Auto: the server answered the server\/discover POST with HTTP 400.*as 2025-era servers do; connected with the 2025 initialize handshake/);
    const modern = await failureOf({ transport: 'streamable', url: fixture.url, protocolEra: 'modern' });
    expect(modern.kind).toBe('protocol-version');
  });

  it('a pinned version and an era that disagree are refused before any request', async () => {
    const error = await failureOf({ transport: 'streamable', url: 'http://127.0.0.1:9/mcp', protocolEra: 'legacy', protocolVersion: '2026-07-28' });
    expect(error.kind).toBe('invalid-input');
  });

  it('a multi-round call is one logical call in the trace, answered by the configured handler and traced as such', async () => {
    const fixture = await startModernOnlyFixture();
    cleanup(() => fixture.close());
    const answering = new ConnectionManager({ handlers: { elicit: async () => ({ action: 'accept', content: { confirmed: true } }), answeredBy: 'option', source: 'a test option' } });
    cleanup(() => answering.closeAll());
    const connection = await answering.open({ transport: 'streamable', url: fixture.url });
    expect(textOf(await connection.callTool('confirm_action', { action: 'deploy' }))).toBe('confirmed deploy');
    const entries = connection.buffer.entries();
    const calls = ofType(entries, 'message').filter((m) => m.method === 'tools/call');
    const [first, inputRequired, retry, done] = calls;
    expect(first).toMatchObject({ messageKind: 'request', direction: 'outgoing' });
    expect(inputRequired).toMatchObject({ resultType: 'input_required', call: { rootSeq: first!.seq, round: 1 } });
    expect(retry).toMatchObject({ messageKind: 'request', call: { rootSeq: first!.seq, round: 2 } });
    expect(retry!.rpcId).not.toBe(first!.rpcId);
    expect((retry!.message as { params: { requestState?: string } }).params.requestState).toBe('confirm:deploy');
    expect(done).toMatchObject({ resultType: 'complete', call: { rootSeq: first!.seq, round: 2 } });
    expect(ofType(entries, 'client-input')).toEqual([
      expect.objectContaining({ method: 'elicitation/create', era: 'modern', answeredBy: 'option', source: 'a test option', outcome: 'accept', answer: { action: 'accept', content: { confirmed: true } } }),
    ]);
    expect(first!.envelope).toMatchObject({ protocolVersion: '2026-07-28', clientInfo: { name: 'mcp-periscope' }, clientCapabilities: { elicitation: expect.any(Object) } });
  });

  it('records the standard headers and Mcp-Param mirroring, and cache hints on results', async () => {
    const fixture = await startModernOnlyFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'streamable', url: fixture.url });
    await connection.listTools();
    await connection.callTool('regional_echo', { region: 'eu-west', priority: 2, message: 'hi' });
    const http = ofType(connection.buffer.entries(), 'http').filter((e) => e.phase !== 'headers');
    const call = http.find((e) => e.requestHeaders['mcp-method'] === 'tools/call')!;
    expect(call.requestHeaders).toMatchObject({ 'mcp-name': 'regional_echo', 'mcp-param-region': 'eu-west', 'mcp-param-priority': '2', 'mcp-protocol-version': '2026-07-28' });
    expect(call.warnings).toBeUndefined();
    const toolsList = ofType(connection.buffer.entries(), 'message').find((m) => m.method === 'tools/list' && m.messageKind === 'response');
    expect(toolsList).toMatchObject({ resultType: 'complete', cache: { ttlMs: expect.any(Number), cacheScope: expect.any(String) } });
  });
});

describe('change notifications in both eras', () => {
  it('2026-07-28: a subscriptions/listen stream, its acknowledged filter, and the changes it delivers, all linked in the trace', async () => {
    const fixture = await startModernOnlyFixture();
    cleanup(() => fixture.close());
    const connection = await manager.open({ transport: 'streamable', url: fixture.url });
    const subscription = await connection.listen({ resourceSubscriptions: ['fixture://counter'], promptsListChanged: true });
    expect(subscription.honored.resourceSubscriptions).toEqual(['fixture://counter']);
    await connection.callTool('bump_counter', {});
    const messages = () => ofType(connection.buffer.entries(), 'message');
    const request = messages().find((m) => m.method === 'subscriptions/listen' && m.messageKind === 'request')!;
    expect(request.listen).toEqual({ requested: { resourceSubscriptions: ['fixture://counter'], promptsListChanged: true } });
    const ack = messages().find((m) => m.method === 'notifications/subscriptions/acknowledged')!;
    expect(ack.listen).toMatchObject({ requestSeq: request.seq, acknowledged: { resourceSubscriptions: ['fixture://counter'] }, notHonored: ['promptsListChanged'] });
    await until(() => messages().some((m) => m.method === 'notifications/resources/updated'), 'the counter update');
    expect(messages().find((m) => m.method === 'notifications/resources/updated')!.listen).toEqual({ requestSeq: request.seq });
    await subscription.close();
  });

  it('2025: resources/subscribe, and the update arrives unasked on the session', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'legacy' });
    await connection.listen({ resourceSubscriptions: ['playground://counter'] });
    await connection.callTool('bump_counter', {});
    await until(() => ofType(connection.buffer.entries(), 'message').some((m) => m.method === 'notifications/resources/updated'), 'the counter update');
    expect(ofType(connection.buffer.entries(), 'message').some((m) => m.method === 'resources/subscribe')).toBe(true);
  });
});

describe('cancellation in the 2026-07-28 era', () => {
  it('a cancelled call closes its response stream, and the trace marks the request as ended', async () => {
    const playground = await startPlayground();
    cleanup(() => playground.close());
    const connection = await manager.open({ transport: 'streamable', url: playground.urls.streamable, protocolEra: 'modern' });
    const controller = new AbortController();
    const call = connection.callTool('slow_operation', { steps: 50, stepMs: 100 }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 150));
    controller.abort('user pressed stop');
    const error = await call.then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ info: { kind: 'cancelled' } });
    const request = ofType(connection.buffer.entries(), 'message').find((m) => m.method === 'tools/call' && m.messageKind === 'request')!;
    const ended = ofType(connection.buffer.entries(), 'lifecycle').find((e) => e.endsRequestSeq === request.seq);
    expect(ended?.text).toContain('its response stream was closed');
    // No notifications/cancelled exists in this era over HTTP.
    expect(ofType(connection.buffer.entries(), 'message').some((m) => m.method === 'notifications/cancelled')).toBe(false);
  });
});

describe('protocol eras over stdio', () => {
  it('a modern-only stdio server connects in the 2026-07-28 era under auto', async () => {
    const { command, args } = v2StdioFixtureCommand('modern-only');
    const connection = await manager.open({ transport: 'stdio', command, args });
    expect(connection.info()).toMatchObject({ era: 'modern', protocolVersion: '2026-07-28', eraDetection: { chosen: 'modern' } });
    expect(textOf(await connection.callTool('echo', { message: 'piped' }))).toBe('piped');
  }, 20_000);

  it('a dual-era stdio server speaks 2025 when asked to', async () => {
    const { command, args } = v2StdioFixtureCommand('dual');
    const connection = await manager.open({ transport: 'stdio', command, args, protocolEra: 'legacy' });
    expect(connection.info()).toMatchObject({ era: 'legacy', eraDetection: { requested: 'legacy' } });
    expect(textOf(await connection.callTool('echo', { message: 'old pipe' }))).toBe('old pipe');
  }, 20_000);

  it('a 2025 stdio server that exits on the probe is started again with the 2025 handshake, and the trace says so', async () => {
    const script = fileURLToPath(new URL('../../fixtures/sdk-servers/exits-on-probe-stdio.mjs', import.meta.url));
    const connection = await manager.open({ transport: 'stdio', command: process.execPath, args: [script] });
    expect(connection.info()).toMatchObject({ era: 'legacy', serverInfo: { name: 'exits-on-probe' } });
    expect(connection.info().eraDetection!.explanation).toContain('stopped when probed with server/discover');
    expect(ofType(connection.buffer.entries(), 'stderr').map((e) => e.line)).toContain('refusing server/discover before initialize; exiting');
    expect(textOf(await connection.callTool('echo', { message: 'second life' }))).toBe('second life');
  }, 20_000);
});
