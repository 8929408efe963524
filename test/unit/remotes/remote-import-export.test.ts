import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Remote } from '../../../shared/model';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { serializeExport } from '../../../main/core/remotes/remote-export';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';
import { MemoryVault } from './memory-vault';

const fixtures = fileURLToPath(new URL('../../fixtures/remotes/', import.meta.url));
const fixture = (name: string) => readFile(join(fixtures, name), 'utf8');

/** What must survive a round trip: everything but the local id and times. */
const comparable = (r: Remote) => {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
};

describe('import and export', () => {
  let dirs: string[];
  const newService = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'periscope-exchange-'));
    dirs.push(dir);
    const vault = new MemoryVault();
    return { dir, vault, service: new RemoteService({ dataDir: dir, vault }) };
  };
  beforeEach(() => {
    dirs = [];
  });
  afterEach(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('imports the seed\'s "Production API with Authentication" example, secret into the vault', async () => {
    const { dir, vault, service } = await newService();
    const report = await service.importText(await fixture('seed-production-api.json'));
    expect(report).toMatchObject({ format: 'seed', imported: 1, skipped: 0 });
    const [remote] = await service.list();
    expect(remote).toMatchObject({
      name: 'mcp-api.yourcompany.com',
      transport: 'streamable',
      url: 'https://mcp-api.yourcompany.com/v1/mcp',
      headers: [
        { name: 'Authorization', value: '', description: 'Production API authentication', is_required: true, is_secret: true, has_value: true },
        { name: 'X-Client-Version', value: '1.0.0', description: 'Client version identifier', is_required: false, is_secret: false },
      ],
    });
    expect(vault.entries.get(`${remote.id}:Authorization`)).toBe('Bearer prod_token_xyz123');
    for (const file of await readdir(dir)) expect(await readFile(join(dir, file), 'utf8')).not.toContain('prod_token_xyz123');
  });

  it('imports the seed\'s "Development Environment" example', async () => {
    const { service } = await newService();
    const report = await service.importText(await fixture('seed-development-environment.json'));
    expect(report.entries).toEqual([{ source: 'entry 1', name: 'localhost:3000', status: 'imported', remoteId: expect.any(String), warnings: [] }]);
    expect((await service.list())[0]).toMatchObject({
      transport: 'streamable',
      url: 'http://localhost:3000/mcp',
      headers: [{ name: 'X-Environment', value: 'development', description: 'Environment identifier', is_required: false, is_secret: false }],
    });
  });

  it('imports the seed\'s basic configuration with its two authentication patterns', async () => {
    const { vault, service } = await newService();
    await service.importText(await fixture('seed-basic-configuration.json'));
    const [remote] = await service.list();
    expect(remote).toMatchObject({ name: 'api.example.com', url: 'https://api.example.com/v1/mcp' });
    expect(remote.headers.map((h) => [h.name, h.is_required, h.is_secret, h.has_value])).toEqual([
      ['Authorization', true, true, true],
      ['X-API-Key', true, true, true],
    ]);
    expect(vault.entries.get(`${remote.id}:X-API-Key`)).toBe('your-api-key');
  });

  it('imports an array, numbering names made up from the same host and skipping bad entries with reasons', async () => {
    const { service } = await newService();
    const text = JSON.stringify([
      { transport_type: 'streamable', url: 'http://localhost:3000/mcp' },
      { transport_type: 'sse', url: 'http://localhost:3000/sse' },
      { transport_type: 'pigeon', url: 'https://x.example.com' },
      { transport_type: 'websocket', url: 'https://x.example.com/ws' },
      { name: 'named', transport_type: 'streamable', url: 'https://n.example.com', headers: [{ name: 'X A', value: '1' }] },
      'not an object',
    ]);
    const report = await service.importText(text);
    expect(report.entries.map((e) => [e.name, e.status])).toEqual([
      ['localhost:3000', 'imported'],
      ['localhost:3000 2', 'imported'],
      ['x.example.com', 'skipped'],
      ['x.example.com', 'skipped'],
      ['named', 'skipped'],
      ['entry 6', 'skipped'],
    ]);
    expect(report.entries[2].reason).toBe('unknown transport_type "pigeon" (expected streamable, sse or websocket)');
    expect(report.entries[3].reason).toContain('does not fit the WebSocket transport');
    expect(report.entries[4].reason).toContain('"X A" is not a valid HTTP header name');
    expect(report.entries[5].reason).toContain('not a remote configuration');
    expect(report).toMatchObject({ imported: 2, skipped: 4 });
  });

  it('skips an entry whose explicit name is taken by a different remote', async () => {
    const { service } = await newService();
    await service.importText(JSON.stringify({ name: 'prod', transport_type: 'streamable', url: 'https://p.example.com' }));
    const report = await service.importText(JSON.stringify({ name: 'prod', transport_type: 'streamable', url: 'https://other.example.com' }));
    expect(report.entries[0]).toMatchObject({ status: 'skipped', reason: 'a remote named "prod" already exists' });
    expect(report.entries[0].duplicateOf).toBeUndefined();
  });

  it('importing the same file again adds no copies: each entry is reported as already present', async () => {
    const { service } = await newService();
    const text = JSON.stringify([
      { name: 'prod', transport_type: 'streamable', url: 'https://p.example.com/mcp' },
      { transport_type: 'streamable', url: 'http://localhost:3000/mcp' },
      { transport_type: 'sse', url: 'http://localhost:3000/sse' },
    ]);
    const first = await service.importText(text);
    expect(first).toMatchObject({ imported: 3, skipped: 0 });
    const again = await service.importText(text);
    expect(again).toMatchObject({ imported: 0, skipped: 3 });
    expect(again.entries.map((e) => e.duplicateOf)).toEqual(['prod', 'localhost:3000', 'localhost:3000 2']);
    expect(again.entries[0].reason).toBe('already present as "prod" (same name and URL)');
    expect((await service.list()).map((r) => r.name).sort()).toEqual(['localhost:3000', 'localhost:3000 2', 'prod']);
  });

  it('treats the same command line as the same stdio remote, and a changed one as new', async () => {
    const { service } = await newService();
    const config = (args: string[]) => JSON.stringify({ mcpServers: { files: { command: 'npx', args } } });
    await service.importText(config(['-y', '@acme/files']));
    const same = await service.importText(config(['-y', '@acme/files']));
    expect(same.entries[0]).toMatchObject({ status: 'skipped', duplicateOf: 'files', reason: 'already present as "files" (same name and command)' });
    const changed = await service.importText(config(['-y', '@acme/files@2']));
    expect(changed.entries[0]).toMatchObject({ status: 'skipped', reason: 'a remote named "files" already exists' });
  });

  it('imports the mcpServers shape of desktop MCP client config files', async () => {
    const { vault, service } = await newService();
    const report = await service.importText(await fixture('claude-desktop-config.json'));
    expect(report.format).toBe('mcpServers');
    expect(Object.fromEntries(report.entries.map((e) => [e.name, e.status === 'imported' ? 'imported' : e.reason]))).toEqual({
      'staging-api': 'imported',
      'legacy-events': 'imported',
      realtime: 'imported',
      'local-files': 'imported',
      guessing: 'imported',
      'broken-type': 'unknown transport type "carrier-pigeon"',
      'no-endpoint': 'has neither url nor command',
      'bad-scheme': expect.stringContaining('URL scheme "ftp:" does not fit the SSE (legacy) transport'),
    });
    const byName = Object.fromEntries((await service.list()).map((r) => [r.name, r]));
    expect(byName['staging-api']).toMatchObject({ transport: 'streamable', url: 'https://staging.example.com/mcp' });
    expect(byName['staging-api'].headers).toMatchObject([
      { name: 'Authorization', value: '', is_secret: true, is_required: true },
      { name: 'X-Team', value: 'platform', is_secret: false },
    ]);
    expect(vault.entries.get(`${byName['staging-api'].id}:Authorization`)).toBe('Bearer staging-token-123');
    expect(byName['legacy-events'].transport).toBe('sse');
    expect(byName.realtime.transport).toBe('websocket');
    expect(byName.guessing.transport).toBe('auto');
    expect(byName['local-files']).toMatchObject({ transport: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/tmp'], env: { LOG_LEVEL: 'debug' } });
  });

  it('refuses a file that is not JSON or not a known format', async () => {
    const { service } = await newService();
    const notJson = await service.importText('{ nope').catch((e: unknown) => e);
    expect(isPeriscopeError(notJson) && notJson.info.message).toContain('not valid JSON');
    const unknown = await service.importText('{"hello":"world"}').catch((e: unknown) => e);
    expect(isPeriscopeError(unknown) && unknown.info.kind).toBe('invalid-input');
  });

  it('exports the seed format as an array, secret values empty unless asked', async () => {
    const { vault, service } = await newService();
    await service.importText(await fixture('seed-production-api.json'));
    const plain = await service.exportRemotes();
    expect(plain).toEqual([
      {
        name: 'mcp-api.yourcompany.com',
        transport_type: 'streamable',
        url: 'https://mcp-api.yourcompany.com/v1/mcp',
        headers: [
          { name: 'Authorization', value: '', description: 'Production API authentication', is_required: true, is_secret: true },
          { name: 'X-Client-Version', value: '1.0.0', description: 'Client version identifier', is_required: false, is_secret: false },
        ],
      },
    ]);
    expect(serializeExport(plain)).not.toContain('prod_token_xyz123');
    vault.failWith = new Error('a plain export must not touch the keychain');
    await expect(service.exportRemotes()).resolves.toHaveLength(1);
    vault.failWith = undefined;
    const withSecrets = await service.exportRemotes({ includeSecrets: true });
    expect(withSecrets[0].headers[0].value).toBe('Bearer prod_token_xyz123');
  });

  it('exports the remotes asked for by id or name; an unknown one is not-found and nothing is exported', async () => {
    const { service } = await newService();
    await service.importText(await fixture('seed-production-api.json'));
    const [remote] = await service.list();
    expect(await service.exportRemotes({ ids: [remote!.id] })).toHaveLength(1);
    expect(await service.exportRemotes({ ids: ['MCP-API.yourcompany.com', remote!.id] })).toHaveLength(1);
    for (const ids of [['nope'], [remote!.id, 'nope', 'other']]) {
      const error = await service.exportRemotes({ ids }).catch((e: unknown) => e);
      expect(isPeriscopeError(error) && error.info).toMatchObject({ kind: 'not-found', detail: { unknown: ids.filter((i) => i !== remote!.id) } });
    }
  });

  it('round trip: importing an export gives back the same remotes (and secrets when included)', async () => {
    const a = await newService();
    await a.service.importText(await fixture('claude-desktop-config.json'));
    await a.service.importText(await fixture('seed-basic-configuration.json'));
    await a.service.create({
      name: 'tuned',
      transport: 'websocket',
      url: 'wss://rt.example.com/mcp',
      headers: [{ name: 'X-Env', value: 'qa', description: 'env', is_required: true, is_secret: false }],
      timeouts: { connectMs: 3000, resetOnProgress: false },
      tls: { caFiles: ['/etc/ca.pem'], acceptInvalidCertificates: true },
      notes: 'self-signed lab server',
    });
    await a.service.create({ name: 'pinned', transport: 'streamable', url: 'https://new.example.com/mcp', headers: [], protocolEra: 'modern', protocolVersion: '2026-07-28' });
    const original = (await a.service.list()).map(comparable);

    const b = await newService();
    const report = await b.service.importText(serializeExport(await a.service.exportRemotes({ includeSecrets: true })));
    expect(report.skipped).toBe(0);
    expect((await b.service.list()).map(comparable)).toEqual(original);
    expect([...b.vault.entries.values()].sort()).toEqual([...a.vault.entries.values()].sort());

    const c = await newService();
    await c.service.importText(serializeExport(await a.service.exportRemotes()));
    const withoutSecrets = (await c.service.list()).map(comparable);
    const expected = original.map((r) => ({ ...r, headers: r.headers.map((h) => (h.is_secret ? { ...h, has_value: false } : h)) }));
    expect(withoutSecrets).toEqual(expected);
    expect(c.vault.entries.size).toBe(0);
  });

  it('exports the protocol era only when it is not auto, and a seed file without one imports as auto', async () => {
    const { service } = await newService();
    await service.importText(await fixture('seed-development-environment.json'));
    await service.create({ name: 'legacy-only', transport: 'sse', url: 'https://old.example.com/sse', headers: [], protocolEra: 'legacy', protocolVersion: '2025-06-18' });
    const exported = await service.exportRemotes();
    const seedOne = exported.find((e) => e.name !== 'legacy-only')!;
    expect(seedOne).not.toHaveProperty('protocol_era');
    expect(exported.find((e) => e.name === 'legacy-only')).toMatchObject({ protocol_era: 'legacy', protocol_version: '2025-06-18' });
    expect((await service.list()).find((r) => r.name !== 'legacy-only')).toMatchObject({ protocolEra: 'auto' });
  });

  it('skips an imported entry whose protocol era and version disagree, saying why', async () => {
    const { service } = await newService();
    const report = await service.importText(JSON.stringify({ transport_type: 'streamable', url: 'https://x.example.com/mcp', protocol_era: 'legacy', protocol_version: '2026-07-28' }));
    expect(report.skipped).toBe(1);
    expect(JSON.stringify(report)).toContain('belongs to the modern era');
  });
});
