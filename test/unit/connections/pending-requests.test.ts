import { SdkError, SdkErrorCode } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { HISTORY_CONNECTIONS, HISTORY_PER_CONNECTION, MAX_PENDING_PER_CONNECTION, PendingRequests, RequestWithdrawnError, type PendingRequestEvent, type Question } from '../../../main/core/connections/input/pending-requests';
import { appClientInput } from '../../../main/core/connections/input/app-client-input';
import { InputRounds } from '../../../main/core/connections/input/input-rounds';
import type { ServerRequestPolicy } from '../../../shared/model/server-request';

const elicit = (connectionId = 'c1'): Question => ({ connectionId, method: 'elicitation/create', params: { message: 'Name?' }, era: 'legacy' });
const sample = (connectionId = 'c1'): Question => ({ connectionId, method: 'sampling/createMessage', params: { messages: [], maxTokens: 5 }, era: 'legacy' });

/** The handlers read the policy asynchronously before a question is parked. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function registry() {
  let clock = 1000;
  const pending = new PendingRequests(() => clock);
  const events: PendingRequestEvent[] = [];
  pending.onEvent((e) => events.push(e));
  return { pending, events, tick: (ms: number) => (clock += ms) };
}

describe('PendingRequests', () => {
  it('parks a question, announces it, and resolves with the answer given for its id', async () => {
    const { pending, events, tick } = registry();
    const asked = pending.ask(elicit(), new AbortController().signal);
    expect(events).toEqual([{ type: 'pending', request: expect.objectContaining({ method: 'elicitation/create', arrivedAt: 1000 }) }]);
    const id = (events[0] as { request: { id: string } }).request.id;
    expect(pending.snapshot('c1').pending.map((r) => r.id)).toEqual([id]);
    tick(250);
    pending.answer(id, { action: 'accept', content: { name: 'Ada' } });
    await expect(asked).resolves.toMatchObject({ request: { id }, answer: { action: 'accept', content: { name: 'Ada' } } });
    expect(pending.snapshot('c1').pending).toEqual([]);
    expect(pending.pendingCount).toBe(0);
  });

  it('refuses an answer that does not fit the method, and one for a request no longer waiting', async () => {
    const { pending, events } = registry();
    void pending.ask(sample(), new AbortController().signal);
    const id = (events[0] as { request: { id: string } }).request.id;
    expect(() => pending.answer(id, { action: 'accept' })).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
    pending.answer(id, { action: 'reply', text: 'hi', model: 'm' });
    expect(() => pending.answer(id, { action: 'reject' })).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it('a server that withdraws its request (abort) settles it as withdrawn; a closed transport as connection-ended', async () => {
    const { pending, events } = registry();
    const withdrawn = new AbortController();
    const first = pending.ask(elicit(), withdrawn.signal);
    withdrawn.abort(new Error('cancelled by the server'));
    await expect(first).rejects.toBeInstanceOf(RequestWithdrawnError);
    const closed = new AbortController();
    const second = pending.ask(elicit(), closed.signal);
    closed.abort(new SdkError(SdkErrorCode.ConnectionClosed, 'Connection closed'));
    await expect(second).rejects.toMatchObject({ outcome: 'connection-ended' });
    const settled = events.filter((e) => e.type === 'settled').map((e) => (e as { record: { outcome: string; answeredBy: string } }).record);
    expect(settled).toEqual([expect.objectContaining({ outcome: 'withdrawn', answeredBy: 'nobody' }), expect.objectContaining({ outcome: 'connection-ended', answeredBy: 'nobody' })]);
  });

  it('an ended connection ends only its own pending requests, saying why', async () => {
    const { pending } = registry();
    const mine = pending.ask(elicit('c1'), new AbortController().signal);
    void pending.ask(elicit('c2'), new AbortController().signal);
    pending.endConnection('c1', 'it was lost');
    await expect(mine).rejects.toThrow('the connection ended (it was lost)');
    expect(pending.snapshot('c1')).toMatchObject({ pending: [], settled: [{ outcome: 'connection-ended' }] });
    expect(pending.snapshot('c2').pending).toHaveLength(1);
  });

  it('a flood of questions: beyond the limit each is refused at once, recorded, and other connections still ask', async () => {
    const { pending } = registry();
    for (let i = 0; i < MAX_PENDING_PER_CONNECTION; i++) void pending.ask(elicit(), new AbortController().signal);
    await expect(pending.ask(elicit(), new AbortController().signal)).rejects.toThrow(`${MAX_PENDING_PER_CONNECTION} requests from this server were already waiting`);
    expect(pending.snapshot('c1').settled).toEqual([expect.objectContaining({ outcome: 'error', answeredBy: 'app' })]);
    expect(pending.snapshot('c1').pending).toHaveLength(MAX_PENDING_PER_CONNECTION);
    void pending.ask(elicit('c2'), new AbortController().signal);
    expect(pending.snapshot('c2').pending).toHaveLength(1);
  });

  it('keeps a bounded history per connection', () => {
    const { pending } = registry();
    for (let i = 0; i < HISTORY_PER_CONNECTION + 5; i++) pending.recordImmediate(elicit(), { outcome: 'decline', answeredBy: 'policy', source: `#${i}` });
    const { settled } = pending.snapshot('c1');
    expect(settled).toHaveLength(HISTORY_PER_CONNECTION);
    expect(settled[0].source).toBe('#5');
    // And the histories of the most recently active connections only.
    for (let i = 0; i < HISTORY_CONNECTIONS; i++) pending.recordImmediate(elicit(`other-${i}`), { outcome: 'decline', answeredBy: 'policy', source: 'x' });
    expect(pending.snapshot('c1').settled).toEqual([]);
    expect(pending.snapshot('other-0').settled).toHaveLength(1);
  });
});

describe('the app handlers and the policy', () => {
  function handlers(policy: ServerRequestPolicy) {
    const { pending, events } = registry();
    const input = appClientInput({
      registry: pending,
      connectionId: () => 'c1',
      era: () => 'legacy',
      mask: (v) => JSON.parse(JSON.stringify(v).replaceAll('s3cret', '[redacted]')),
      policy: async () => policy,
      roots: async () => [{ uri: 'file:///p', name: 'P' }],
      rounds: new InputRounds(),
      declareRoots: true,
    });
    return { input, pending, events };
  }
  const form = { mode: 'form' as const, message: 'token s3cret?', requestedSchema: { type: 'object' as const, properties: { size: { type: 'string' as const, default: 'M' } } } };

  it('ask: the question reaches the window masked, and the answer the server', async () => {
    const { input, pending, events } = handlers('ask');
    const answered = input.elicit!(form, new AbortController().signal);
    await settle();
    const request = (events[0] as { request: { id: string; params: { message: string } } }).request;
    expect(request.params.message).toBe('token [redacted]?');
    pending.answer(request.id, { action: 'accept', content: { size: 'L' } });
    await expect(answered).resolves.toEqual({ action: 'accept', content: { size: 'L' } });
    expect(pending.snapshot('c1').settled[0]).toMatchObject({ answeredBy: 'user', outcome: 'accept' });
  });

  it('accept-defaults answers from the schema; decline also rejects sampling; nothing is left pending', async () => {
    const defaults = handlers('accept-defaults');
    await expect(defaults.input.elicit!(form, new AbortController().signal)).resolves.toEqual({ action: 'accept', content: { size: 'M' } });
    expect(defaults.pending.snapshot('c1').settled[0]).toMatchObject({ answeredBy: 'policy', outcome: 'accept' });
    const decline = handlers('decline');
    await expect(decline.input.elicit!(form, new AbortController().signal)).resolves.toEqual({ action: 'decline' });
    await expect(decline.input.sample!({ messages: [], maxTokens: 5 }, new AbortController().signal)).rejects.toThrow('User rejected sampling request');
    expect(decline.pending.pendingCount).toBe(0);
    expect(decline.pending.snapshot('c1').settled.map((s) => s.outcome)).toEqual(['decline', 'rejected']);
  });

  it('roots come from the remote, declared with listChanged', async () => {
    const { input, pending } = handlers('ask');
    expect(input.rootsListChanged).toBe(true);
    await expect(input.roots!(new AbortController().signal)).resolves.toEqual({ roots: [{ uri: 'file:///p', name: 'P' }] });
    expect(pending.snapshot('c1').settled[0]).toMatchObject({ method: 'roots/list', answeredBy: 'app' });
  });

  it('a huge or deep question is summarised, not passed to the window whole', async () => {
    const { input, events } = handlers('ask');
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 100; i++) deep = (deep.x = {}) as Record<string, unknown>;
    void input.elicit!({ mode: 'form', message: 'deep', requestedSchema: { type: 'object', properties: root as never } }, new AbortController().signal);
    void input.elicit!({ mode: 'form', message: 'x'.repeat(300_000), requestedSchema: { type: 'object', properties: {} } }, new AbortController().signal);
    await settle();
    const [deepOne, bigOne] = events.map((e) => (e as { request: { params: { message: string }; tooLarge?: string } }).request);
    expect(deepOne.tooLarge).toMatch(/nests deeper than 32 levels/);
    expect(deepOne.params).toEqual({ message: 'deep' });
    expect(bigOne.tooLarge).toMatch(/KB/);
    expect(bigOne.params.message).toHaveLength(2000);
  });
});
