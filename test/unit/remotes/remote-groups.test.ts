import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRemoteDraft, groupInstanceUrls, isGroup, MAX_GROUP_INSTANCES } from '../../../shared/model/remote';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { serializeExport } from '../../../main/core/remotes/remote-export';
import { MemoryVault } from './memory-vault';

const base = { name: 'balanced', transport: 'streamable', url: 'http://mcp-server-1:3000/mcp' } as const;
const messages = (input: unknown) => {
  const check = checkRemoteDraft(input);
  return check.ok ? [] : check.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a remote as a group of instances', () => {
  it('accepts other instances\' URLs and lists every instance, its own URL first', () => {
    const check = checkRemoteDraft({ ...base, instances: [' http://mcp-server-2:3000/mcp ', 'http://mcp-server-3:3000/mcp'] });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.draft.instances).toEqual(['http://mcp-server-2:3000/mcp', 'http://mcp-server-3:3000/mcp']);
    expect(groupInstanceUrls({ ...check.draft, transport: 'streamable' })).toEqual(['http://mcp-server-1:3000/mcp', 'http://mcp-server-2:3000/mcp', 'http://mcp-server-3:3000/mcp']);
    expect(isGroup(check.draft)).toBe(true);
    expect(isGroup({ instances: [] })).toBe(false);
  });

  it('checks each instance like the main URL, by its position', () => {
    expect(messages({ ...base, instances: ['http://ok:3001/mcp', 'mcp-server-2.example.com/mcp', 'ws://x/mcp'] })).toEqual([
      'instances.1: Instance 2: "mcp-server-2.example.com/mcp" has no scheme: did you mean https://mcp-server-2.example.com/mcp?',
      'instances.2: Instance 3: URL scheme "ws:" does not fit the Streamable HTTP transport: use http:// or https://; ws:// is for WebSocket',
    ]);
  });

  it('refuses an instance listed twice or equal to the main URL (host case and default port alike)', () => {
    expect(messages({ ...base, instances: ['http://MCP-SERVER-1:3000/mcp', 'https://b/mcp', 'https://b:443/mcp'] })).toEqual([
      "instances.0: Instance 1: http://MCP-SERVER-1:3000/mcp is the same as the remote's own URL; list each instance once",
      'instances.2: Instance 3: https://b:443/mcp is the same as instance 2; list each instance once',
    ]);
  });

  it(`allows at most ${MAX_GROUP_INSTANCES} instances in all, and none for stdio`, () => {
    const urls = (n: number) => Array.from({ length: n }, (_, i) => `http://10.0.0.${i + 2}/mcp`);
    expect(messages({ ...base, instances: urls(MAX_GROUP_INSTANCES - 1) })).toEqual([]);
    expect(messages({ ...base, instances: urls(MAX_GROUP_INSTANCES) })).toEqual([`instances: A group has at most 32 instances with its own URL (33 given)`]);
    expect(messages({ name: 'local', transport: 'stdio', command: 'node', instances: ['http://a/mcp'] })).toEqual([
      'instances: A stdio remote runs one local process: it cannot have other instances',
    ]);
  });
});

describe('a group through export and import', () => {
  const dirs: string[] = [];
  afterEach(() => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));
  const service = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'periscope-groups-'));
    dirs.push(dir);
    return new RemoteService({ dataDir: dir, vault: new MemoryVault() });
  };

  it('keeps the instances in our export, and an imported seed entry has none', async () => {
    const first = await service();
    await first.create({ ...base, instances: ['http://mcp-server-2:3000/mcp'], headers: [{ name: 'Authorization', value: 'Bearer s3cret', is_secret: true }] });
    const text = serializeExport(await first.exportRemotes());
    const exported = JSON.parse(text) as Array<Record<string, unknown>>;
    expect(exported[0]).toMatchObject({ url: base.url, instances: ['http://mcp-server-2:3000/mcp'] });
    expect(text).not.toContain('s3cret');

    const second = await service();
    await second.importText(text);
    expect((await second.list())[0]).toMatchObject({ url: base.url, instances: ['http://mcp-server-2:3000/mcp'] });

    const third = await service();
    await third.importText(JSON.stringify({ transport_type: 'streamable', url: 'https://mcp-api.example.com/mcp', headers: [] }));
    expect((await third.list())[0]!.instances).toEqual([]);
  });
});
