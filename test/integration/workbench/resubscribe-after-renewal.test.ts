import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { HttpEntry, LifecycleEntry, MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { startPlayground } from '../../../main/core/playground/playground-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { openRemote, until } from './core-calls';

/**
 * A 2025-era server forgets a session's resource subscriptions with the session. When Periscope
 * starts a new session after a 404, the Resources section still says "Subscribed": the engine
 * must make that true again on the new session, and say so in the trace.
 * The playground keeps one session at a time here, so opening a second connection expires the first.
 */
let test: TestCore;
let playground: Awaited<ReturnType<typeof startPlayground>>;

beforeAll(async () => {
  test = await startTestCore();
  playground = await startPlayground({ sessions: { maxSessions: 1 } });
});
afterAll(async () => {
  await test?.close();
  await playground?.close();
});

const connect = async () => (await openRemote(test, playground.urls.streamable, 'legacy')).connectionId;

const traceOf = (connectionId: string): TraceEntry[] =>
  test.events.flatMap((e) => (e.type === 'trace' && e.connectionId === connectionId ? (e.entries as TraceEntry[]) : []));
const lifecycleTexts = (connectionId: string) => traceOf(connectionId).flatMap((e) => (e.type === 'lifecycle' ? [(e as LifecycleEntry).text] : []));
const updatesOf = (connectionId: string) => test.events.filter((e): e is Extract<MainEvent, { type: 'resource-updated' }> => e.type === 'resource-updated' && e.connectionId === connectionId);


/** Opens another connection: the playground closes the least recently used session, this one's. */
async function expireSessionOf(connectionId: string): Promise<void> {
  const other = await connect();
  await test.call('connections:close', { connectionId: other });
  expect(connectionId).not.toBe(other);
}

describe('resource subscriptions across a new 2025 session', () => {
  it('are sent again on the new session, said in the trace, and updates keep arriving', async () => {
    const connectionId = await connect();
    expect(await test.call('connections:subscribe-resource', { connectionId, uri: 'playground://counter' })).toEqual({ ok: true, value: { honored: true } });
    await expireSessionOf(connectionId);

    // Any read finds the session gone, starts a new one, and subscribes again.
    expect(await test.call('connections:list-resources', { connectionId })).toMatchObject({ ok: true });
    await until(() => lifecycleTexts(connectionId).some((t) => t.startsWith('Session expired; initialized a new one')), 'the renewal');
    expect(lifecycleTexts(connectionId)).toContain('Subscribed again on the new session to 1 resource(s): playground://counter');

    await test.call('connections:call-tool', { connectionId, name: 'bump_counter', argumentsJson: '{}' });
    await until(() => updatesOf(connectionId).length === 1, 'an update on the new session');

    // Unsubscribing goes to the session now, not the forgotten one.
    expect(await test.call('connections:unsubscribe-resource', { connectionId, uri: 'playground://counter' })).toEqual({ ok: true, value: undefined });
    const renewal = lifecycleTexts(connectionId).find((t) => t.startsWith('Session expired; initialized a new one'))!;
    const sessionNow = /now ([^)\s]+)\)$/.exec(renewal)?.[1];
    expect(sessionNow).toMatch(/\S{8,}/);
    await until(() => traceOf(connectionId).some((e) => e.type === 'message' && (e as MessageEntry).method === 'resources/unsubscribe'), 'resources/unsubscribe');
    const unsubscribePosts = traceOf(connectionId).filter(
      (e): e is HttpEntry => e.type === 'http' && ((e as HttpEntry).requestBody ?? '').includes('resources/unsubscribe'),
    );
    expect(unsubscribePosts.length).toBeGreaterThan(0);
    for (const post of unsubscribePosts) expect(post.requestHeaders['mcp-session-id']).toBe(sessionNow);
    await test.call('connections:call-tool', { connectionId, name: 'bump_counter', argumentsJson: '{}' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(updatesOf(connectionId)).toHaveLength(1);
  });

  it('an unsubscribed resource is not subscribed again by a later renewal', async () => {
    const connectionId = await connect();
    await test.call('connections:subscribe-resource', { connectionId, uri: 'playground://counter' });
    await test.call('connections:unsubscribe-resource', { connectionId, uri: 'playground://counter' });
    await expireSessionOf(connectionId);
    expect(await test.call('connections:list-resources', { connectionId })).toMatchObject({ ok: true });
    await until(() => lifecycleTexts(connectionId).some((t) => t.startsWith('Session expired; initialized a new one')), 'the renewal');
    expect(lifecycleTexts(connectionId).filter((t) => t.includes('Subscribed again'))).toEqual([]);
    expect(traceOf(connectionId).filter((e) => e.type === 'message' && (e as MessageEntry).method === 'resources/subscribe' && (e as MessageEntry).direction === 'outgoing')).toHaveLength(1);
  });
});
