import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo, ConnectionTargetInput } from '../../../shared/model/connection';
import type { TraceEntry } from '../../../shared/model/trace';
import { ConnectionManager } from '../../../main/core/connections/connection-manager';
import type { McpConnection } from '../../../main/core/connections/mcp-connection';
import { CANARY_SECRETS } from '../../fixtures/canary/canary-echo';
import { startCanaryServer, type CanaryServer } from '../../fixtures/canary/canary-server';
import { CANARY_HEADERS, expectNoLeaks, filesAsOutputs, withQuerySecret, type Output } from './canary-support';

const STDIO_CANARY = fileURLToPath(new URL('../../fixtures/canary/canary-stdio-server.mjs', import.meta.url));

let canary: CanaryServer;
let dir: string;
let manager: ConnectionManager;
let outputs: Output[];

beforeAll(async () => {
  canary = await startCanaryServer();
});
afterAll(() => canary.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'periscope-canary-'));
  manager = new ConnectionManager({ recordDir: dir, webSocket: { pingIntervalMs: 0 } });
  outputs = [];
  manager.subscribe((entry) => outputs.push([`bus entry ${entry.seq}`, entry]));
  manager.onStateChange((info) => outputs.push(['state change', info]));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Opens, records every output the engine hands out while `work` runs, closes, then adds the trace, the file and its name. */
async function run(target: ConnectionTargetInput, work: (c: McpConnection, info: ConnectionInfo) => Promise<void>): Promise<{ entries: TraceEntry[]; info: ConnectionInfo }> {
  const connection = manager.create(target);
  const info = await connection.connect().catch(() => connection.info());
  outputs.push(['connect result', info]);
  await work(connection, info);
  await manager.closeAll();
  const entries = connection.buffer.entries();
  outputs.push(['buffer', entries], ['final info', connection.info()], ...(await filesAsOutputs(dir)));
  expectNoLeaks(outputs);
  return { entries, info };
}

/** Every request a connection can make, each result and each error kept as output. */
async function exercise(c: McpConnection): Promise<void> {
  const progress: unknown[] = [];
  const attempts: Array<[string, () => Promise<unknown>]> = [
    ['tools', () => c.listTools()],
    ['echo', () => c.callTool('echo', { message: 'hi' }, { onProgress: (p) => void progress.push(p) })],
    ['fail', () => c.callTool('fail', {})],
    ['deny', () => c.callTool('deny', {})],
  ];
  for (const [name, attempt] of attempts) {
    outputs.push([`${name} result`, await attempt().catch((error: unknown) => ({ error: (error as { info?: unknown }).info ?? String(error) }))]);
  }
  outputs.push(['progress', progress]);
}

function serverSaw(header: string, value: string): boolean {
  return canary.requests.some((r) => r.headers[header] === value);
}

describe('canary: a server echoing the secrets through every channel leaks nothing out of the engine', () => {
  for (const era of ['legacy', 'modern'] as const) {
    it(`Streamable HTTP, ${era} era: info, results, errors, progress, trace, session file and its name`, async () => {
      const { entries, info } = await run({ transport: 'streamable', url: withQuerySecret(canary.url), headers: CANARY_HEADERS, protocolEra: era }, exercise);
      expect(info).toMatchObject({ state: 'connected', era });
      // The real values went on the wire, and the canary did echo them through each channel.
      expect(serverSaw('x-api-key', CANARY_SECRETS.apiKey)).toBe(true);
      expect(serverSaw('authorization', `Bearer ${CANARY_SECRETS.bearer}`)).toBe(true);
      expect(info.serverInfo?.name).toBe('canary-[redacted]');
      expect(info.instructions).toContain('raw=[redacted]');
      if (era === 'legacy') expect(info.sessionId).toContain('[redacted]');
      const events = entries.filter((e) => e.type === 'sse-event');
      expect(events.length).toBeGreaterThanOrEqual(3);
      expect(events.every((e) => e.type === 'sse-event' && e.eventId?.startsWith('[redacted]'))).toBe(true);
      expect(JSON.stringify(outputs.find(([w]) => w === 'echo result'))).toContain('echo [redacted]');
      expect(JSON.stringify(outputs.find(([w]) => w === 'progress'))).toContain('working for [redacted]');
      expect(JSON.stringify(outputs.find(([w]) => w === 'deny result'))).toMatch(/"kind":"auth"/);
    });
  }

  it('WebSocket: frames written with odd escapes, an error, and a close reason', async () => {
    const { entries } = await run({ transport: 'websocket', url: withQuerySecret(canary.wsUrl), headers: CANARY_HEADERS }, async (c) => {
      await exercise(c);
      outputs.push(['close result', await c.callTool('close', {}).catch((error: unknown) => (error as { info?: unknown }).info)]);
    });
    expect(entries.some((e) => e.type === 'websocket' && e.event === 'close' && e.closeReason?.includes('[redacted]'))).toBe(true);
    expect(JSON.stringify(outputs.find(([w]) => w === 'echo result'))).toContain('echo [redacted]');
  });

  it('stdio: env secret echoed in stderr (a long line cut around it), serverInfo, tools, results and errors', async () => {
    const { entries, info } = await run({ transport: 'stdio', command: process.execPath, args: [STDIO_CANARY], env: { OPENAI_API_KEY: CANARY_SECRETS.env } }, exercise);
    expect(info.serverInfo?.name).toBe('canary-[redacted]');
    const stderr = entries.filter((e) => e.type === 'stderr').map((e) => (e.type === 'stderr' ? e.line : ''));
    expect(stderr.join('\n')).toContain('starting with key [redacted]');
    // The over-long line was cut before the value, never through it (no piece holds a part of it).
    expect(stderr.some((line) => line.length > 16_000 && /x+$/.test(line))).toBe(true);
    expect(stderr.some((line) => line.endsWith('x[redacted] end of long line'))).toBe(true);
    expect(stderr.some((line) => line.length > 16_000 && /y+$/.test(line))).toBe(true);
    expect(stderr.some((line) => line.endsWith('y[redacted] end of long hex line'))).toBe(true);
    expect(stderr.filter((line) => line.includes(CANARY_SECRETS.env.slice(0, 4)) || line.includes(CANARY_SECRETS.env.slice(-6)))).toEqual([]);
  });

  it('failures: a 300 whose Location carries the secrets, and a WebSocket upgrade redirected the same way', async () => {
    await run({ transport: 'streamable', url: withQuerySecret(canary.choicesUrl), headers: CANARY_HEADERS }, async (_c, info) => {
      expect(info.state).toBe('failed');
      expect(info.error?.hint).toMatch(/redirects to .*\[redacted\]/);
    });
    await run({ transport: 'websocket', url: withQuerySecret(canary.wsMovedUrl), headers: CANARY_HEADERS }, async (_c, info) => {
      expect(info.state).toBe('failed');
      expect(JSON.stringify(info.error)).toContain('[redacted]');
    });
  });
});
