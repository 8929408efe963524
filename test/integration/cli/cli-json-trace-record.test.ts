import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSessionFile } from '../../../main/core/capture/session-file';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { cli, json, removeTestDataDir } from './cli-harness';

let playground: RunningPlayground;
let dir: string;

beforeAll(async () => {
  playground = await startPlayground({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'periscope-cli-record-'));
});
afterAll(async () => {
  await playground?.close();
  rmSync(dir, { recursive: true, force: true });
  removeTestDataDir();
});

describe('--json', () => {
  it('gives machine-readable output for every connecting command', async () => {
    const url = playground.urls.streamable;
    const connect = json(await cli(['connect', url, '--json']));
    expect(connect).toMatchObject({ state: 'connected', transport: 'streamable', serverInfo: { name: 'periscope-playground' } });
    expect(connect.protocolVersion).toEqual(expect.any(String));
    expect(connect.capabilities).toHaveProperty('tools');

    const tools = json<{ tools: Array<{ name: string; inputSchema: object }> }>(await cli(['tools', url, '--json']));
    expect(tools.tools.map((t) => t.name)).toEqual(expect.arrayContaining(['echo', 'add', 'slow_operation']));

    const call = json<{ content: Array<{ type: string; text: string }> }>(await cli(['call', url, 'add', 'a=1', 'b=2', '--json']));
    expect(call.content).toEqual([{ type: 'text', text: '3' }]);

    const resources = json<{ resources: Array<{ uri: string }>; resourceTemplates: Array<{ uriTemplate: string }> }>(await cli(['resources', url, '--json']));
    expect(resources.resources.map((r) => r.uri)).toContain('playground://readme');
    expect(resources.resourceTemplates.map((t) => t.uriTemplate)).toContain('playground://items/{id}');

    const read = json<{ contents: Array<{ uri: string; blob?: string }> }>(await cli(['read', url, 'playground://logo.png', '--json']));
    expect(read.contents[0].blob).toMatch(/^iVBOR/); // base64 of a PNG signature

    const prompts = json<{ prompts: Array<{ name: string }> }>(await cli(['prompts', url, '--json']));
    expect(prompts.prompts.map((p) => p.name)).toContain('greeting');

    const prompt = json<{ messages: Array<{ role: string }> }>(await cli(['prompt', url, 'greeting', '--json']));
    expect(prompt.messages[0].role).toBe('user');

    const ping = json<{ latencyMs: number }>(await cli(['ping', url, '--json']));
    expect(ping.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('prints errors as {"error": ErrorInfo} with the exit code of the kind', async () => {
    const run = await cli(['tools', 'no-such-remote', '--json']);
    expect(run.code).toBe(10);
    expect(json(run)).toEqual({ error: expect.objectContaining({ kind: 'invalid-url', message: expect.stringContaining('neither a URL nor a saved remote') }) });
    const usage = await cli(['tools', playground.urls.streamable, '--bogus', '--json']);
    expect(usage.code).toBe(1);
    expect(json(usage)).toEqual({ error: expect.objectContaining({ kind: 'invalid-input', message: expect.stringContaining('--bogus') }) });
  });
});

// The first request of each era: the server/discover probe (auto picks 2026-07-28 on the
// playground) or the 2025 initialize handshake (--protocol-era legacy).
describe.each([
  { era: 'auto', first: 'server/discover' },
  { era: 'legacy', first: 'initialize' },
])('--trace and --record (era $era)', ({ era, first }) => {
  it('prints one trace line per entry on stderr, with method and latency', async () => {
    const run = await cli(['call', playground.urls.streamable, 'echo', 'message=hi', '--trace', '--protocol-era', era]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('hi');
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.some((l) => l.includes(first))).toBe(true);
    expect(lines.some((l) => /← response\s+#\d+\s+tools\/call\s+\d/.test(l))).toBe(true);
  });

  it('writes a session file that reads back into the same kind of entries', async () => {
    const file = join(dir, `call-${era}.periscope.ndjson`);
    const run = await cli(['call', playground.urls.streamable, 'add', 'a=5', 'b=6', '--record', file, '--protocol-era', era]);
    expect(run.code, run.stderr).toBe(0);
    const { header, entries } = await readSessionFile(file);
    expect(header.format).toBe('mcp-periscope-session');
    const methods = entries.flatMap((e) => (e.type === 'message' && e.messageKind === 'request' ? [e.method] : []));
    expect(methods).toEqual(expect.arrayContaining([first, 'tools/list', 'tools/call']));
    expect(entries.some((e) => e.type === 'message' && e.messageKind === 'response' && typeof e.latencyMs === 'number')).toBe(true);
  });

  it('cancels a running call on Ctrl-C and the exit code says cancelled; the session file shows how the server was told', async () => {
    const file = join(dir, `cancel-${era}.periscope.ndjson`);
    let fire: () => void = () => undefined;
    const run = await cli(['call', playground.urls.streamable, 'slow_operation', 'steps=200', 'stepMs=50', '--record', file, '--protocol-era', era], {
      interrupt: (f) => (fire = f),
      onStderr: (chunk) => {
        if (chunk.includes('progress slow_operation: 2/')) fire();
      },
    });
    expect(run.code).toBe(41);
    expect(run.stderr).toContain('cancelling slow_operation');
    expect(run.stderr).toMatch(/^error: .*cancel/im);
    const { entries } = await readSessionFile(file);
    const cancelled = entries.find((e) => e.type === 'message' && e.direction === 'outgoing' && e.method === 'notifications/cancelled');
    const call = entries.find((e) => e.type === 'message' && e.messageKind === 'request' && e.method === 'tools/call');
    const streamClosed = entries.find((e) => e.type === 'lifecycle' && e.endsRequestSeq !== undefined && e.endsRequestSeq === call?.seq);
    if (era === 'legacy') {
      expect(cancelled).toBeDefined();
    } else {
      // The 2026-07-28 era cancels by closing the request's response stream (no notifications/cancelled over HTTP).
      expect(cancelled).toBeUndefined();
      expect(streamClosed).toBeDefined();
    }
  });
});
