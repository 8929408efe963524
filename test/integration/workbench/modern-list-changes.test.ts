import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { startDualEraFixture, type V2StreamableFixture } from '../../fixtures/sdk-servers/v2-streamable-fixture';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { openRemote, until } from './core-calls';

/**
 * A 2026-07-28 server says its lists changed only on a subscriptions/listen stream that asked
 * (no unasked notifications in that era). The app opens one for each modern connection, for the
 * lists the server declares as changing, so the workbench refreshes as it does in the 2025 era.
 * Against a server built straight on the v2 server SDK.
 */
let test: TestCore;
let fixture: V2StreamableFixture;

beforeAll(async () => {
  test = await startTestCore();
  fixture = await startDualEraFixture();
});
afterAll(async () => {
  await test?.close();
  await fixture?.close();
});

const connect = (era: 'modern' | 'legacy') => openRemote<{ connectionId: string; capabilities: Record<string, unknown> }>(test, fixture.url, era);

const messages = (connectionId: string): MessageEntry[] =>
  test.events.flatMap((e) => (e.type === 'trace' && e.connectionId === connectionId ? (e.entries as TraceEntry[]) : [])).filter((e): e is MessageEntry => e.type === 'message');


describe('list changes on a 2026-07-28 connection', () => {
  it('opens a listen stream for the lists the server declares as changing, and its list_changed notifications reach the trace', async () => {
    const { connectionId, capabilities } = await connect('modern');
    expect(capabilities).toMatchObject({ resources: { listChanged: true } });
    await until(() => messages(connectionId).some((m) => m.direction === 'outgoing' && m.method === 'subscriptions/listen'), 'subscriptions/listen');
    const listen = messages(connectionId).find((m) => m.direction === 'outgoing' && m.method === 'subscriptions/listen')!;
    const filter = (listen.message as { params?: { notifications?: Record<string, unknown> } }).params?.notifications;
    expect(filter).toMatchObject({ resourcesListChanged: true });
    // Only what the server declared: a list it does not say can change is not asked for.
    for (const list of ['tools', 'prompts'] as const) {
      if ((capabilities[list] as { listChanged?: boolean } | undefined)?.listChanged !== true) expect(filter?.[`${list}ListChanged`]).toBeUndefined();
    }
    // The server has acknowledged the stream before it can deliver on it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    fixture.notify.resourcesChanged();
    await until(() => messages(connectionId).some((m) => m.direction === 'incoming' && m.method === 'notifications/resources/list_changed'), 'notifications/resources/list_changed');

    // The stream ends with the connection.
    expect(await test.call('connections:close', { connectionId })).toMatchObject({ ok: true });
  });

  it('a 2025-era connection opens no listen stream (its server sends list changes unasked)', async () => {
    const { connectionId } = await connect('legacy');
    await test.call('connections:list-tools', { connectionId });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(messages(connectionId).filter((m) => m.method === 'subscriptions/listen')).toEqual([]);
  });
});
