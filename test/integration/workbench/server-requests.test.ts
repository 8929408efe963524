import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { PendingServerRequest, SettledServerRequest } from '../../../shared/model/server-request';
import type { ClientInputEntry, TraceEntry } from '../../../shared/model/trace';
import { startPlayground } from '../../../main/core/playground/playground-server';
import { startStreamableFixture, type StreamableFixture } from '../../fixtures/sdk-servers/streamable-fixture';
import { createClientRequestsServer } from '../../fixtures/sdk-servers/v1-client-requests-server';
import { startTestCore, type TestCore } from '../hostile/app-core-support';

/**
 * Requests from the server through the app core and the contract: the playground (2.x SDK) in
 * the 2025 era (server-to-client requests) and the 2026-07-28 era (input_required rounds), and a
 * 1.x SDK server (2025 era). Questions wait for `server-requests:answer`; the policy, a cancelled
 * call and a closed connection each settle them with a recorded outcome. Roots: roots.test.ts.
 */
let test: TestCore;
let playground: Awaited<ReturnType<typeof startPlayground>>;
let v1: StreamableFixture;

beforeAll(async () => {
  test = await startTestCore();
  playground = await startPlayground();
  v1 = await startStreamableFixture(() => createClientRequestsServer());
});
afterAll(async () => {
  await test?.close();
  await playground?.close();
  await v1?.close();
});

type Answer<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };
type CallOutcome = Answer<{ result: { content?: Array<{ text?: string }>; isError?: boolean } }>;

let remotes = 0;
async function connect(url: string, era: 'legacy' | 'modern'): Promise<{ connectionId: string; remoteId: string }> {
  const { remote } = await test.core.remotes.create({ name: `requests ${++remotes}`, transport: 'streamable', url, headers: [], protocolEra: era });
  const opened = (await test.call('connections:open', { remoteId: remote.id })) as Answer<{ connectionId: string; state: string; era?: string }>;
  expect(opened).toMatchObject({ ok: true, value: { state: 'connected', era } });
  return { connectionId: (opened as { value: { connectionId: string } }).value.connectionId, remoteId: remote.id };
}

async function until<T>(find: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 8000;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited 8 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pendingOn = (connectionId: string, after = 0) =>
  until(
    () =>
      test.events
        .slice(after)
        .filter((e): e is Extract<MainEvent, { type: 'server-request' }> => e.type === 'server-request' && e.request.connectionId === connectionId)
        .map((e) => e.request)[0],
    'a pending server request',
  );
const settledOn = (connectionId: string): SettledServerRequest[] =>
  test.events.filter((e): e is Extract<MainEvent, { type: 'server-request-settled' }> => e.type === 'server-request-settled' && e.record.connectionId === connectionId).map((e) => e.record);
const call = (connectionId: string, name: string, args: Record<string, unknown> = {}, callId?: string) =>
  test.call('connections:call-tool', { connectionId, name, argumentsJson: JSON.stringify(args), ...(callId ? { callId } : {}) }) as Promise<CallOutcome>;
const textOf = (outcome: CallOutcome) => (outcome.ok ? outcome.value.result.content?.[0]?.text : `error: ${outcome.error.message}`);
const answer = (connectionId: string, request: PendingServerRequest, value: unknown) => test.call('server-requests:answer', { connectionId, requestId: request.id, answer: value });
async function clientInputEntries(connectionId: string): Promise<ClientInputEntry[]> {
  const snapshot = (await test.call('trace:snapshot', { connectionId })) as Answer<{ entries: TraceEntry[] }>;
  return snapshot.ok ? snapshot.value.entries.filter((e): e is ClientInputEntry => e.type === 'client-input') : [];
}

describe.each(['legacy', 'modern'] as const)('the playground, %s era', (era) => {
  it('ask_user waits for the answer given in the window, and the tool reports it', async () => {
    const { connectionId } = await connect(playground.urls.streamable, era);
    const before = test.events.length;
    const result = call(connectionId, 'ask_user', { question: 'Who are you?' });
    const pending = await pendingOn(connectionId, before);
    expect(pending).toMatchObject({ method: 'elicitation/create', era, params: { message: 'Who are you?', requestedSchema: { required: ['name'] } } });
    if (era === 'modern') expect(pending.round).toMatchObject({ round: 1, method: 'tools/call', name: 'ask_user', key: 'answer' });
    else expect(pending.round).toBeUndefined();
    expect(await answer(connectionId, pending, { action: 'accept', content: { name: 'Ada', colour: 'blue' } })).toEqual({ ok: true, value: undefined });
    expect(textOf(await result)).toBe('The user answered: {"name":"Ada","colour":"blue"}');
    expect(settledOn(connectionId)).toEqual([expect.objectContaining({ id: pending.id, outcome: 'accept', answeredBy: 'user', answer: { action: 'accept', content: { name: 'Ada', colour: 'blue' } } })]);
    expect(await clientInputEntries(connectionId)).toEqual([expect.objectContaining({ method: 'elicitation/create', answeredBy: 'user', outcome: 'accept' })]);
    // Answered once: a second answer finds nothing waiting.
    expect(await answer(connectionId, pending, { action: 'decline' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('ask_model is answered with the reply typed in the window; an answer that does not fit is refused', async () => {
    const { connectionId } = await connect(playground.urls.streamable, era);
    const before = test.events.length;
    const result = call(connectionId, 'ask_model', { prompt: 'ping' });
    const pending = await pendingOn(connectionId, before);
    expect(pending).toMatchObject({ method: 'sampling/createMessage', params: { maxTokens: 100, messages: [{ role: 'user', content: { type: 'text', text: 'ping' } }] } });
    expect(await answer(connectionId, pending, { action: 'accept', content: {} })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    await answer(connectionId, pending, { action: 'reply', text: 'pong', model: 'by-hand', stopReason: 'endTurn' });
    expect(textOf(await result)).toBe('Model by-hand replied: pong');
  });

  it('ask_model rejected in the window: the 2025 server gets an error it reports, a 2026-07-28 call ends saying who rejected', async () => {
    const { connectionId } = await connect(playground.urls.streamable, era);
    const before = test.events.length;
    const result = call(connectionId, 'ask_model');
    await answer(connectionId, await pendingOn(connectionId, before), { action: 'reject' });
    const outcome = await result;
    if (era === 'legacy') {
      expect(outcome).toMatchObject({ ok: true, value: { result: { isError: true } } });
      expect(textOf(outcome)).toContain('User rejected sampling request');
    } else {
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('you rejected it; in the 2026-07-28 era a rejected embedded request ends the call') } });
    }
  });

  it('order_coffee: two questions, each answered in turn', async () => {
    const { connectionId } = await connect(playground.urls.streamable, era);
    const before = test.events.length;
    const result = call(connectionId, 'order_coffee');
    const first = await pendingOn(connectionId, before);
    expect(first.params).toMatchObject({ message: 'What would you like?' });
    const middle = test.events.length;
    await answer(connectionId, first, { action: 'accept', content: { drink: 'latte', size: 'large' } });
    const second = await pendingOn(connectionId, middle);
    expect(second.params).toMatchObject({ message: 'Order a large latte?' });
    if (era === 'modern') {
      expect(first.round).toMatchObject({ round: 1, name: 'order_coffee', key: 'order' });
      expect(second.round).toMatchObject({ round: 2, name: 'order_coffee', key: 'confirm', rootSeq: first.round!.rootSeq });
    }
    await answer(connectionId, second, { action: 'accept', content: { confirm: true } });
    expect(textOf(await result)).toBe('Ordered a large latte.');
  });

  it('sign_in: a URL-mode question; declining it reaches the tool, and accept-defaults would decline it too', async () => {
    const { connectionId, remoteId } = await connect(playground.urls.streamable, era);
    const before = test.events.length;
    const result = call(connectionId, 'sign_in');
    const pending = await pendingOn(connectionId, before);
    expect(pending.params).toMatchObject({ mode: 'url', url: 'https://example.com/periscope-playground/sign-in?session=demo' });
    await answer(connectionId, pending, { action: 'decline' });
    expect(textOf(await result)).toBe('The user chose to decline the sign-in.');
    await test.call('remotes:set-server-requests', { remoteId, policy: 'accept-defaults' });
    expect(textOf(await call(connectionId, 'sign_in'))).toBe('The user chose to decline the sign-in.');
    expect(settledOn(connectionId)[1]).toMatchObject({ answeredBy: 'policy', source: expect.stringContaining('URL-mode') });
  });

  it("a call whose timeout runs out while its question waits says it was waiting for the user's answer", async () => {
    const { connectionId } = await connect(playground.urls.streamable, era);
    const before = test.events.length;
    const result = test.call('connections:call-tool', { connectionId, name: 'ask_user', argumentsJson: '{}', timeoutMs: 400 }) as Promise<CallOutcome>;
    const pending = await pendingOn(connectionId, before);
    if (era === 'modern') {
      // 2026-07-28: the question is asked between two requests, so no request's timer runs while it waits.
      await new Promise((resolve) => setTimeout(resolve, 600));
      await answer(connectionId, pending, { action: 'decline' });
      expect(textOf(await result)).toBe('The user chose to decline the question.');
      return;
    }
    expect(await result).toMatchObject({ ok: false, error: { kind: 'timeout', message: expect.stringContaining('while the server was waiting for your answer'), hint: expect.stringContaining("the call's timeout keeps running") } });
    expect(await until(() => settledOn(connectionId)[0], 'the withdrawn question')).toMatchObject({ outcome: 'withdrawn' });
  });

  it("the remote's policy answers without asking, and says so in the history and the trace", async () => {
    const { connectionId, remoteId } = await connect(playground.urls.streamable, era);
    expect(await test.call('remotes:set-server-requests', { remoteId, policy: 'decline' })).toMatchObject({ ok: true, value: { remote: { serverRequestPolicy: 'decline' } } });
    expect(textOf(await call(connectionId, 'ask_user'))).toBe('The user chose to decline the question.');
    expect(settledOn(connectionId)).toEqual([expect.objectContaining({ outcome: 'decline', answeredBy: 'policy', source: expect.stringContaining('always decline') })]);
    expect(await clientInputEntries(connectionId)).toEqual([expect.objectContaining({ answeredBy: 'option', source: expect.stringContaining('always decline') })]);
    await test.call('remotes:set-server-requests', { remoteId, policy: 'accept-defaults' });
    // ask_user's name is required and has no default: accept-defaults cannot accept honestly.
    expect(textOf(await call(connectionId, 'ask_user'))).toBe('The user chose to decline the question.');
    expect(settledOn(connectionId)[1]).toMatchObject({ answeredBy: 'policy', source: expect.stringContaining('"name"') });
  });

  it('a question is withdrawn when its call is cancelled, with the outcome recorded', async () => {
    const { connectionId } = await connect(playground.urls.streamable, era);
    const before = test.events.length;
    const result = call(connectionId, 'ask_user', {}, 'to-cancel');
    const pending = await pendingOn(connectionId, before);
    await test.call('connections:cancel-call', { connectionId, callId: 'to-cancel' });
    expect((await result).ok).toBe(false);
    const settled = await until(() => settledOn(connectionId)[0], 'the withdrawn request');
    expect(settled).toMatchObject({ id: pending.id, outcome: 'withdrawn', answeredBy: 'nobody' });
    // Every connection the app opens declares roots, with none configured too.
    expect(await test.call('server-requests:list', { connectionId })).toMatchObject({ ok: true, value: { pending: [], settled: [{ outcome: 'withdrawn' }], rootsDeclared: true } });
  });

  it('a question still pending when the connection closes ends with "connection-ended"', async () => {
    const { connectionId } = await connect(playground.urls.streamable, era);
    const before = test.events.length;
    const result = call(connectionId, 'ask_user');
    const pending = await pendingOn(connectionId, before);
    await test.call('connections:close', { connectionId });
    const outcome = await result;
    expect(outcome.ok).toBe(false);
    if (era === 'modern') expect(outcome).toMatchObject({ ok: false, error: { kind: 'closed', message: expect.stringContaining("The call ended while the server's question waited for an answer") } });
    expect(settledOn(connectionId)).toEqual([expect.objectContaining({ id: pending.id, outcome: 'connection-ended', source: expect.stringContaining('connection') })]);
  });
});

describe('secrets', () => {
  it("a question that echoes the remote's secret reaches the window masked, in the event, the list and the history", async () => {
    const secret = 'k3y-Zq81xWv0pLs77aa';
    const { connectionId } = await connect(`${playground.urls.streamable}?api_key=${secret}`, 'legacy');
    const before = test.events.length;
    const result = call(connectionId, 'ask_user', { question: `Is ${secret} yours?` });
    const pending = await pendingOn(connectionId, before);
    expect((pending.params as { message: string }).message).toBe('Is [redacted] yours?');
    const listed = await test.call('server-requests:list', { connectionId });
    expect(JSON.stringify(listed)).not.toContain(secret);
    await answer(connectionId, pending, { action: 'decline' });
    await result;
    expect(JSON.stringify(test.events.slice(before))).not.toContain(secret);
  });
});

describe('a 1.x SDK server (2025 era)', () => {
  it('elicitation with a titled single-select and a default, answered in the window', async () => {
    const { connectionId } = await connect(v1.url, 'legacy');
    const before = test.events.length;
    const result = call(connectionId, 'ask_name');
    const pending = await pendingOn(connectionId, before);
    expect(pending.params).toMatchObject({ requestedSchema: { properties: { size: { oneOf: [{ const: 's', title: 'Small' }, { const: 'l', title: 'Large' }], default: 'l' } } } });
    await answer(connectionId, pending, { action: 'accept', content: { name: 'Bo', size: 'l' } });
    expect(textOf(await result)).toBe('accept: {"name":"Bo","size":"l"}');
  });

  it('sampling rejected in the window reaches the server as an error', async () => {
    const { connectionId } = await connect(v1.url, 'legacy');
    const before = test.events.length;
    const result = call(connectionId, 'ask_model');
    const pending = await pendingOn(connectionId, before);
    expect(pending.params).toMatchObject({ systemPrompt: 'Answer briefly.', modelPreferences: { hints: [{ name: 'claude' }] } });
    await answer(connectionId, pending, { action: 'reject' });
    expect(textOf(await result)).toContain('User rejected sampling request');
    expect(settledOn(connectionId)).toEqual([expect.objectContaining({ outcome: 'rejected', answeredBy: 'user' })]);
  });

  it('a question nobody answers: the server gives up and cancels it, and it leaves the list as withdrawn', async () => {
    const { connectionId } = await connect(v1.url, 'legacy');
    const before = test.events.length;
    const result = call(connectionId, 'ask_briefly');
    const pending = await pendingOn(connectionId, before);
    expect(textOf(await result)).toMatch(/the client answered with an error: .*timed out/i);
    const settled = await until(() => settledOn(connectionId)[0], 'the withdrawn question');
    expect(settled).toMatchObject({ id: pending.id, outcome: 'withdrawn', source: expect.stringContaining('the server withdrew its request') });
    expect(await answer(connectionId, pending, { action: 'decline' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('a server that goes away while its question waits: the connection is lost and the question ends with it', async () => {
    const doomed = await startStreamableFixture(() => createClientRequestsServer());
    const { connectionId } = await connect(doomed.url, 'legacy');
    const before = test.events.length;
    const result = call(connectionId, 'ask_name');
    const pending = await pendingOn(connectionId, before);
    await doomed.close();
    expect(await result).toMatchObject({ ok: false, error: { kind: 'closed' } });
    const settled = await until(() => settledOn(connectionId)[0], 'the question to end with the connection');
    expect(settled).toMatchObject({ id: pending.id, outcome: 'connection-ended', answeredBy: 'nobody' });
    expect(await answer(connectionId, pending, { action: 'accept', content: { name: 'late' } })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

});

describe('a 2.x SDK server over stdio, 2026-07-28 era: URL mode as an embedded request', () => {
  const inputServer = { transport: 'stdio' as const, command: process.execPath, args: ['--import', 'tsx', join(__dirname, '../cli/support/client-input-stdio.ts')] };
  async function connectStdio(): Promise<{ connectionId: string; remoteId: string }> {
    const { remote } = await test.core.remotes.create({ name: `stdio ${++remotes}`, ...inputServer, headers: [], protocolEra: 'modern' });
    const opened = (await test.call('connections:open', { remoteId: remote.id })) as Answer<{ connectionId: string; state: string; era?: string }>;
    expect(opened).toMatchObject({ ok: true, value: { state: 'connected', era: 'modern' } });
    return { connectionId: (opened as { value: { connectionId: string } }).value.connectionId, remoteId: remote.id };
  }

  it('a URL-mode question reaches the window with its URL and is accepted without content', async () => {
    const { connectionId } = await connectStdio();
    const before = test.events.length;
    const result = call(connectionId, 'open_link');
    const pending = await pendingOn(connectionId, before);
    expect(pending).toMatchObject({ params: { mode: 'url', url: 'https://example.com/verify?code=42' }, round: { round: 1, name: 'open_link', key: 'link' } });
    await answer(connectionId, pending, { action: 'accept', content: { ignored: 'yes' } });
    expect(textOf(await result)).toBe('{"action":"accept"}');
  });
});
