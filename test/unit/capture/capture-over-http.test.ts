import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRecordingFetch } from '../../../main/core/capture/recording-fetch';
import { redactorForHeaders } from '../../../main/core/capture/redaction';
import { SessionFileWriter } from '../../../main/core/capture/session-file';
import { traceTransport } from '../../../main/core/capture/traced-transport';
import { TraceBuffer } from '../../../main/core/capture/trace-buffer';
import { formatTraceLine } from '../../../main/core/capture/trace-format';
import { attachRecorder } from '../../../main/core/capture/trace-recorder';
import { TraceBus } from '../../../main/core/capture/trace-bus';
import type { TraceEntry } from '../../../shared/model/trace';

const SECRET = 'Zq8-secret-header-value-31';

let httpServer: Server;
let mcpServer: McpServer;
let url: string;
const seenAuth: Array<string | undefined> = [];

beforeAll(async () => {
  mcpServer = new McpServer({ name: 'sse-fixture', version: '1.0.0' });
  mcpServer.registerTool('echo', { inputSchema: { text: z.string() } }, async ({ text }) => ({ content: [{ type: 'text', text }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() });
  await mcpServer.connect(transport);
  httpServer = createServer((req, res) => {
    seenAuth.push(req.headers['x-api-key'] as string | undefined);
    void transport.handleRequest(req, res);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/mcp`;
});
afterAll(async () => {
  await mcpServer.close();
  httpServer.closeAllConnections();
  await new Promise((resolve) => httpServer.close(resolve));
});

describe('capture over Streamable HTTP with a real SDK client and server', () => {
  it('records HTTP exchanges, server-sent events and messages in causal order, with the secret masked everywhere', async () => {
    const redactor = redactorForHeaders([{ name: 'X-Api-Key', value: SECRET }]);
    const bus = new TraceBus('conn-sdk', redactor);
    const entries: TraceEntry[] = [];
    bus.subscribe((e) => entries.push(e));
    const dir = await mkdtemp(join(tmpdir(), 'periscope-capture-'));
    const file = await SessionFileWriter.open(join(dir, 'session.ndjson'));
    const buffer = new TraceBuffer();
    attachRecorder(bus, { buffer, file });
    const inner = new StreamableHTTPClientTransport(new URL(url), {
      fetch: createRecordingFetch(bus, redactor),
      requestInit: { headers: { 'X-Api-Key': SECRET } },
    });
    const client = new Client({ name: 'capture-test', version: '1.0.0' });
    await client.connect(traceTransport(inner, bus));
    const result = await client.callTool({ name: 'echo', arguments: { text: `echo ${SECRET}` } });
    await client.close();

    expect(JSON.stringify(result)).toContain(SECRET); // the SDK got the real answer through our stream
    expect(seenAuth.every((value) => value === SECRET)).toBe(true); // the real value went on the wire
    expect(JSON.stringify(entries)).not.toContain(SECRET);
    expect(buffer.entries()).toEqual(entries);
    await file.close();
    const fileText = await readFile(file.path, 'utf8');
    await rm(dir, { recursive: true, force: true });
    expect(fileText).toContain('echo [redacted]');
    expect(fileText).not.toContain(SECRET);
    expect(entries.map((e) => formatTraceLine(e)).join('\n')).not.toContain(SECRET);

    // The tools/call answer came as an SSE event: its sse-event entry precedes the message entry.
    const response = entries.find((e) => e.type === 'message' && e.messageKind === 'response' && e.method === 'tools/call');
    expect(response).toBeDefined();
    const event = entries.find((e) => e.type === 'sse-event' && e.data.includes('echo [redacted]'));
    expect(event).toBeDefined();
    expect(event!.seq).toBeLessThan(response!.seq);

    const posts = entries.filter((e) => e.type === 'http' && e.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(3); // initialize, initialized, tools/call
    expect(posts.every((e) => e.type === 'http' && e.requestHeaders['x-api-key'] === '[redacted]')).toBe(true);
  });
});
