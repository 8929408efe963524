import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { Root, SettledServerRequest } from '../../../shared/model/server-request';
import type { TraceEntry } from '../../../shared/model/trace';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { createClientRequestsServer, type ClientRequestsSeen } from '../../fixtures/sdk-servers/v1-client-requests-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { until, valueOf, type Answer } from './core-calls';

/**
 * A remote's roots (the Requests section's Roots list) through the app core and the contract.
 * Every connection the app opens declares `roots` with listChanged, so a saved change, the first
 * root too, is announced on a live 2025-era connection (a 1.x SDK server); in 2026-07-28 (a 2.x
 * SDK server over stdio) there is no such notification and an embedded roots/list reads the list
 * as saved at that moment.
 */
let test: TestCore;
let v1: StreamableFixture;
const seen: ClientRequestsSeen = { rootsChanged: 0 };

beforeAll(async () => {
  test = await startTestCore();
  v1 = await startStreamableFixture(() => createClientRequestsServer(seen));
});
afterAll(async () => {
  await test?.close();
  await v1?.close();
});

type CallOutcome = Answer<{ result: { content?: Array<{ text?: string }> } }>;
const modernServer = { transport: 'stdio' as const, command: process.execPath, args: ['--import', 'tsx', join(__dirname, '../cli/support/client-input-stdio.ts')] };

let remotes = 0;
async function connect(target: { transport: 'streamable'; url: string } | typeof modernServer, era: 'legacy' | 'modern', roots?: Root[]): Promise<{ connectionId: string; remoteId: string }> {
  const { remote } = await test.core.remotes.create({ name: `roots ${++remotes}`, ...target, headers: [], protocolEra: era, ...(roots ? { roots } : {}) });
  const opened = valueOf<{ connectionId: string; state: string; era?: string }>(await test.call('connections:open', { remoteId: remote.id }));
  expect(opened).toMatchObject({ state: 'connected', era });
  return { connectionId: opened.connectionId, remoteId: remote.id };
}
const legacy = (roots?: Root[]) => connect({ transport: 'streamable', url: v1.url }, 'legacy', roots);
const modern = (roots?: Root[]) => connect(modernServer, 'modern', roots);

const listRoots = async (connectionId: string) => {
  const outcome = (await test.call('connections:call-tool', { connectionId, name: 'list_roots', argumentsJson: '{}' })) as CallOutcome;
  return outcome.ok ? outcome.value.result.content?.[0]?.text : `error: ${outcome.error.message}`;
};
const setRoots = (remoteId: string, roots: Root[]) => test.call('remotes:set-server-requests', { remoteId, roots });
const settledOn = (connectionId: string): SettledServerRequest[] =>
  test.events.filter((e): e is Extract<MainEvent, { type: 'server-request-settled' }> => e.type === 'server-request-settled' && e.record.connectionId === connectionId).map((e) => e.record);
async function sentRootsChanged(connectionId: string): Promise<boolean> {
  const { entries } = valueOf<{ entries: TraceEntry[] }>(await test.call('trace:snapshot', { connectionId }));
  return entries.some((e) => e.type === 'message' && e.direction === 'outgoing' && e.method === 'notifications/roots/list_changed');
}
const announced = (before: number) => until(() => seen.rootsChanged > before, 'notifications/roots/list_changed at the server');

describe('roots, 2025 era (a 1.x SDK server)', () => {
  it('declared with listChanged, listed from the remote, and a change is announced', async () => {
    const { connectionId, remoteId } = await legacy([{ uri: 'file:///work/project', name: 'Project' }]);
    expect(await listRoots(connectionId)).toBe('file:///work/project (Project)');
    expect(await test.call('server-requests:list', { connectionId })).toMatchObject({ ok: true, value: { rootsDeclared: true } });
    expect(settledOn(connectionId)).toEqual([expect.objectContaining({ method: 'roots/list', answeredBy: 'app', outcome: 'answered' })]);
    const before = seen.rootsChanged;
    expect(await setRoots(remoteId, [{ uri: 'file:///work/other' }])).toMatchObject({ ok: true, value: { notified: 1, remote: { roots: [{ uri: 'file:///work/other' }] } } });
    await announced(before);
    expect(await listRoots(connectionId)).toBe('file:///work/other');
  });

  it('a connection opened without roots declares them anyway, so the first root added is announced and listed', async () => {
    const { connectionId, remoteId } = await legacy();
    expect(seen.clientCapabilities).toMatchObject({ roots: { listChanged: true } });
    expect(await test.call('server-requests:list', { connectionId })).toMatchObject({ ok: true, value: { rootsDeclared: true } });
    expect(await listRoots(connectionId)).toBe('(no roots)');
    const before = seen.rootsChanged;
    expect(await setRoots(remoteId, [{ uri: 'file:///work/first', name: 'First' }])).toMatchObject({ ok: true, value: { notified: 1 } });
    await announced(before);
    expect(await sentRootsChanged(connectionId)).toBe(true);
    expect(await listRoots(connectionId)).toBe('file:///work/first (First)');
  });

  it('a root that is not a URI is refused by the contract', async () => {
    const { remoteId } = await legacy();
    expect(await setRoots(remoteId, [{ uri: 'just a path' }])).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });
});

describe('roots, 2026-07-28 era (a 2.x SDK server over stdio)', () => {
  it('roots/list embedded in a call is answered from the remote, with no question asked', async () => {
    const { connectionId } = await modern([{ uri: 'file:///repo' }]);
    expect(await listRoots(connectionId)).toBe('{"roots":["file:///repo"]}');
    expect(settledOn(connectionId)).toEqual([expect.objectContaining({ method: 'roots/list', answeredBy: 'app', round: expect.objectContaining({ key: 'roots' }) })]);
  });

  it('without roots at connect, an embedded roots/list gets an empty list, then the roots as saved (no notification: the era has none)', async () => {
    const { connectionId, remoteId } = await modern();
    expect(await listRoots(connectionId)).toBe('{"roots":[]}');
    expect(await setRoots(remoteId, [{ uri: 'file:///first' }])).toMatchObject({ ok: true, value: { notified: 0 } });
    expect(await listRoots(connectionId)).toBe('{"roots":["file:///first"]}');
    expect(await sentRootsChanged(connectionId)).toBe(false);
  });
});
