import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { TraceEntry } from '../../../shared/model';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { createCoreService, type CoreService } from '../../../main/core/service/core-handlers';
import { PLAYGROUND_REMOTE, seedFirstLaunch } from '../../../main/core/service/playground-remote';
import { toInvokeResult } from '../../../main/core/service/invoke-result';
import type { FileDialogs, SessionFilesPort } from '../../../main/core/service/ports';
import { MemoryVault } from '../remotes/memory-vault';
import { FakeManager } from './fake-manager';

const SECRET = 'Bearer tok-ipc-5e3c1a';
const entry = (connectionId: string, seq: number): TraceEntry => ({ type: 'stderr', seq, connectionId, wallTime: 1, monoTime: 1, line: `l${seq}` });

let dir: string;
let vault: MemoryVault;
let remotes: RemoteService;
let manager: FakeManager;
let service: CoreService;
let events: MainEvent[];
let launches: number;
let playgroundClosed: number;
let nextDialogAnswer: string | undefined;
let written: Array<{ path: string; entries: TraceEntry[] }>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'periscope-service-'));
  vault = new MemoryVault();
  remotes = new RemoteService({ dataDir: dir, vault });
  manager = new FakeManager();
  launches = 0;
  playgroundClosed = 0;
  written = [];
  nextDialogAnswer = undefined;
  const dialogs: FileDialogs = { chooseFileToOpen: async () => nextDialogAnswer, chooseFileToSave: async () => nextDialogAnswer };
  const sessions: SessionFilesPort = {
    write: async (path, entries) => void written.push({ path, entries }),
    read: async () => ({ header: { format: 'mcp-periscope-session', version: 1 }, entries: [entry('old', 1)] }),
  };
  service = createCoreService({
    manager,
    remotes,
    sessions,
    dialogs,
    dataDir: dir,
    sessionDir: join(dir, 'sessions'),
    playground: async () => {
      launches++;
      return {
        baseUrl: 'http://127.0.0.1:4567',
        urls: { streamable: 'http://127.0.0.1:4567/mcp', sse: 'http://127.0.0.1:4567/sse', websocket: 'ws://127.0.0.1:4567/ws' },
        close: async () => void playgroundClosed++,
      };
    },
    openExternal: async () => undefined,
  });
  events = [];
  service.onEvent((e) => events.push(e));
});

afterEach(async () => {
  await service.shutdown();
  await rm(dir, { recursive: true, force: true });
});

describe('remote handlers', () => {
  it('accepts a secret from the window, keeps it in the vault and never sends it back', async () => {
    const { handlers } = service;
    const saved = await handlers['remotes:create']({
      draft: {
        name: 'api',
        transport: 'streamable',
        url: 'https://api.example.com/mcp',
        instances: [],
        args: [],
        env: {},
        timeouts: {},
        tls: { caFiles: [], acceptInvalidCertificates: false },
        notes: '',
        protocolEra: 'auto',
        headers: [{ name: 'Authorization', value: SECRET, description: '', is_required: true, is_secret: true }],
      },
    });
    expect(saved.remote.headers[0]).toMatchObject({ name: 'Authorization', value: '', has_value: true });
    expect([...vault.entries.values()]).toEqual([SECRET]);
    expect(JSON.stringify(await handlers['remotes:list']())).not.toContain('tok-ipc');
    expect(JSON.stringify(await handlers['remotes:get']({ remoteId: saved.remote.id }))).not.toContain('tok-ipc');
    expect(await readFile(join(dir, 'remotes.json'), 'utf8')).not.toContain('tok-ipc');
    expect(events).toContainEqual({ type: 'remotes-changed' });

    const copy = await handlers['remotes:duplicate']({ remoteId: saved.remote.id });
    expect(copy.name).toBe('api copy');
    await handlers['remotes:remove']({ remoteId: copy.id });
    expect((await handlers['remotes:list']()).map((r) => r.name)).toEqual(['api']);
  });

  it('speaks ids only: a name where an id belongs is not found, as ErrorInfo', async () => {
    await remotes.create({ name: 'named', transport: 'streamable', url: 'https://a.example.com/mcp', headers: [] });
    const result = await toInvokeResult(() => service.handlers['remotes:remove']({ remoteId: 'named' }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('confirms a remote’s command by id: the remote comes back without secret values, an unknown id is not found', async () => {
    const { remote } = await remotes.create({ name: 'tools', transport: 'stdio', command: 'node', args: ['server.js'], headers: [] });
    const confirmed = await service.handlers['remotes:confirm-command']({ remoteId: remote.id });
    expect(confirmed).toMatchObject({ id: remote.id, command: 'node', args: ['server.js'] });
    expect(events).toContainEqual({ type: 'remotes-changed' });
    const unknown = await toInvokeResult(() => service.handlers['remotes:confirm-command']({ remoteId: 'tools' }));
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('exports without secret values through the save dialog, and imports through the open dialog', async () => {
    await remotes.create({ name: 'api', transport: 'sse', url: 'https://api.example.com/sse', headers: [{ name: 'X-API-Key', value: 'k-777', is_secret: true }] });
    expect(await service.handlers['remotes:export']({ includeSecrets: false })).toEqual({ cancelled: true });

    nextDialogAnswer = join(dir, 'export.json');
    const done = await service.handlers['remotes:export']({ includeSecrets: false });
    expect(done).toEqual({ cancelled: false, path: nextDialogAnswer, count: 1 });
    const text = await readFile(nextDialogAnswer, 'utf8');
    expect(text).toContain('"transport_type": "sse"');
    expect(text).not.toContain('k-777');
    // Again with secrets, over that (world-readable) file: owner-only before the secrets go in.
    await chmod(nextDialogAnswer, 0o644);
    expect(await service.handlers['remotes:export']({ includeSecrets: true })).toMatchObject({ cancelled: false, count: 1 });
    expect((await stat(nextDialogAnswer)).mode & 0o777).toBe(0o600);
    expect(await readFile(nextDialogAnswer, 'utf8')).toContain('k-777');

    await writeFile(join(dir, 'import.json'), JSON.stringify([{ name: 'other', transport_type: 'websocket', url: 'wss://ws.example.com/mcp', headers: [] }, { transport_type: 'nope' }]));
    nextDialogAnswer = join(dir, 'import.json');
    const report = await service.handlers['remotes:import']();
    expect(report.cancelled).toBe(false);
    if (!report.cancelled) {
      expect(report.outcomes[0]).toMatchObject({ name: 'other', status: 'imported' });
      expect(report.outcomes[1]).toMatchObject({ status: 'skipped' });
      expect(report.outcomes[1].reason).toBeTruthy();
    }
  });
});

describe('connection handlers', () => {
  it('points the built-in Playground remote at the playground it starts once, on demand', async () => {
    expect(await seedFirstLaunch(dir, remotes)).toBe(true);
    expect(await seedFirstLaunch(dir, remotes)).toBe(false);
    const playground = (await remotes.list()).find((r) => r.name === PLAYGROUND_REMOTE.name)!;
    expect(launches).toBe(0);

    const info = await service.handlers['connections:open']({ remoteId: playground.id });
    expect(info.state).toBe('connected');
    expect(manager.created[0].target.url).toBe('http://127.0.0.1:4567/mcp');
    expect(manager.created[0].label).toBe('Playground');

    await remotes.update(playground.id, { ...PLAYGROUND_REMOTE, transport: 'websocket', url: 'ws://playground.localhost/ws' });
    await service.handlers['connections:open']({ remoteId: playground.id });
    expect(manager.created[1].target.url).toBe('ws://127.0.0.1:4567/ws');
    expect(launches).toBe(1);
    expect(await service.handlers['playground:ensure-started']()).toMatchObject({ baseUrl: 'http://127.0.0.1:4567' });
  });

  it('answers a failed connect with the failed info (message and hint), not a rejection', async () => {
    const remote = (await remotes.create({ name: 'down', transport: 'streamable', url: 'http://refused.test/mcp', headers: [] })).remote;
    const info = await service.handlers['connections:open']({ remoteId: remote.id });
    expect(info).toMatchObject({ state: 'failed', error: { kind: 'refused', hint: 'Is the server running?' } });
    expect(events.some((e) => e.type === 'connection-state' && e.info.state === 'failed')).toBe(true);
  });

  it('stops before any traffic when a required secret is missing', async () => {
    const remote = (await remotes.create({ name: 'needs', transport: 'streamable', url: 'https://x.example.com/mcp', headers: [{ name: 'Authorization', is_secret: true, is_required: true }] })).remote;
    const result = await toInvokeResult(() => service.handlers['connections:open']({ remoteId: remote.id }));
    expect(result).toMatchObject({ ok: false, error: { kind: 'missing-secret' } });
    expect(manager.created).toHaveLength(0);
  });

  it('refuses an imported stdio remote until remotes:confirm-command, with the command review in the error', async () => {
    const imported = { mcpServers: { tool: { command: 'node', args: ['srv.js'], env: { LD_PRELOAD: '/tmp/x.so', TOKEN: 'hidden-7c1d' } } } };
    const [outcome] = (await remotes.importText(JSON.stringify(imported))).entries;
    const remoteId = outcome!.remoteId!;
    const refused = await toInvokeResult(() => service.handlers['connections:open']({ remoteId }));
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'needs-confirmation', detail: { remoteId, command: 'node', args: ['srv.js'], envNames: ['LD_PRELOAD', 'TOKEN'], dangerousEnv: ['LD_PRELOAD'] } },
    });
    expect(JSON.stringify(refused)).not.toContain('hidden-7c1d');
    expect(manager.created).toHaveLength(0);

    events.length = 0;
    const confirmed = await service.handlers['remotes:confirm-command']({ remoteId });
    expect(confirmed).toMatchObject({ id: remoteId, commandNeedsConfirmation: false });
    expect(events).toContainEqual({ type: 'remotes-changed' });
    await service.handlers['connections:open']({ remoteId });
    expect(manager.created[0]!.target).toMatchObject({ transport: 'stdio', command: 'node', args: ['srv.js'] });
    const unknown = await toInvokeResult(() => service.handlers['remotes:confirm-command']({ remoteId: 'nope' }));
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('routes calls to the connection, snapshots its trace and forwards live entries as events', async () => {
    const remote = (await remotes.create({ name: 'ok', transport: 'streamable', url: 'https://ok.example.com/mcp', headers: [] })).remote;
    const { connectionId } = await service.handlers['connections:open']({ remoteId: remote.id });
    const connection = manager.connections.get(connectionId)!;
    connection.entries.push(entry(connectionId, 1));
    expect(await service.handlers['trace:snapshot']({ connectionId })).toEqual({ connectionId, entries: [entry(connectionId, 1)], evicted: 0 });
    expect(await service.handlers['connections:call-tool']({ connectionId, name: 'echo', arguments: { text: 'hi' }, timeoutMs: 500 })).toEqual({
      result: { content: [{ type: 'text', text: 'hi' }] },
      elapsedMs: expect.any(Number),
    });
    expect(connection.calls).toEqual([['callTool', 'echo', { text: 'hi' }, { signal: expect.any(AbortSignal), unvalidatedOutput: true, timeoutMs: 500 }]]);
    expect(await service.handlers['connections:ping']({ connectionId })).toEqual({ latencyMs: 1.5 });
    manager.emitEntry(entry(connectionId, 2));
    expect(events).toContainEqual({ type: 'trace', connectionId, entries: [entry(connectionId, 2)] });

    await service.handlers['connections:close']({ connectionId });
    expect(manager.closed).toEqual([connectionId]);
    const again = await toInvokeResult(() => service.handlers['connections:ping']({ connectionId }));
    expect(again).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });
});

describe('session and app handlers', () => {
  it('saves a connection trace where the dialog says and opens a saved file read-only', async () => {
    const remote = (await remotes.create({ name: 'My API', transport: 'streamable', url: 'https://ok.example.com/mcp', headers: [] })).remote;
    const { connectionId } = await service.handlers['connections:open']({ remoteId: remote.id });
    manager.connections.get(connectionId)!.entries.push(entry(connectionId, 1), entry(connectionId, 2));
    nextDialogAnswer = join(dir, 'saved.ndjson');
    expect(await service.handlers['session:save']({ connectionId })).toEqual({ cancelled: false, path: nextDialogAnswer, count: 2 });
    expect(written[0].entries.map((e) => e.seq)).toEqual([1, 2]);
    // After disconnecting, the tab's trace can still be read and saved.
    await service.handlers['connections:close']({ connectionId });
    expect((await service.handlers['trace:snapshot']({ connectionId })).entries).toHaveLength(2);
    nextDialogAnswer = join(dir, 'after-close.ndjson');
    expect(await service.handlers['session:save']({ connectionId })).toMatchObject({ cancelled: false, count: 2 });
    expect(await toInvokeResult(() => service.handlers['connections:ping']({ connectionId }))).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    nextDialogAnswer = join(dir, 'saved.ndjson');
    const opened = await service.handlers['session:open']();
    expect(opened).toMatchObject({ cancelled: false, path: nextDialogAnswer, entries: [entry('old', 1)] });
  });

  it('opens only http(s) links', async () => {
    await expect(service.handlers['app:open-external']({ url: 'https://example.com' })).resolves.toBeUndefined();
    const refused = await toInvokeResult(() => service.handlers['app:open-external']({ url: 'file:///etc/passwd' }));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-url' } });
  });

  it('shuts down once: every connection closed, listeners dropped, playground stopped', async () => {
    const remote = (await remotes.create({ name: 'ok', transport: 'streamable', url: 'https://ok.example.com/mcp', headers: [] })).remote;
    await service.handlers['connections:open']({ remoteId: remote.id });
    await service.handlers['playground:ensure-started']();
    await Promise.all([service.shutdown(), service.shutdown()]);
    expect(manager.closeAllCalls).toBe(1);
    expect(manager.connections.size).toBe(0);
    expect(manager.listenerCount).toBe(0);
    expect(playgroundClosed).toBe(1);
    expect(await readdir(dir)).toContain('remotes.json');
  });
});
