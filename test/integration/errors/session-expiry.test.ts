import { describe, expect, it } from 'vitest';
import type { HttpEntry, LifecycleEntry, MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { textOf, useManager } from '../connections/connection-test-support';

const { manager, cleanup } = useManager();

async function expiredConnection(options: { reinitializeOnSessionExpiry?: boolean } = {}) {
  const fixture: StreamableFixture = await startStreamableFixture();
  cleanup(() => fixture.close());
  const connection = await manager.open({ transport: 'streamable', url: fixture.url, ...options });
  const entries: TraceEntry[] = [];
  connection.bus.subscribe((e) => entries.push(e));
  const firstSession = connection.info().sessionId;
  expect(firstSession).toBeDefined();
  await fixture.forgetSessions();
  const lifecycle = () => entries.filter((e): e is LifecycleEntry => e.type === 'lifecycle');
  const renewals = () => lifecycle().filter((e) => e.text.startsWith('Session expired; initialized a new one'));
  return { fixture, connection, entries, firstSession, lifecycle, renewals };
}

describe('a 404 on a known session (2025 era, Streamable HTTP)', () => {
  it('by default starts a new session visibly and sends a read again on it', async () => {
    const { connection, entries, firstSession, lifecycle, renewals } = await expiredConnection();
    const tools = await connection.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('echo');

    const info = connection.info();
    expect(info.state).toBe('connected');
    expect(info.sessionId).toBeDefined();
    expect(info.sessionId).not.toBe(firstSession);
    expect(renewals()).toHaveLength(1);
    expect(renewals()[0]!.text).toBe(`Session expired; initialized a new one (was ${firstSession}, now ${info.sessionId})`);
    const before = lifecycle().find((e) => e.text.startsWith(`The server no longer knows session ${firstSession}`))!;
    expect(before.error?.kind).toBe('session-expired');
    expect(before.text).toContain('starting a new session, as the MCP specification requires');
    // On the wire: the 404, a fresh initialize without the old id, and tools/list sent twice.
    const http = entries.filter((e): e is HttpEntry => e.type === 'http' && e.phase === 'complete');
    expect(http.some((e) => e.status === 404 && e.requestHeaders['mcp-session-id'] === firstSession)).toBe(true);
    const initialize = entries.find((e): e is MessageEntry => e.type === 'message' && e.method === 'initialize' && e.direction === 'outgoing');
    expect(initialize).toBeDefined();
    expect(entries.filter((e) => e.type === 'message' && e.method === 'tools/list' && e.direction === 'outgoing')).toHaveLength(2);
  });

  it('reports a tools/call instead of running it twice, with the new session ready', async () => {
    const { connection, firstSession, renewals } = await expiredConnection();
    const error = await connection.callTool('echo', { message: 'once' }).then(() => undefined, (e: unknown) => e);
    if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
    const newSession = connection.info().sessionId;
    expect(error.info.kind).toBe('session-expired');
    expect(error.info.message).toContain('404');
    expect(error.info.message).toContain(`A new session is ready (${newSession}), but tools/call "echo" was not sent again: it may change state on the server`);
    expect(error.info.hint).toContain('send tools/call "echo" again');
    expect(error.info.detail).toMatchObject({ renewed: true, newSessionId: newSession });
    expect(newSession).not.toBe(firstSession);
    expect(renewals()).toHaveLength(1);
    expect(connection.info().state).toBe('connected');
    expect(textOf(await connection.callTool('echo', { message: 'in the new session' }))).toBe('in the new session');
  });

  it('requests failing on the same expired session share one renewal', async () => {
    const { connection, renewals } = await expiredConnection();
    const results = await Promise.all([connection.listTools(), connection.listResources(), connection.listPrompts()]);
    expect(results).toHaveLength(3);
    expect(renewals()).toHaveLength(1);
  });

  it('with the switch off, stops and shows the expiry, as before', async () => {
    const { connection, renewals } = await expiredConnection({ reinitializeOnSessionExpiry: false });
    const error = await connection.listTools().then(() => undefined, (e: unknown) => e);
    if (!isPeriscopeError(error)) throw new Error(`expected a PeriscopeError, got ${String(error)}`);
    expect(error.info.kind).toBe('session-expired');
    expect(connection.info()).toMatchObject({ state: 'failed', error: { kind: 'session-expired' } });
    expect(renewals()).toHaveLength(0);
  });
});
