import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type RunningPlayground } from '../../../main/core/playground/playground-server';
import { checkPng } from './support/png-check';
import { MODERN_TRANSPORTS, ModernClientPool, messagesInBody, type Negotiation } from './support/modern-clients';

const EXPECTED_TOOLS = ['add', 'ask_model', 'ask_user', 'bump_counter', 'echo', 'fail', 'image', 'log', 'order_coffee', 'sign_in', 'slow_operation', 'weather'];

let playground: RunningPlayground;
const pool = new ModernClientPool();

beforeAll(async () => {
  playground = await startPlayground({ port: 0 });
});
afterEach(() => pool.closeAll());
afterAll(() => playground.close());

const text = (result: unknown) => (result as { content: Array<{ text?: string }> }).content[0].text;

describe.each(MODERN_TRANSPORTS)('2026-07-28 era over %s (v2 client)', (kind) => {
  it.each<Negotiation>(['auto', 'pin'])('negotiates 2026-07-28 with mode %s and serves tools, resources and prompts', async (negotiation) => {
    const { client } = await pool.connect(playground, kind, { negotiation });
    expect(client.getProtocolEra()).toBe('modern');
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    expect(client.getServerVersion()).toEqual({ name: 'periscope-playground', version: '1.0.0' });
    expect(client.getServerCapabilities()).toMatchObject({ tools: {}, resources: { subscribe: true }, prompts: {} });

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(EXPECTED_TOOLS);
    expect(text(await client.callTool({ name: 'echo', arguments: { message: `modern over ${kind}` } }))).toBe(`modern over ${kind}`);
    expect(text(await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } }))).toBe('42');

    const readme = await client.readResource({ uri: 'playground://readme' });
    expect((readme.contents[0] as { text: string }).text).toContain('2026-07-28');
    const logo = await client.readResource({ uri: 'playground://logo.png' });
    expect(checkPng(Buffer.from((logo.contents[0] as { blob: string }).blob, 'base64')).width).toBe(32);
    const item = await client.readResource({ uri: 'playground://items/xyz' });
    expect(JSON.parse((item.contents[0] as { text: string }).text)).toEqual({ id: 'xyz', name: 'Item xyz' });
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toContain('playground://items/{id}');

    const prompt = await client.getPrompt({ name: 'review_code', arguments: { code: 'x = 1', language: 'python' } });
    expect((prompt.messages[0].content as { text: string }).text).toContain('```python\nx = 1\n```');
  });

  it('the plain 2025 handshake of the same v2 client is served as the 2025 era', async () => {
    const { client } = await pool.connect(playground, kind, { negotiation: 'legacy' });
    expect(client.getProtocolEra()).toBe('legacy');
    expect(client.getNegotiatedProtocolVersion()).toBe('2025-11-25');
    expect(text(await client.callTool({ name: 'echo', arguments: { message: 'old style' } }))).toBe('old style');
  });

  it('structured output, isError results and progress work on 2026-07-28', async () => {
    const { client } = await pool.connect(playground, kind, { negotiation: 'pin' });
    const weather = await client.callTool({ name: 'weather', arguments: { city: 'Oslo' } });
    expect(weather.structuredContent).toMatchObject({ city: 'Oslo', conditions: expect.any(String) });
    const failed = await client.callTool({ name: 'fail', arguments: { message: 'on purpose' } });
    expect(failed).toMatchObject({ isError: true, content: [{ type: 'text', text: 'on purpose' }] });
    const progress: number[] = [];
    const slow = await client.callTool({ name: 'slow_operation', arguments: { steps: 3, stepMs: 10 } }, { onprogress: (p) => progress.push(p.progress) });
    expect(text(slow)).toBe('slow_operation completed 3 steps');
    expect(progress.slice(0, 2)).toEqual([1, 2]);
  });
});

describe('2026-07-28 era over Streamable HTTP: stateless', () => {
  it('carries no session: no Mcp-Session-Id either way, and no 2025 session is opened', async () => {
    const before = await sessionCount();
    const { client, transport, exchanges } = await pool.connect(playground, 'streamable', { negotiation: 'pin' });
    await client.callTool({ name: 'echo', arguments: { message: 'no session' } });
    await client.listTools();
    expect(transport.sessionId).toBeUndefined();
    expect(exchanges.length).toBeGreaterThanOrEqual(3);
    for (const exchange of exchanges) {
      expect(exchange.method).toBe('POST');
      expect(exchange.requestHeaders.get('mcp-session-id')).toBeNull();
      expect(exchange.responseHeaders.get('mcp-session-id')).toBeNull();
    }
    expect(await sessionCount()).toBe(before);
  });

  it('sends the version, client info and capabilities in every request, and Mcp-Method / Mcp-Name headers', async () => {
    const { client, exchanges } = await pool.connect(playground, 'streamable', { negotiation: 'pin', capabilities: { elicitation: { form: {} } } });
    playground.seenRequests.length = 0;
    await client.callTool({ name: 'echo', arguments: { message: 'headers' } });
    const call = exchanges.find((e) => e.requestBody?.method === 'tools/call')!;
    expect((call.requestBody!.params as { _meta: Record<string, unknown> })._meta).toMatchObject({
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'playground-modern-test', version: '1.0.0' },
      'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } },
    });
    const [seen] = playground.seenRequests.filter((r) => r.path === '/mcp');
    expect(seen.headers).toMatchObject({ 'mcp-method': 'tools/call', 'mcp-name': 'echo', 'mcp-protocol-version': '2026-07-28' });
    const [answer] = messagesInBody(await call.responseText);
    expect(answer).toMatchObject({ result: { resultType: 'complete', _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'periscope-playground' } } } });
  });
});

async function sessionCount(): Promise<number> {
  const health = (await (await fetch(`${playground.baseUrl}/health`)).json()) as { sessions: { streamable: number } };
  return health.sessions.streamable;
}
