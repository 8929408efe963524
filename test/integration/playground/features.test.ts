import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
  type LoggingMessageNotification,
  type Progress,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import { checkPng } from './support/png-check';
import { ClientPool, clientTransport, NETWORK_TRANSPORTS, type NetworkTransport } from './support/playground-clients';

let playground: RunningPlayground;
const pool = new ClientPool();

beforeAll(async () => {
  playground = await startPlayground({ port: 0 });
});
afterEach(() => pool.closeAll());
afterAll(() => playground.close());

const connect = (kind: NetworkTransport = 'streamable', capabilities = {}) => pool.connect(clientTransport(playground, kind), { capabilities });

function text(result: unknown): string {
  const [first] = (result as { content: Array<{ type: string; text?: string }> }).content;
  return first.text ?? '';
}

async function operations(client: Client): Promise<Array<{ tool: string; outcome: string; stepsDone: number; totalSteps: number }>> {
  const read = await client.readResource({ uri: 'playground://operations' });
  return JSON.parse((read.contents[0] as { text: string }).text);
}

describe('playground tools', () => {
  it.each(NETWORK_TRANSPORTS)('%s: slow_operation sends progress for each step', async (kind) => {
    const client = await connect(kind);
    const progress: Progress[] = [];
    const result = await client.callTool({ name: 'slow_operation', arguments: { steps: 4, stepMs: 30 } }, undefined, {
      onprogress: (p) => progress.push(p),
    });
    expect(text(result)).toBe('slow_operation completed 4 steps');
    // The SDK client delivers notifications a tick after responses, so the last one may lose the race.
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.slice(0, 3)).toEqual([1, 2, 3].map((step) => ({ progress: step, total: 4, message: `step ${step} of 4` })));
  });

  it.each(NETWORK_TRANSPORTS)('%s: cancelling slow_operation stops it on the server', async (kind) => {
    const client = await connect(kind);
    const controller = new AbortController();
    const progress: number[] = [];
    const call = client.callTool({ name: 'slow_operation', arguments: { steps: 100, stepMs: 40 } }, undefined, {
      signal: controller.signal,
      onprogress: (p) => {
        progress.push(p.progress);
        if (progress.length === 2) controller.abort('user pressed stop');
      },
    });
    await expect(call).rejects.toThrow();
    // notifications/cancelled travels on its own; poll until the server has acted on it.
    const op = await vi.waitFor(async () => {
      const [latest] = await operations(client);
      expect(latest.outcome).not.toBe('running');
      return latest;
    }, { timeout: 3_000, interval: 50 });
    expect(op).toMatchObject({ tool: 'slow_operation', outcome: 'cancelled', totalSteps: 100 });
    expect(op.stepsDone).toBeLessThan(50); // generous for a loaded machine; 'cancelled' is the real proof
  });

  it('fail returns a tool result with isError and a message', async () => {
    const client = await connect();
    const result = await client.callTool({ name: 'fail', arguments: { message: 'disk on fire' } });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe('disk on fire');
  });

  it('add adds', async () => {
    const client = await connect('websocket');
    expect(text(await client.callTool({ name: 'add', arguments: { a: 1.5, b: 2 } }))).toBe('3.5');
  });

  it('image returns a valid PNG as base64 image content', async () => {
    const client = await connect();
    const result = await client.callTool({ name: 'image', arguments: {} });
    const image = (result.content as Array<{ type: string; data?: string; mimeType?: string }>).find((c) => c.type === 'image');
    expect(image?.mimeType).toBe('image/png');
    expect(checkPng(Buffer.from(image!.data!, 'base64'))).toEqual({ width: 32, height: 32, colourType: 6 });
  });

  it('weather has an outputSchema and structuredContent that matches it', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    const weather = tools.find((t) => t.name === 'weather')!;
    expect(weather.outputSchema?.required).toEqual(expect.arrayContaining(['city', 'temperatureC', 'conditions', 'humidityPercent']));
    // callTool after listTools makes the SDK client validate structuredContent against the schema too.
    const result = await client.callTool({ name: 'weather', arguments: { city: 'Lisbon' } });
    const shape = z.object({
      city: z.literal('Lisbon'),
      temperatureC: z.number(),
      conditions: z.enum(['sunny', 'cloudy', 'rain', 'snow']),
      humidityPercent: z.number().int().min(0).max(100),
    });
    expect(shape.parse(result.structuredContent)).toEqual(JSON.parse(text(result)));
  });

  it.each(['streamable', 'websocket'] as const)('%s: log sends one notifications/message per level', async (kind) => {
    const client = await connect(kind);
    const logs: LoggingMessageNotification['params'][] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
      logs.push(n.params);
    });
    await client.callTool({ name: 'log', arguments: { message: 'look here', levels: ['debug', 'warning', 'error'] } });
    await vi.waitFor(() => expect(logs).toHaveLength(3));
    expect(logs).toEqual(['debug', 'warning', 'error'].map((level) => ({ level, logger: 'playground', data: 'look here' })));
  });
});

describe('playground client requests', () => {
  it.each(NETWORK_TRANSPORTS)('%s: ask_user round-trips an elicitation', async (kind) => {
    const client = await connect(kind, { elicitation: { form: {} } });
    let asked = '';
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked = request.params.message;
      return { action: 'accept', content: { name: 'Ada', colour: 'blue' } };
    });
    const result = await client.callTool({ name: 'ask_user', arguments: { question: 'Name?' } });
    expect(asked).toBe('Name?');
    expect(result.isError).toBeFalsy();
    expect(text(result)).toBe('The user answered: {"name":"Ada","colour":"blue"}');
  });

  it.each(NETWORK_TRANSPORTS)('%s: ask_model round-trips a sampling request', async (kind) => {
    const client = await connect(kind, { sampling: {} });
    client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
      const [message] = request.params.messages;
      const content = Array.isArray(message.content) ? message.content[0] : message.content;
      const prompt = content.type === 'text' ? content.text : '';
      return { model: 'test-model', role: 'assistant', content: { type: 'text', text: `you said: ${prompt}` } };
    });
    const result = await client.callTool({ name: 'ask_model', arguments: { prompt: 'ping' } });
    expect(text(result)).toBe('Model test-model replied: you said: ping');
  });

  it('ask_user and ask_model explain clearly when the client lacks the capability', async () => {
    const client = await connect('streamable');
    const elicit = await client.callTool({ name: 'ask_user', arguments: {} });
    expect(elicit.isError).toBe(true);
    expect(text(elicit)).toMatch(/does not support elicitation/);
    const sample = await client.callTool({ name: 'ask_model', arguments: {} });
    expect(sample.isError).toBe(true);
    expect(text(sample)).toMatch(/does not support sampling/);
  });

  it('a declined elicitation is reported as declined', async () => {
    const client = await connect('streamable', { elicitation: { form: {} } });
    client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'decline' }));
    const result = await client.callTool({ name: 'ask_user', arguments: {} });
    expect(text(result)).toBe('The user chose to decline the question.');
  });
});

describe('playground resources and prompts', () => {
  it.each(NETWORK_TRANSPORTS)('%s: lists and reads text, binary and templated resources', async (kind) => {
    const client = await connect(kind);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(
      expect.arrayContaining(['playground://readme', 'playground://logo.png', 'playground://operations', 'playground://items/1']),
    );
    const readme = await client.readResource({ uri: 'playground://readme' });
    expect((readme.contents[0] as { text: string }).text).toContain('MCP Periscope playground');
    const logo = await client.readResource({ uri: 'playground://logo.png' });
    expect(logo.contents[0].mimeType).toBe('image/png');
    expect(checkPng(Buffer.from((logo.contents[0] as { blob: string }).blob, 'base64')).width).toBe(32);

    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain('playground://items/{id}');
    const item = await client.readResource({ uri: 'playground://items/abc' });
    expect(JSON.parse((item.contents[0] as { text: string }).text)).toEqual({ id: 'abc', name: 'Item abc' });
  });

  it('gets the review_code prompt with its arguments filled in', async () => {
    const client = await connect();
    const { prompts } = await client.listPrompts();
    const review = prompts.find((p) => p.name === 'review_code')!;
    expect(review.arguments?.map((a) => [a.name, a.required])).toEqual([
      ['code', true],
      ['language', true],
    ]);
    const prompt = await client.getPrompt({ name: 'review_code', arguments: { code: 'let x = 1', language: 'typescript' } });
    const content = prompt.messages[0].content as { type: string; text: string };
    expect(content.text).toContain('```typescript\nlet x = 1\n```');
  });

  it('reports the logging capability', async () => {
    const client = await connect();
    expect(client.getServerCapabilities()).toMatchObject({ logging: {}, tools: {}, resources: {}, prompts: {} });
  });
});
