import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleRemote } from '../../../main/core/bundle/bundle-remote';
import { createReproBundle, readBundleFile, writeBundleFile } from '../../../main/core/bundle/repro-bundle';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { BUNDLE_PARTS, BUNDLE_SECRET_MARKER, ReproBundle } from '../../../shared/model/repro-bundle';
import type { TraceEntry } from '../../../shared/model/trace';
import { expectValidHar } from '../../support/har-schema';
import { findLeaks } from '../../support/secret-leaks';

const TOKEN = 'tok-bundle-R5t7y9';
const API_KEY = 'key-bundle-U1i3o5';
const URL_SECRET = 'q-bundle-A2s4d6';
const ENV_SECRET = 'env-bundle-F7g9h1';

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'periscope-bundle-test-'))));
afterAll(async () => rm(dir, { recursive: true, force: true }));

const entries: TraceEntry[] = [
  { seq: 1, connectionId: 'c', wallTime: 1_767_000_000_000, monoTime: 10, type: 'lifecycle', state: 'connecting', text: 'connecting' },
  { seq: 2, connectionId: 'c', wallTime: 1_767_000_000_001, monoTime: 11, type: 'message', direction: 'outgoing', messageKind: 'request', rpcId: 1, method: 'initialize', size: 20, message: { jsonrpc: '2.0', id: 1, method: 'initialize' } },
  { seq: 3, connectionId: 'c', wallTime: 1_767_000_000_020, monoTime: 30, type: 'http', exchangeId: 'c:http:1', phase: 'complete', method: 'POST', url: 'http://127.0.0.1:9/mcp', requestHeaders: { authorization: '[redacted]' }, requestBody: '{"jsonrpc":"2.0","id":1,"method":"initialize"}', messageSeq: 2, status: 200, responseHeaders: { 'content-type': 'application/json' }, responseBody: '{}', timings: { sent: 12, headers: 25, done: 30 } },
];
const header = { format: 'mcp-periscope-session', version: 1, createdAt: 1_767_000_000_000, app: { name: 'MCP Periscope', version: '0.1.0' } };

function sampleBundle(parts?: Parameters<typeof createReproBundle>[0]['parts']): ReproBundle {
  return createReproBundle({
    remote: bundleRemote(
      {
        transport: 'streamable',
        url: `http://127.0.0.1:9/mcp?api_key=${URL_SECRET}`,
        headers: [
          { name: 'Authorization', value: `Bearer ${TOKEN}` },
          { name: 'X-Tenant-Key', value: API_KEY, secret: true },
          { name: 'X-Tenant', value: 'acme' },
        ],
      },
      'staging',
    ),
    outcome: { ok: false, error: { kind: 'refused', message: 'Connection refused', hint: 'start the server' } },
    session: { header, entries },
    ...(parts ? { parts } : {}),
    createdAt: new Date('2026-12-01T10:00:00Z'),
  });
}

describe('repro bundle', () => {
  it('round trips through its file: remote without secrets, session, a valid HAR, versions', async () => {
    const bundle = sampleBundle();
    const path = join(dir, 'round-trip.json');
    await writeBundleFile(path, bundle);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const read = await readBundleFile(path);
    expect(read).toEqual(bundle);
    expect(read.kind).toBe('periscope-repro-bundle');
    expect(read.remote.headers).toEqual([
      { name: 'Authorization', value: BUNDLE_SECRET_MARKER, is_secret: true },
      { name: 'X-Tenant-Key', value: BUNDLE_SECRET_MARKER, is_secret: true },
      { name: 'X-Tenant', value: 'acme', is_secret: false },
    ]);
    expect(read.remote.url).toMatch(/^http:\/\/127\.0\.0\.1:9\/mcp\?api_key=/);
    expect(read.session.entries).toHaveLength(3);
    expectValidHar(read.har);
    expect(read.har.log.entries).toHaveLength(1);
    expect(read.versions.node).toBe(process.versions.node);
    expect(read.versions.sdk['@modelcontextprotocol/client']).toMatch(/^\d+\.\d+\.\d+/);
    expect(read.versions.os.platform).toBe(process.platform);
    expect(read.doctor).toBeUndefined();
    expect(findLeaks(await readFile(path, 'utf8'), [TOKEN, API_KEY, URL_SECRET])).toEqual([]);
  });

  it('keeps the optional parts (doctor, authDebug) as opaque JSON, each one key in BUNDLE_PARTS', async () => {
    expect(Object.keys(BUNDLE_PARTS)).toEqual(['doctor', 'authDebug']);
    const path = join(dir, 'parts.json');
    await writeBundleFile(path, sampleBundle({ doctor: { layers: [{ name: 'dns', ok: true }] }, authDebug: { steps: [] } }));
    const read = await readBundleFile(path);
    expect(read.doctor).toEqual({ layers: [{ name: 'dns', ok: true }] });
    expect(read.authDebug).toEqual({ steps: [] });
  });

  it('a stdio remote: credential-looking env values and secrets in arguments are removed', () => {
    const remote = bundleRemote({ transport: 'auto', command: 'node', args: ['server.js', '--token', ENV_SECRET], env: { API_TOKEN: ENV_SECRET, LOG_LEVEL: 'debug' } }, 'local');
    expect(remote).toMatchObject({ transport_type: 'stdio', command: 'node', env: { API_TOKEN: BUNDLE_SECRET_MARKER, LOG_LEVEL: 'debug' } });
    expect(findLeaks(JSON.stringify(remote), [ENV_SECRET])).toEqual([]);
  });

  async function openError(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    try {
      await readBundleFile(path);
    } catch (error) {
      expect(isPeriscopeError(error)).toBe(true);
      return (error as Error).message;
    }
    throw new Error('the bundle was accepted');
  }

  it('a truncated, foreign, newer or hostile file is refused with a specific error, never a crash', async () => {
    const good = JSON.stringify(sampleBundle());
    expect(await openError('cut.json', good.slice(0, good.length / 2))).toMatch(/is not a valid MCP Periscope repro bundle: it is not complete JSON .*cut short/);
    expect(await openError('foreign.json', '{"log":{"version":"1.2"}}')).toMatch(/does not say kind "periscope-repro-bundle"/);
    expect(await openError('array.json', '[1,2]')).toMatch(/does not say kind/);
    expect(await openError('null.json', 'null')).toMatch(/does not say kind/);
    expect(await openError('newer.json', JSON.stringify({ ...JSON.parse(good), version: 99 }))).toMatch(/written by a newer MCP Periscope \(bundle version 99/);
    const hostile = JSON.parse(good) as { session: { entries: Array<Record<string, unknown>> }; remote: Record<string, unknown> };
    hostile.session.entries[2]!.seq = 'DROP TABLE';
    expect(await openError('hostile.json', JSON.stringify(hostile))).toMatch(/at session\.entries\.2\.seq: /);
    const noHar = JSON.parse(good) as Record<string, unknown>;
    delete noHar.har;
    expect(await openError('no-har.json', JSON.stringify(noHar))).toMatch(/at har: /);
    const deep = `{"kind":"periscope-repro-bundle","version":1,"doctor":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(await openError('deep.json', deep)).toMatch(/not a valid MCP Periscope repro bundle/);
    await expect(readBundleFile(join(dir, 'missing.json'))).rejects.toMatchObject({ info: { kind: 'not-found' } });
  });
});
