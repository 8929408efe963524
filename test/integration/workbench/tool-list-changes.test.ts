import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessageEntry, TraceEntry } from '../../../shared/model/trace';
import { createPeriscopeApi } from '../../../shared/ipc/periscope-api';
import { useToolsStore } from '../../../renderer/stores/tools-store';
import { createChangingToolsV1Server, createChangingToolsV2Server, toolShelf } from '../../fixtures/sdk-servers/changing-tool-lists';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { startDualEraFixture, type V2StreamableFixture } from '../../fixtures/sdk-servers/v2-streamable-fixture';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { openRemote, until, valueOf } from './core-calls';

/**
 * The Tools section's list against real servers whose tools/list is paged (two tools a page) and
 * changes: every page is followed, and a change the server announces (2025:
 * notifications/tools/list_changed unasked; 2026-07-28: on the subscriptions/listen stream the
 * app opens) reaches the trace and makes the window's own reaction (renderer/bridge) list again
 * and say so. The window's actions run here over the real contract, as window.periscope.
 */
let test: TestCore;
let v1: StreamableFixture;
let v2: V2StreamableFixture;
const v1Shelf = toolShelf(['add_tool', 'alpha', 'beta', 'gamma', 'delta']);
const v2Shelf = toolShelf(['one', 'two', 'three']);
let stopRefreshing: (() => void) | undefined;

/**
 * The window's own actions (renderer/bridge). They are loaded by a computed path because they
 * read `window.periscope`, and this node-side test is typechecked without the DOM's types (which
 * must stay out of main/); only the two functions used are typed here.
 */
interface WindowBridge {
  refreshOnListChanged(connectionId: string, entries: readonly TraceEntry[]): void;
  loadTools(connectionId: string): Promise<void>;
}
const BRIDGE = '../../../renderer/bridge';
let bridge: WindowBridge;
const loadTools = (connectionId: string) => bridge.loadTools(connectionId);

beforeAll(async () => {
  test = await startTestCore();
  v1 = await startStreamableFixture(() => createChangingToolsV1Server(v1Shelf));
  v2 = await startDualEraFixture({ serve: () => createChangingToolsV2Server(v2Shelf) });
  (globalThis as { window?: unknown }).window = { periscope: createPeriscopeApi((channel, input) => test.call(channel, input), (listener) => test.core.onEvent(listener)) };
  bridge = { ...((await import(`${BRIDGE}/list-changes`)) as Pick<WindowBridge, 'refreshOnListChanged'>), ...((await import(`${BRIDGE}/tool-actions`)) as Pick<WindowBridge, 'loadTools'>) };
  // What the bridge does with each trace batch, fed with the core's real events.
  stopRefreshing = test.core.onEvent((event) => {
    if (event.type === 'trace') bridge.refreshOnListChanged(event.connectionId, event.entries as TraceEntry[]);
  });
});
afterAll(async () => {
  stopRefreshing?.();
  delete (globalThis as { window?: unknown }).window;
  await test?.close();
  await v1?.close();
  await v2?.close();
});
beforeEach(() => {
  v1Shelf.cursorsSeen.length = 0;
  v2Shelf.cursorsSeen.length = 0;
});

const names = (tools: Array<{ name: string }>) => tools.map((t) => t.name);
const slotOf = (connectionId: string) => useToolsStore.getState().slots[connectionId];
const incoming = (connectionId: string, method: string) =>
  test.events
    .flatMap((e) => (e.type === 'trace' && e.connectionId === connectionId ? (e.entries as TraceEntry[]) : []))
    .some((e): e is MessageEntry => e.type === 'message' && e.direction === 'incoming' && e.method === method);

describe('tool list, 2025 era (a 1.x SDK server)', () => {
  it('follows nextCursor through every page of tools/list', async () => {
    const { connectionId } = await openRemote(test, v1.url, 'legacy');
    const listed = valueOf<{ tools: Array<{ name: string }> }>(await test.call('connections:list-tools', { connectionId }));
    expect(names(listed.tools)).toEqual(['add_tool', 'alpha', 'beta', 'gamma', 'delta']);
    expect(v1Shelf.cursorsSeen).toEqual([null, '2', '4']);
  });

  it('notifications/tools/list_changed from the server reaches the trace, and the shown list is fetched again and says why', async () => {
    const { connectionId } = await openRemote(test, v1.url, 'legacy');
    await loadTools(connectionId);
    expect(names(slotOf(connectionId)!.tools)).toEqual(['add_tool', 'alpha', 'beta', 'gamma', 'delta']);
    expect(slotOf(connectionId)!.changeNotice).toBeUndefined();

    const added = valueOf<{ result: { content: Array<{ text: string }> } }>(await test.call('connections:call-tool', { connectionId, name: 'add_tool', argumentsJson: '{"name": "epsilon"}' }));
    expect(added.result.content[0]!.text).toBe('added epsilon');
    await until(() => incoming(connectionId, 'notifications/tools/list_changed'), 'notifications/tools/list_changed in the trace');
    await until(() => names(slotOf(connectionId)?.tools ?? []).includes('epsilon'), 'the refreshed tool list');
    expect(names(slotOf(connectionId)!.tools)).toEqual(['add_tool', 'alpha', 'beta', 'gamma', 'delta', 'epsilon']);
    expect(slotOf(connectionId)!.changeNotice).toMatch(/^The server said its tools changed \(notifications\/tools\/list_changed\); the list was refreshed at /);
    // Listed again from the first page to the last.
    expect(v1Shelf.cursorsSeen.slice(-3)).toEqual([null, '2', '4']);
  });
});

describe('tool list, 2026-07-28 era (a 2.x SDK server)', () => {
  it('follows every page, asks for tool list changes on the listen stream, and a change refreshes the shown list', async () => {
    const { connectionId, capabilities } = await openRemote<{ connectionId: string; capabilities: Record<string, unknown> }>(test, v2.url, 'modern');
    expect(capabilities).toMatchObject({ tools: { listChanged: true } });
    await loadTools(connectionId);
    expect(names(slotOf(connectionId)!.tools)).toEqual(['one', 'two', 'three']);
    expect(v2Shelf.cursorsSeen).toEqual([null, '2']);

    const listen = () =>
      test.events
        .flatMap((e) => (e.type === 'trace' && e.connectionId === connectionId ? (e.entries as TraceEntry[]) : []))
        .find((e): e is MessageEntry => e.type === 'message' && e.direction === 'outgoing' && e.method === 'subscriptions/listen');
    await until(() => listen() !== undefined, 'subscriptions/listen');
    expect((listen()!.message as { params?: { notifications?: Record<string, unknown> } }).params?.notifications).toMatchObject({ toolsListChanged: true });
    // The server has acknowledged the stream before it can deliver on it.
    await new Promise((resolve) => setTimeout(resolve, 200));

    v2Shelf.names.push('four');
    v2.notify.toolsChanged();
    await until(() => incoming(connectionId, 'notifications/tools/list_changed'), 'notifications/tools/list_changed on the listen stream');
    await until(() => names(slotOf(connectionId)?.tools ?? []).includes('four'), 'the refreshed tool list');
    expect(names(slotOf(connectionId)!.tools)).toEqual(['one', 'two', 'three', 'four']);
    expect(slotOf(connectionId)!.changeNotice).toMatch(/^The server said its tools changed/);
    expect(await test.call('connections:close', { connectionId })).toMatchObject({ ok: true });
  });
});
