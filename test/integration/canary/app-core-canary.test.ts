import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteInput } from '../../../shared/model/remote';
import { createAppCore } from '../../../main/core/service/app-core';
import { createDispatch } from '../../../main/core/service/dispatch';
import type { FileDialogs } from '../../../main/core/service/ports';
import { KeytarVault } from '../../../main/core/secrets/keytar-vault';
import { CANARY_SECRETS } from '../../fixtures/canary/canary-echo';
import { startCanaryServer, type CanaryServer } from '../../fixtures/canary/canary-server';
import { findLeaks } from '../../support/secret-leaks';
import { ALL_SECRETS, expectNoLeaks, filesAsOutputs, type Output } from './canary-support';

const STDIO_CANARY = fileURLToPath(new URL('../../fixtures/canary/canary-stdio-server.mjs', import.meta.url));

/** Save dialogs answered with the next path queued; the open dialog is never needed here. */
class QueuedDialogs implements FileDialogs {
  readonly paths: string[] = [];
  async chooseFileToOpen() {
    return undefined;
  }
  async chooseFileToSave() {
    return this.paths.shift();
  }
}

let canary: CanaryServer;
let work: string;
beforeAll(async () => {
  canary = await startCanaryServer();
  work = await mkdtemp(join(tmpdir(), 'periscope-app-canary-'));
});
afterAll(async () => {
  await canary.close();
  await rm(work, { recursive: true, force: true });
});

describe('canary through the app core: every IPC payload (answers and events) and every file it writes', () => {
  it('remotes with secret headers and a stdio env credential, connected, used, saved and exported', async () => {
    const dataDir = join(work, 'data');
    const dialogs = new QueuedDialogs();
    const vault = new KeytarVault();
    const core = await createAppCore({ dataDir, dialogs, vault, appVersion: 'canary' });
    const dispatch = createDispatch(core.handlers);
    const outputs: Output[] = [];
    core.onEvent((event) => outputs.push([`event ${event.type}`, event]));
    const call = async (channel: string, input?: unknown) => {
      const answer = await dispatch(channel, input);
      outputs.push([`answer to ${channel}`, answer]);
      return answer as { ok: boolean; value?: { remote: { id: string }; connectionId: string; state: string } & Record<string, unknown>; error?: unknown };
    };
    const headers = [
      { name: 'X-Api-Key', value: CANARY_SECRETS.apiKey, description: '', is_required: true, is_secret: true },
      { name: 'Authorization', value: `Bearer ${CANARY_SECRETS.bearer}`, description: '', is_required: true, is_secret: false },
    ];
    const drafts: RemoteInput[] = [
      { name: 'canary http', transport: 'streamable', url: canary.url, headers },
      { name: 'canary ws', transport: 'websocket', url: canary.wsUrl, headers },
      { name: 'canary stdio', transport: 'stdio', command: process.execPath, args: [STDIO_CANARY], env: { OPENAI_API_KEY: CANARY_SECRETS.env, REGION: 'eu-west-1' }, headers: [] },
    ];
    try {
      for (const draft of drafts) {
        const created = await call('remotes:create', { draft });
        expect(created.ok).toBe(true);
        const remoteId = created.value!.remote.id;
        const opened = await call('connections:open', { remoteId });
        expect(opened.value).toMatchObject({ state: 'connected' });
        const connectionId = opened.value!.connectionId;
        await call('connections:list-tools', { connectionId });
        const echo = await call('connections:call-tool', { connectionId, name: 'echo', arguments: { message: 'hi' } });
        expect(JSON.stringify(echo)).toContain('echo [redacted]');
        await call('connections:call-tool', { connectionId, name: 'fail' });
        await call('connections:call-tool', { connectionId, name: 'deny' });
        await call('connections:ping', { connectionId });
        await call('connections:list');
        await call('trace:snapshot', { connectionId });
        dialogs.paths.push(join(work, `saved-${remoteId}.ndjson`));
        expect((await call('session:save', { connectionId })).ok).toBe(true);
        await call('connections:close', { connectionId });
        await call('remotes:get', { remoteId });
      }
      await call('remotes:list');
      dialogs.paths.push(join(work, 'export.json'));
      expect((await call('remotes:export', { includeSecrets: false })).ok).toBe(true);
      // The real values went on the wire.
      expect(canary.requests.some((r) => r.headers['x-api-key'] === CANARY_SECRETS.apiKey)).toBe(true);

      expectNoLeaks([...outputs, ...(await filesAsOutputs(work))]);

      // The scan is known to see them: asked for explicitly, an export holds every stored secret.
      dialogs.paths.push(join(work, 'with-secrets.json'));
      expect((await dispatch('remotes:export', { includeSecrets: true })).ok).toBe(true);
      const withSecrets = await readFile(join(work, 'with-secrets.json'), 'utf8');
      for (const secret of [CANARY_SECRETS.apiKey, CANARY_SECRETS.bearer, CANARY_SECRETS.env]) expect(withSecrets).toContain(JSON.stringify(secret).slice(1, -1));
      expect(findLeaks(withSecrets, ALL_SECRETS).length).toBeGreaterThan(0);
    } finally {
      for (const remote of await core.remotes.list()) await core.remotes.remove(remote.id);
      await core.shutdown();
    }
  });
});
