import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_URI_HINT } from '../../../main/core/diagnostics/resource-read-errors';
import type { MainEvent } from '../../../shared/ipc/contract';
import { startPlayground } from '../../../main/core/playground/playground-server';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { createPagedFixtureServer, createWorkbenchFixtureServer } from '../../fixtures/sdk-servers/v1-workbench-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';
import { type Answer, openRemote, until } from './core-calls';

/**
 * The Resources and Prompts sections' paths through the app core and the contract's validation
 * (resource templates, completion/complete, subscriptions and their 'resource-updated' events),
 * against the playground (2.x SDK) in both protocol eras and a 1.x SDK server.
 */
const ERAS = ['legacy', 'modern'] as const;

let test: TestCore;
let playground: Awaited<ReturnType<typeof startPlayground>>;
let v1: StreamableFixture;

beforeAll(async () => {
  test = await startTestCore();
  playground = await startPlayground();
  v1 = await startStreamableFixture(createWorkbenchFixtureServer);
});
afterAll(async () => {
  await test?.close();
  await playground?.close();
  await v1?.close();
});


const connect = async (url: string, era?: (typeof ERAS)[number]) => (await openRemote(test, url, era)).connectionId;


describe.each(ERAS)('the playground, %s era', (era) => {
  it('lists the item template, completes its id, and reads the URI built from it', async () => {
    const connectionId = await connect(playground.urls.streamable, era);
    const templates = await test.call('connections:list-resource-templates', { connectionId });
    expect(templates).toMatchObject({ ok: true, value: { resourceTemplates: [expect.objectContaining({ uriTemplate: 'playground://items/{id}' })] } });
    const completed = await test.call('connections:complete', { connectionId, ref: { type: 'ref/resource', uri: 'playground://items/{id}' }, argument: { name: 'id', value: '2' } });
    expect(completed).toMatchObject({ ok: true, value: { completion: { values: ['2'] } } });
    const read = await test.call('connections:read-resource', { connectionId, uri: 'playground://items/2' });
    expect(read).toMatchObject({ ok: true, value: { contents: [{ uri: 'playground://items/2', text: '{"id":"2","name":"Item 2"}' }] } });
  });

  it('a URI the server does not have fails with a hint about the URI, not about arguments', async () => {
    const connectionId = await connect(playground.urls.streamable, era);
    const read = (await test.call('connections:read-resource', { connectionId, uri: 'playground://no-such-thing' })) as { ok: false; error: { kind: string; message: string; hint: string } };
    expect(read).toMatchObject({ ok: false, error: { kind: 'protocol', message: expect.stringMatching(/JSON-RPC error -32(602|002)/) } });
    expect(read.error.hint).toBe(UNKNOWN_URI_HINT);
  });

  it('a subscription turns each notifications/resources/updated into a resource-updated event, until unsubscribed', async () => {
    const connectionId = await connect(playground.urls.streamable, era);
    const updates = () => test.events.filter((e): e is Extract<MainEvent, { type: 'resource-updated' }> => e.type === 'resource-updated' && e.connectionId === connectionId);
    expect(await test.call('connections:subscribe-resource', { connectionId, uri: 'playground://counter' })).toEqual({ ok: true, value: { honored: true } });
    await test.call('connections:call-tool', { connectionId, name: 'bump_counter', argumentsJson: '{}' });
    await until(() => updates().length === 1, 'the first update');
    expect(updates()[0]).toMatchObject({ uri: 'playground://counter', at: expect.any(Number) });
    expect(await test.call('connections:unsubscribe-resource', { connectionId, uri: 'playground://counter' })).toEqual({ ok: true, value: undefined });
    await test.call('connections:call-tool', { connectionId, name: 'bump_counter', argumentsJson: '{}' });
    // The bump's own round trip is over; an update that still came would have come by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(updates()).toHaveLength(1);
  });

  it('gets review_code with its arguments', async () => {
    const connectionId = await connect(playground.urls.streamable, era);
    const got = await test.call('connections:get-prompt', { connectionId, name: 'review_code', arguments: { code: 'let x = 1', language: 'js' } });
    expect(got).toMatchObject({ ok: true, value: { messages: [{ role: 'user', content: { type: 'text', text: expect.stringContaining('let x = 1') } }] } });
  });
});

describe('a 1.x SDK server', () => {
  it('completes a template variable and a prompt argument, the other arguments passed as context', async () => {
    const connectionId = await connect(v1.url);
    const templates = await test.call('connections:list-resource-templates', { connectionId });
    expect(templates).toMatchObject({ ok: true, value: { resourceTemplates: [{ uriTemplate: 'weather://{city}' }] } });
    const cities = await test.call('connections:complete', { connectionId, ref: { type: 'ref/resource', uri: 'weather://{city}' }, argument: { name: 'city', value: 'be' } });
    expect(cities).toMatchObject({ ok: true, value: { completion: { values: ['Berlin', 'Bern'] } } });
    const prompt = await test.call('connections:complete', { connectionId, ref: { type: 'ref/prompt', name: 'plan_trip' }, argument: { name: 'city', value: 'At' }, context: { days: '3' } });
    expect(prompt).toMatchObject({ ok: true, value: { completion: { values: ['Athens'] } } });
    expect(await test.call('connections:read-resource', { connectionId, uri: 'weather://Bern' })).toMatchObject({ ok: true, value: { contents: [{ text: '{"city":"Bern","sky":"clear"}' }] } });
    const unknown = (await test.call('connections:read-resource', { connectionId, uri: 'nothing://here' })) as { ok: false; error: { hint: string } };
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'protocol', hint: UNKNOWN_URI_HINT } });
  });

  it('follows nextCursor through every page of resources, templates and prompts', async () => {
    const paged = await startStreamableFixture(createPagedFixtureServer);
    try {
      const connectionId = await connect(paged.url);
      const resources = (await test.call('connections:list-resources', { connectionId })) as Answer<{ resources: Array<{ uri: string }> }>;
      expect(resources.ok && resources.value.resources.map((r) => r.uri)).toEqual(['paged://one', 'paged://two', 'paged://three']);
      const templates = (await test.call('connections:list-resource-templates', { connectionId })) as Answer<{ resourceTemplates: Array<{ name: string }> }>;
      expect(templates.ok && templates.value.resourceTemplates.map((t) => t.name)).toEqual(['template-a', 'template-b', 'template-c']);
      const prompts = (await test.call('connections:list-prompts', { connectionId })) as Answer<{ prompts: Array<{ name: string }> }>;
      expect(prompts.ok && prompts.value.prompts.map((p) => p.name)).toEqual(['p1', 'p2', 'p3']);
    } finally {
      await paged.close();
    }
  });

  it('a server without subscriptions refuses subscribe with a protocol error, and completion of an unknown prompt fails as data', async () => {
    const connectionId = await connect(v1.url);
    const subscribed = (await test.call('connections:subscribe-resource', { connectionId, uri: 'notes://today' })) as Answer<unknown>;
    expect(subscribed.ok).toBe(false);
    const unknown = (await test.call('connections:complete', { connectionId, ref: { type: 'ref/prompt', name: 'nope' }, argument: { name: 'x', value: '' } })) as Answer<unknown>;
    expect(unknown.ok).toBe(false);
  });
});
