import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEditDraft, type RemoteCliOptions } from '../../../main/cli/commands/remotes-draft';
import { exportRemotes, serializeExport } from '../../../main/core/remotes/remote-export';
import { parseImportText } from '../../../main/core/remotes/remote-import';
import { RemoteService } from '../../../main/core/remotes/remote-service';
import { resolveRemoteForConnection } from '../../../main/core/remotes/resolve-remote';
import { checkRemoteDraft, Remote, type RemoteInput } from '../../../shared/model';
import { checkForm, formFromRemote } from '../../../renderer/components/remote-form/form-model';
import { MemoryVault } from './memory-vault';

/**
 * An edit replaces the whole saved remote with its draft, so a field the draft builder forgets is
 * silently reset (the CLI's `remotes edit` once dropped the OAuth settings, deleting the client
 * secret from the keychain, and the session-expiry switch). Both editors, given no change, must
 * give back the remote exactly; and the sample below must set every field a remote has, so a
 * field added later fails here until both editors carry it.
 */

const http: RemoteInput = {
  name: 'every-field-http',
  transport: 'streamable',
  url: 'https://mcp.example.com/mcp',
  instances: ['https://mcp-2.example.com/mcp'],
  headers: [
    { name: 'Authorization', value: 'Bearer tok-5e2a9c71d4', description: 'the token', is_required: true, is_secret: true },
    { name: 'X-Team', value: 'blue', description: '', is_required: false, is_secret: false },
  ],
  timeouts: { connectMs: 4000, requestMs: 9000 },
  tls: { caFiles: ['/etc/ssl/extra-ca.pem'], acceptInvalidCertificates: true },
  protocolEra: 'legacy',
  protocolVersion: '2025-06-18',
  reinitializeOnSessionExpiry: false,
  maxMessageBytes: 250 * 1024 * 1024,
  notes: 'every field set',
  serverRequestPolicy: 'decline',
  roots: [{ uri: 'file:///work', name: 'work' }],
  oauth: { grant: 'client_credentials', clientId: 'periscope-test', scope: 'mcp:read' },
  oauthClientSecret: 'client-secret-8b1f',
};

const stdio: RemoteInput = {
  name: 'every-field-stdio',
  transport: 'stdio',
  command: 'node',
  args: ['server.js', '--verbose'],
  env: { LOG_LEVEL: 'debug', API_KEY: 'key-3c9d7e' },
  cwd: '/srv/mcp',
  headers: [],
  timeouts: { connectMs: 3000 },
  protocolEra: 'modern',
  notes: 'a stdio one',
};

/** Fields filled in by the store or the main process, not by an editor. */
const NOT_EDITED = new Set(['id', 'createdAt', 'updatedAt', 'envHasValue', 'oauthClientSecretSet', 'commandNeedsConfirmation']);

const NO_CLI_OPTIONS: RemoteCliOptions = { header: [], secret: [], secretEnv: [], removeEnv: [], removeHeader: [], renameHeader: [], clearSecret: [], arg: [], env: [], caFile: [] };

const withoutTimes = ({ updatedAt: _u, ...rest }: Remote) => rest;

describe('editing a saved remote without changing anything keeps every field', () => {
  let dir: string;
  let vault: MemoryVault;
  let service: RemoteService;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'periscope-edit-'));
    vault = new MemoryVault();
    service = new RemoteService({ dataDir: dir, vault });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('the samples set every field a saved remote has (so a new field is checked here too)', async () => {
    const saved = [(await service.create(http)).remote, (await service.create(stdio)).remote];
    const set = new Set(saved.flatMap((r) => Object.entries(r).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)).map(([k]) => k)));
    const missing = Object.keys(Remote.shape).filter((key) => !NOT_EDITED.has(key) && !set.has(key));
    expect(missing).toEqual([]);
  });

  for (const sample of [http, stdio]) {
    it(`${sample.name}: the CLI's remotes edit with no options`, async () => {
      const before = (await service.create(sample)).remote;
      const secretsBefore = new Map(vault.entries);
      const after = (await service.update(before.id, buildEditDraft(before, NO_CLI_OPTIONS, new Map()))).remote;
      expect(withoutTimes(after)).toEqual(withoutTimes(before));
      expect(vault.entries).toEqual(secretsBefore);
    });

    it(`${sample.name}: the app's remote editor saved as opened`, async () => {
      const before = (await service.create(sample)).remote;
      const secretsBefore = new Map(vault.entries);
      const check = checkForm(formFromRemote(before));
      expect(check.errors).toEqual({});
      // The editor leaves these out (they are set in the Requests section); the service keeps them.
      const after = (await service.update(before.id, check.input!)).remote;
      expect(withoutTimes(after)).toEqual(withoutTimes(before));
      expect(vault.entries).toEqual(secretsBefore);
    });
  }

  it("the CLI's --max-message-mb sets the limit, and a bad value is refused saying what is wrong with it", async () => {
    const before = (await service.create(http)).remote;
    const draft = buildEditDraft(before, { ...NO_CLI_OPTIONS, maxMessageMb: '1.5' }, new Map());
    expect(draft.maxMessageBytes).toBe(1.5 * 1024 * 1024);
    const problems: Array<[string, RegExp]> = [
      ['0', /^--max-message-mb: 0 MB is not above 0/],
      ['-3', /^--max-message-mb: -3 MB is not above 0/],
      ['ten', /^--max-message-mb: "ten" is not a number/],
      ['513', /^--max-message-mb: 513 MB is above the most a remote may set, 512 MB/],
      ['Infinity', /^--max-message-mb: "Infinity" is not a number/],
      ['', /^--max-message-mb: expects a number of megabytes above 0 and at most 512/],
    ];
    for (const [bad, message] of problems) expect(() => buildEditDraft(before, { ...NO_CLI_OPTIONS, maxMessageMb: bad }, new Map()), bad).toThrow(message);
  });

  it("the app's form checks the limit in its own words and leaves it out for stdio", () => {
    const form = formFromRemote(undefined);
    const typed = (maxMessageMb: string, transport: RemoteInput['transport'] = 'streamable') => checkForm({ ...form, name: 'x', url: 'https://mcp.example.com/mcp', command: 'node', transport, maxMessageMb });
    expect(typed('250').input?.maxMessageBytes).toBe(250 * 1024 * 1024);
    expect(typed('').input?.maxMessageBytes).toBeUndefined();
    // Each message says what is wrong with the value typed (the help text says what empty means).
    expect(typed('0').errors.maxMessageBytes).toEqual(['0 MB is not above 0: enter a limit above 0, e.g. 100']);
    expect(typed('lots').errors.maxMessageBytes).toEqual(['"lots" is not a number: enter the limit in megabytes, e.g. 100']);
    expect(typed('600').errors.maxMessageBytes).toEqual(['600 MB is above the most a remote may set, 512 MB: a larger message could not be held as text']);
    expect(typed('0.0000001').errors.maxMessageBytes).toEqual(['0.0000001 MB is less than one byte: enter a larger limit, e.g. 1']);
    expect(typed('600', 'stdio').errors.maxMessageBytes).toBeUndefined();
    expect(typed('250', 'stdio').input?.maxMessageBytes).toBeUndefined();
  });

  it('a saved limit reaches the connection, an import and an export', async () => {
    const { remote } = await service.create(http);
    const { target } = await resolveRemoteForConnection(remote, vault);
    expect(target.maxMessageBytes).toBe(250 * 1024 * 1024);
    const exported = await exportRemotes([remote], vault, {});
    expect(exported[0]!.max_message_bytes).toBe(250 * 1024 * 1024);
    const { candidates } = parseImportText(serializeExport(exported));
    expect(candidates[0]!.draft?.maxMessageBytes).toBe(250 * 1024 * 1024);
    // Out of range in a file: that entry is refused with the reason when saved, like any invalid field.
    const tooBig = parseImportText(JSON.stringify([{ ...exported[0], max_message_bytes: 2 ** 40 }]));
    const check = checkRemoteDraft(tooBig.candidates[0]!.draft!);
    expect(check.ok ? [] : check.issues.map((i) => i.message)).toEqual(['The message size limit can be at most 512 MB: a larger message could not be held as text']);
  });
});
