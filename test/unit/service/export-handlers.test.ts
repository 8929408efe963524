import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSessionFile } from '../../../main/core/capture/session-file-reader';
import { parseReproBundle } from '../../../main/core/bundle/repro-bundle';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { createCoreService, type CoreService } from '../../../main/core/service/core-handlers';
import { toInvokeResult } from '../../../main/core/service/invoke-result';
import { OpenedFiles } from '../../../main/core/service/opened-files';
import type { SessionFilesPort } from '../../../main/core/service/ports';
import type { HarLog } from '../../../shared/model/har';
import type { TraceEntry } from '../../../shared/model';
import { expectValidHar } from '../../support/har-schema';
import { findLeaks } from '../../support/secret-leaks';
import { MemoryVault } from '../remotes/memory-vault';
import { FakeManager } from './fake-manager';

const TOKEN = 'tok-export-K2j4h6';
let dir: string;
let manager: FakeManager;
let remotes: RemoteService;
let service: CoreService;
let answer: string | undefined;

const http = (connectionId: string): TraceEntry => ({
  seq: 2, connectionId, wallTime: 1_767_000_000_000, monoTime: 20, type: 'http', exchangeId: `${connectionId}:http:1`, phase: 'complete',
  method: 'POST', url: 'https://api.example.com/mcp', requestHeaders: { authorization: '[redacted]' }, status: 401, statusText: 'Unauthorized',
  responseHeaders: { 'www-authenticate': 'Bearer realm="mcp"' }, timings: { sent: 10, headers: 18, done: 20 },
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'periscope-export-'));
  manager = new FakeManager();
  remotes = new RemoteService({ dataDir: dir, vault: new MemoryVault() });
  // The real reader behind the port, as the app has it.
  const sessions: SessionFilesPort = { write: async () => undefined, read: async (path) => readSessionFile(path) };
  const dialogs = { chooseFileToOpen: async () => answer, chooseFileToSave: async () => answer };
  // The doctor's own checks are tested on loopback servers (test/unit/doctor); here a stand-in report
  // for the fake connection's target shows where the bundle puts it.
  const bundleDoctor = async (target: { url?: string }, label: string) => ({ url: target.url!, label, startedAt: '2026-12-01T00:00:00.000Z', durationMs: 1, ok: false, firstFailure: 'dns' as const, layers: [] });
  service = createCoreService({ manager, remotes, sessions, dialogs, dataDir: dir, sessionDir: join(dir, 'sessions'), playground: async () => { throw new Error('unused'); }, bundleDoctor });
});
afterEach(async () => {
  await service.shutdown();
  await rm(dir, { recursive: true, force: true });
});

async function openConnection(): Promise<string> {
  const remote = (await remotes.create({ name: 'API', transport: 'streamable', url: 'https://api.example.com/mcp', headers: [{ name: 'Authorization', value: `Bearer ${TOKEN}`, is_secret: true }] })).remote;
  const { connectionId } = await service.handlers['connections:open']({ remoteId: remote.id });
  manager.connections.get(connectionId)!.entries.push(http(connectionId));
  return connectionId;
}

describe('export handlers', () => {
  it('trace:export-har writes the connection\'s exchanges where the dialog says; a cancelled dialog writes nothing', async () => {
    const connectionId = await openConnection();
    answer = undefined;
    expect(await service.handlers['trace:export-har']({ connectionId })).toEqual({ cancelled: true });
    answer = join(dir, 'api.har');
    expect(await service.handlers['trace:export-har']({ connectionId })).toEqual({ cancelled: false, path: answer, entries: 1 });
    const har = JSON.parse(await readFile(answer, 'utf8')) as HarLog;
    expectValidHar(har);
    expect(har.log.entries[0]!.response.status).toBe(401);
  });

  it('bundle:save carries the auth debugger\'s latest run against the same server (its authDebug part); none for another server', async () => {
    const connectionId = await openConnection();
    // Starting a run sends nothing; it is remembered by server URL (written either way).
    await service.handlers['auth-debug:start']({ url: 'https://API.example.com:443/mcp' });
    await service.handlers['auth-debug:start']({ url: 'https://other.example.com/mcp' });
    answer = join(dir, 'with-auth-debug.bundle.json');
    await service.handlers['bundle:save']({ connectionId });
    const bundle = parseReproBundle(await readFile(answer, 'utf8'), answer);
    expect(bundle.authDebug).toMatchObject({ kind: 'periscope-auth-debug-run', serverUrl: 'https://api.example.com/mcp', steps: [] });
  });

  it('bundle:save then bundle:open: the remote without its secret, the trace, and session:export-har of the opened bundle', async () => {
    const connectionId = await openConnection();
    answer = join(dir, 'api.bundle.json');
    expect(await service.handlers['bundle:save']({ connectionId })).toEqual({ cancelled: false, path: answer, entries: 1, httpExchanges: 1 });
    const text = await readFile(answer, 'utf8');
    expect(findLeaks(text, [TOKEN])).toEqual([]);
    expect(parseReproBundle(text, answer).remote.headers).toEqual([{ name: 'Authorization', value: '[secret removed]', is_secret: true }]);

    const opened = await service.handlers['bundle:open']();
    expect(opened).toMatchObject({ cancelled: false, path: answer, entries: [{ type: 'http', status: 401 }], bundle: { remote: { name: 'API' }, outcome: { ok: true }, parts: [{ name: 'doctor', title: expect.any(String), cut: false }] } });
    expect(JSON.parse((opened as { bundle: { parts: Array<{ json: string }> } }).bundle.parts[0]!.json)).toMatchObject({ url: 'https://api.example.com/mcp', label: 'API', firstFailure: 'dns' });

    const bundlePath = answer;
    answer = join(dir, 'from-bundle.har');
    expect(await service.handlers['session:export-har']({ path: bundlePath })).toEqual({ cancelled: false, path: answer, entries: 1 });
    expectValidHar(JSON.parse(await readFile(answer, 'utf8')));
  });

  it('the private copies of opened bundles are removed at shutdown', async () => {
    const opened = new OpenedFiles();
    const copy = await mkdtemp(join(tmpdir(), 'periscope-opened-bundle-'));
    opened.addCopyFolder(copy);
    await opened.removeCopies();
    await expect(stat(copy)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('session:export-har refuses a path this window did not open (the renderer cannot name any file to read)', async () => {
    answer = join(dir, 'out.har');
    const refused = await toInvokeResult(() => service.handlers['session:export-har']({ path: '/etc/passwd' }));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: '/etc/passwd was not opened in this window' } });
  });
});
