import type { Client } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import { MODERN_TRANSPORTS, ModernClientPool, messagesInBody, type Negotiation } from './support/modern-clients';

let playground: RunningPlayground;
const pool = new ModernClientPool();

beforeAll(async () => {
  playground = await startPlayground({ port: 0 });
});
afterEach(() => pool.closeAll());
afterAll(() => playground.close());

const text = (result: unknown) => (result as { content: Array<{ text?: string }> }).content[0].text;

/** Answers every elicitation/create with the next of `answers`, and records the questions. */
function answerElicitations(client: Client, answers: Array<{ action: 'accept' | 'decline' | 'cancel'; content?: Record<string, string | boolean> }>) {
  const questions: string[] = [];
  client.setRequestHandler('elicitation/create', async (request) => {
    questions.push(request.params.message);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected elicitation: ${request.params.message}`);
    return answer;
  });
  return questions;
}

/** 'pin' gives the 2026-07-28 era (input_required), 'legacy' the 2025 era (the SDK shim's server-to-client requests). */
const ERAS: Array<[Negotiation, 'modern' | 'legacy']> = [
  ['pin', 'modern'],
  ['legacy', 'legacy'],
];

describe.each(MODERN_TRANSPORTS)('input_required tools over %s', (kind) => {
  it.each(ERAS)('with negotiation %s (%s era): ask_user is answered by the elicitation/create handler', async (negotiation, era) => {
    const { client } = await pool.connect(playground, kind, { negotiation, capabilities: { elicitation: { form: {} } } });
    expect(client.getProtocolEra()).toBe(era);
    const questions = answerElicitations(client, [{ action: 'accept', content: { name: 'Ada', colour: 'blue' } }]);
    const result = await client.callTool({ name: 'ask_user', arguments: { question: 'Name?' } });
    expect(questions).toEqual(['Name?']);
    expect(result.isError).toBeFalsy();
    expect(text(result)).toBe('The user answered: {"name":"Ada","colour":"blue"}');
    expect(result.structuredContent).toEqual({ action: 'accept', content: { name: 'Ada', colour: 'blue' } });
  });

  it.each(ERAS)('with negotiation %s (%s era): order_coffee takes two rounds, the second naming the first answer', async (negotiation) => {
    const { client } = await pool.connect(playground, kind, { negotiation, capabilities: { elicitation: { form: {} } } });
    const questions = answerElicitations(client, [
      { action: 'accept', content: { drink: 'latte', size: 'large' } },
      { action: 'accept', content: { confirm: true } },
    ]);
    const result = await client.callTool({ name: 'order_coffee', arguments: {} });
    expect(questions).toEqual(['What would you like?', 'Order a large latte?']);
    expect(text(result)).toBe('Ordered a large latte.');
  });

  it.each(ERAS)('with negotiation %s (%s era): ask_model is answered by the sampling handler', async (negotiation) => {
    const { client } = await pool.connect(playground, kind, { negotiation, capabilities: { sampling: {} } });
    client.setRequestHandler('sampling/createMessage', async (request) => {
      const [message] = request.params.messages;
      const content = Array.isArray(message.content) ? message.content[0] : message.content;
      return { model: 'test-model', role: 'assistant', content: { type: 'text', text: `you said: ${content.type === 'text' ? content.text : '?'}` } };
    });
    expect(text(await client.callTool({ name: 'ask_model', arguments: { prompt: 'ping' } }))).toBe('Model test-model replied: you said: ping');
  });
});

describe('input_required on the wire (Streamable HTTP)', () => {
  it('2026-07-28: the call answers input_required, and the retry carries the answer and the sealed requestState', async () => {
    const { client, exchanges } = await pool.connect(playground, 'streamable', { negotiation: 'pin', capabilities: { elicitation: { form: {} } } });
    answerElicitations(client, [
      { action: 'accept', content: { drink: 'espresso', size: 'small' } },
      { action: 'decline' },
    ]);
    expect(text(await client.callTool({ name: 'order_coffee', arguments: {} }))).toBe('Order for a small espresso cancelled.');
    const calls = exchanges.filter((e) => e.requestBody?.method === 'tools/call');
    expect(calls).toHaveLength(3);
    const answers = await Promise.all(calls.map(async (c) => messagesInBody(await c.responseText).at(-1)));
    expect(answers.map((a) => (a as { result: { resultType: string } }).result.resultType)).toEqual(['input_required', 'input_required', 'complete']);
    expect(answers[0]).toMatchObject({ result: { inputRequests: { order: { method: 'elicitation/create' } }, requestState: expect.stringMatching(/^v1\./) } });
    const retry = calls[1].requestBody!.params as Record<string, unknown>;
    expect(retry).toMatchObject({ inputResponses: { order: { action: 'accept', content: { drink: 'espresso', size: 'small' } } } });
    expect(retry.requestState).toBe((answers[0] as { result: { requestState: string } }).result.requestState);
    // The 2026-07-28 era has no server-to-client requests: nothing on the wire carries an id and a method from the server.
    for (const call of calls) expect(messagesInBody(await call.responseText).some((m) => 'method' in m && 'id' in m)).toBe(false);
  });

  it('2025: the same tool sends a real elicitation/create request on the tool call stream', async () => {
    const { client, exchanges } = await pool.connect(playground, 'streamable', { negotiation: 'legacy', capabilities: { elicitation: { form: {} } } });
    answerElicitations(client, [{ action: 'accept', content: { name: 'Grace' } }]);
    expect(text(await client.callTool({ name: 'ask_user', arguments: {} }))).toBe('The user answered: {"name":"Grace"}');
    const call = exchanges.find((e) => e.requestBody?.method === 'tools/call')!;
    const onStream = messagesInBody(await call.responseText);
    expect(onStream[0]).toMatchObject({ method: 'elicitation/create', id: expect.anything(), params: { mode: 'form' } });
    expect(onStream.at(-1)).not.toHaveProperty('result.resultType');
  });

  it.each<Negotiation>(['pin', 'legacy'])('%s: a client without the capability gets an isError result that says so', async (negotiation) => {
    const { client } = await pool.connect(playground, 'streamable', { negotiation });
    const elicit = await client.callTool({ name: 'ask_user', arguments: {} });
    expect(elicit.isError).toBe(true);
    expect(text(elicit)).toMatch(/does not support elicitation/);
    const sample = await client.callTool({ name: 'ask_model', arguments: {} });
    expect(sample.isError).toBe(true);
    expect(text(sample)).toMatch(/does not support sampling/);
  });
});
