import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Readable, PassThrough } from 'node:stream';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startPlayground } from '../../../main/core/playground/start-playground';
import type { RunningPlayground } from '../../../main/core/playground/playground-options';
import { ConnectionManager } from '../../../main/core/connections/connection-manager';
import { readSessionFile } from '../../../main/core/capture/session-file';
import { runCli } from '../../../main/cli/run-cli';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { KeytarVault } from '../../../main/core/secrets/keytar-vault';
import { serializeExport } from '../../../main/core/remotes/remote-export';
import { fileURLToPath } from 'node:url';
import { findLeaks } from '../../support/secret-leaks';

/** Every file under `dir`, recursively (data folders may hold locks, temp or moved-aside files). */
async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else found.push(path);
  }
  return found;
}

async function hits(paths: string[], needle: string): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) if ((await readFile(path)).includes(needle)) out.push(path);
  return out;
}

describe('a secret header value never reaches disk or output (real keychain, real playground)', () => {
  const token = `tok-${randomUUID()}`;
  let playground: RunningPlayground;
  let work: string;
  let dataDir: string;

  beforeAll(async () => {
    playground = await startPlayground({ requireBearer: token });
  });
  afterAll(() => playground.close());
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'periscope-scenario-'));
    dataDir = join(work, 'data');
    playground.seenRequests.length = 0;
  });
  afterEach(() => rm(work, { recursive: true, force: true }));

  async function cli(args: string[], stdinText = '') {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d) => (out += d));
    stderr.on('data', (d) => (err += d));
    const code = await runCli(args, { stdin: Readable.from([stdinText]), stdout, stderr, env: { ...process.env, PERISCOPE_DATA_DIR: dataDir } });
    return { code, out, err };
  }

  it('through the CLI: add with --secret-stdin, list tools by name while recording, export; zero hits', async () => {
    const add = await cli(['remotes', 'add', 'staging-api', playground.urls.streamable, '--transport', 'streamable', '--secret', 'Authorization', '--secret-stdin'], `Bearer ${token}\n`);
    expect(add).toMatchObject({ code: 0, out: 'Saved remote "staging-api".\n' });

    const session = join(work, 'session.ndjson');
    const tools = await cli(['tools', 'staging-api', '--record', session]);
    expect(tools.err).not.toMatch(/error/i);
    expect(tools.code).toBe(0);
    expect(tools.out.length).toBeGreaterThan(0);
    // The playground really got the secret: the connection was authorized with it.
    expect(playground.seenRequests.some((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
    const { entries } = await readSessionFile(session);
    expect(entries.some((e) => e.type === 'http')).toBe(true);

    const exportFile = join(work, 'export.json');
    expect((await cli(['remotes', 'export', '--out', exportFile])).code).toBe(0);
    const list = await cli(['remotes', 'list', '--json']);

    const searched = [...(await filesUnder(dataDir)), session, exportFile];
    expect(searched.length).toBeGreaterThanOrEqual(3);
    expect(await hits(searched, token)).toEqual([]);
    for (const output of [add, tools, list]) expect(output.out + output.err).not.toContain(token);

    // The search is known to work: an export that explicitly includes secrets is found.
    const withSecrets = join(work, 'with-secrets.json');
    expect((await cli(['remotes', 'export', '--include-secrets', '--out', withSecrets])).code).toBe(0);
    expect(await hits([...searched, withSecrets], token)).toEqual([withSecrets]);

    expect((await cli(['remotes', 'remove', 'staging-api'])).code).toBe(0);
  });

  it('a stdio env credential through the CLI: --secret-env, connect by name while recording, show, export; zero hits in any encoding', async () => {
    const key = `ënv+/"=${randomUUID()}`;
    const server = fileURLToPath(new URL('../../fixtures/canary/canary-stdio-server.mjs', import.meta.url));
    const add = await cli(['remotes', 'add', 'local-canary', '--command', process.execPath, '--arg', server, '--env', 'REGION=eu', '--secret-env', 'OPENAI_API_KEY', '--secret-stdin'], `${key}\n`);
    expect(add).toMatchObject({ code: 0, out: 'Saved remote "local-canary".\n' });

    const session = join(work, 'stdio-session.ndjson');
    const call = await cli(['call', 'local-canary', 'echo', 'message=hi', '--record', session]);
    expect(call.code).toBe(0);
    // The server got the real value from the keychain (it echoes it; we show it masked).
    expect(call.out).toContain('echo [redacted]');
    const show = await cli(['remotes', 'show', 'local-canary']);
    expect(show.out).toContain('OPENAI_API_KEY=[set in keychain]');
    const exportFile = join(work, 'stdio-export.json');
    expect((await cli(['remotes', 'export', '--out', exportFile])).code).toBe(0);

    const files = [...(await filesUnder(dataDir)), session, exportFile];
    for (const path of files) expect(findLeaks(await readFile(path, 'utf8'), [key]), path).toEqual([]);
    for (const output of [add, call, show]) expect(findLeaks(output.out + output.err, [key])).toEqual([]);
    const withSecrets = join(work, 'stdio-with-secrets.json');
    expect((await cli(['remotes', 'export', '--include-secrets', '--out', withSecrets])).code).toBe(0);
    expect(findLeaks(await readFile(withSecrets, 'utf8'), [key])).not.toEqual([]);
    expect((await cli(['remotes', 'remove', 'local-canary'])).code).toBe(0);
  });

  it('through the service and ConnectionManager with recordTo; a missing secret stops before any request', async () => {
    const vault = new KeytarVault();
    const service = new RemoteService({ dataDir, vault });
    const { remote } = await service.create({
      name: 'playground',
      transport: 'streamable',
      url: playground.urls.streamable,
      headers: [{ name: 'Authorization', description: 'bearer', is_required: true, is_secret: true }],
    });
    const missing = await service.resolveForConnection(remote.id).catch((e: unknown) => e);
    expect(missing).toMatchObject({ info: { kind: 'missing-secret', detail: { missingHeaders: ['Authorization'] } } });
    expect(playground.seenRequests).toEqual([]); // nothing went out

    await service.update(remote.id, {
      name: 'playground',
      transport: 'streamable',
      url: playground.urls.streamable,
      headers: [{ name: 'Authorization', value: `Bearer ${token}`, description: 'bearer', is_required: true, is_secret: true }],
    });
    const { target, label } = await service.resolveForConnection('playground');
    const session = join(work, 'recorded.ndjson');
    const manager = new ConnectionManager();
    try {
      const connection = await manager.open(target, { label, recordTo: session });
      await connection.listTools();
      await connection.ping();
    } finally {
      await manager.closeAll();
    }
    expect(playground.seenRequests.some((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
    const { entries } = await readSessionFile(session);
    expect(entries.length).toBeGreaterThan(3);

    const exportFile = join(work, 'export.json');
    await writeFile(exportFile, serializeExport(await service.exportRemotes()));
    expect(await hits([...(await filesUnder(dataDir)), session, exportFile], token)).toEqual([]);

    // And the explicit opposite, so the search above is known to work: asked for, the export has it.
    const withSecrets = serializeExport(await service.exportRemotes({ includeSecrets: true }));
    expect(withSecrets).toContain(token);
    await service.remove(remote.id);
    expect(await vault.get(`${remote.id}:Authorization`)).toBeUndefined();
  });
});
