import { describe, expect, it } from 'vitest';
import { startDiscoverAs2025Fixture } from '../../fixtures/sdk-servers/misbehaving/discover-as-2025-fixture';
import { startHeaderMismatchFixture } from '../../fixtures/sdk-servers/misbehaving/header-mismatch-fixture';
import { startSessionOnModernFixture } from '../../fixtures/sdk-servers/misbehaving/session-on-modern-fixture';
import { startUnsupportedVersionFixture } from '../../fixtures/sdk-servers/misbehaving/unsupported-version-fixture';
import { startHandRolledServer } from '../../fixtures/sdk-servers/misbehaving/hand-rolled-server';
import { discoverResult, result } from '../../fixtures/sdk-servers/misbehaving/wire';
import { ofType, useManager } from './connection-test-support';

/** Servers that get the protocol era wrong: the connection works where it can, and the trace says what is wrong. */
const { manager, cleanup } = useManager();

describe('servers that get the protocol era wrong', () => {
  it('a session id on modern answers is flagged on each exchange and with the connection, and the connection still works', async () => {
    const server = await startSessionOnModernFixture();
    cleanup(() => server.close());
    const connection = await manager.open({ transport: 'streamable', url: server.url });
    expect(connection.info()).toMatchObject({ era: 'modern' });
    // Said with the connection (the window's connection panel, the CLI's warning lines), once.
    expect(connection.info().warnings.filter((w) => w.startsWith('The server sent Mcp-Session-Id on a 2026-07-28 request'))).toHaveLength(1);
    // What it means for the user, and what to do.
    expect(connection.info().warnings.find((w) => w.startsWith('The server sent Mcp-Session-Id'))).toMatch(/Periscope does not send the id back; if the server's answers look wrong, set the protocol era to legacy$/);
    expect(connection.info().sessionId).toBeUndefined();
    await connection.listTools();
    const flagged = ofType(connection.buffer.entries(), 'http').filter((e) => e.warnings?.some((w) => w.includes('sessions do not exist in the 2026-07-28 protocol')));
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    // The id is never sent back: the modern era has no sessions.
    expect(server.requests.filter((r) => r.headers['mcp-session-id'])).toEqual([]);
  });

  it('a 2025 connection to a server that sends a session id carries no such warning', async () => {
    const server = await startSessionOnModernFixture();
    cleanup(() => server.close());
    const connection = await manager.open({ transport: 'streamable', url: server.url, protocolEra: 'legacy' });
    expect(connection.info().warnings.some((w) => w.includes('Mcp-Session-Id'))).toBe(false);
  });

  it('server/discover answered like initialize: the trace flags it and auto falls back to the 2025 handshake', async () => {
    const server = await startDiscoverAs2025Fixture('initialize-result');
    cleanup(() => server.close());
    const connection = await manager.open({ transport: 'streamable', url: server.url });
    expect(connection.info()).toMatchObject({ era: 'legacy' });
    const discover = ofType(connection.buffer.entries(), 'message').find((m) => m.method === 'server/discover' && m.direction === 'incoming');
    expect(discover?.warnings?.[0]).toContain('initialize-shaped result');
  });

  it('server/discover without resultType: flagged at once, and the first result without it fails with a protocol error', async () => {
    const server = await startDiscoverAs2025Fixture('no-result-type');
    cleanup(() => server.close());
    const connection = await manager.open({ transport: 'streamable', url: server.url });
    const discover = ofType(connection.buffer.entries(), 'message').find((m) => m.method === 'server/discover' && m.direction === 'incoming');
    expect(discover?.warnings?.[0]).toContain('has no resultType');
    // The SDK takes the offered versions as modern evidence; the first real result then fails.
    expect(connection.info().era).toBe('modern');
    const error = await connection.listTools().then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ info: { kind: 'protocol', message: expect.stringContaining('resultType') } });
  });

  it('-32020 on every call is a protocol error that points at the headers, with the trace showing them', async () => {
    const server = await startHeaderMismatchFixture('every-call');
    cleanup(() => server.close());
    const connection = await manager.open({ transport: 'streamable', url: server.url });
    const error = await connection.callTool('echo', { message: 'x' }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ info: { kind: 'protocol', detail: { code: -32020 } } });
    expect((error as { info: { hint: string } }).info.hint).toContain('Mcp-Method, Mcp-Name or Mcp-Param-*');
  });

  it('-32022 naming only 2025 revisions: auto falls back to 2025; modern fails naming the versions and the era to pick', async () => {
    const server = await startUnsupportedVersionFixture({ supported: ['2025-06-18', '2025-11-25'], refuse: Infinity });
    cleanup(() => server.close());
    const auto = await manager.open({ transport: 'streamable', url: server.url });
    expect(auto.info()).toMatchObject({ era: 'legacy' });
    const error = await manager.open({ transport: 'streamable', url: server.url, protocolEra: 'modern' }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ info: { kind: 'protocol-version' } });
  });

  it.each([
    ['Method not found (-32601)', { status: 200, body: { jsonrpc: '2.0', id: 0, error: { code: -32601, message: 'Method not found' } } }, /failed too: The server answered with JSON-RPC error -32601/],
    ['HTTP 404', { status: 404 }, /failed too: .*404/],
  ] as const)('auto, server/discover offering only unknown versions, initialize refused with %s: names the versions and says no setting helps', async (_case, refusal, fallbackWords) => {
    const server = await startHandRolledServer(({ body }) =>
      body?.method === 'server/discover' ? { status: 200, body: result(body.id, { ...discoverResult('future-only'), supportedVersions: ['2027-01-01', '2027-06-30'] }) } : refusal,
    );
    cleanup(() => server.close());
    const error = await manager.open({ transport: 'streamable', url: server.url }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ info: { kind: 'protocol-version', detail: { supported: ['2027-01-01', '2027-06-30'] } } });
    const { message, hint } = (error as { info: { message: string; hint: string } }).info;
    expect(message).toMatch(/^The server's server\/discover offers only protocol versions 2027-01-01, 2027-06-30, none of which Periscope speaks \(it speaks 2024-11-05, .*2026-07-28\)/);
    expect(message).toMatch(fallbackWords);
    expect(hint).toBe("ask the server's maintainers to also serve 2026-07-28 or a 2025 revision (no setting in Periscope can reach a server that speaks only newer versions)");
  });

  it('auto, server/discover offering hundreds of unknown versions: ten are named, the rest counted', async () => {
    const offered = Array.from({ length: 300 }, (_, i) => `2099-01-${String((i % 28) + 1).padStart(2, '0')}-v${i}`);
    const server = await startHandRolledServer(({ body }) =>
      body?.method === 'server/discover' ? { status: 200, body: result(body.id, { ...discoverResult('many-versions'), supportedVersions: offered }) } : { status: 404 },
    );
    cleanup(() => server.close());
    const error = (await manager.open({ transport: 'streamable', url: server.url }).then(() => undefined, (e: unknown) => e)) as { info: { message: string; detail: { supported: string[] } } };
    expect(error.info.message).toContain(`${offered.slice(0, 10).join(', ')} and 290 more, none of which Periscope speaks`);
    expect(error.info.detail.supported).toEqual(offered.slice(0, 20));
  });
});
