import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainEvent } from '../../../shared/ipc/contract';
import { createAppCore, type AppCore } from '../../../main/core/service/app-core';
import { createDispatch, type Dispatch } from '../../../main/core/service/dispatch';
import type { SecretVault } from '../../../main/core/secrets/secret-vault';
import type { AuthorizationOpener } from '../../../main/core/auth/authorization-handlers';

/** No keychain needed: these remotes have no secrets. */
class NoSecrets implements SecretVault {
  async get() {
    return undefined;
  }
  async set() {
    throw new Error('no secrets in these tests');
  }
  async delete() {
    return false;
  }
  async list() {
    return [];
  }
}

export interface TestCore {
  core: AppCore;
  dir: string;
  sessionDir: string;
  /** Every call goes through the contract's validation, as the window's would. */
  call: Dispatch;
  events: MainEvent[];
  /** What the next file dialog answers (a path, or undefined for Cancel). */
  dialogAnswer: { path: string | undefined };
  /** Saves a remote for `url` and returns its id. */
  remote(name: string, url: string): Promise<string>;
  close(): Promise<void>;
}

/** The app's real core (connections, session files, handlers) in a temporary data folder. */
export async function startTestCore(options: { vault?: SecretVault; authorizationOpener?: AuthorizationOpener } = {}): Promise<TestCore> {
  const dir = await mkdtemp(join(tmpdir(), 'periscope-hostile-'));
  const sessionDir = join(dir, 'sessions');
  const dialogAnswer: { path: string | undefined } = { path: undefined };
  const dialogs = { chooseFileToOpen: async () => dialogAnswer.path, chooseFileToSave: async () => dialogAnswer.path };
  const core = await createAppCore({ dataDir: dir, sessionDir, vault: options.vault ?? new NoSecrets(), appVersion: 'test', dialogs, ...(options.authorizationOpener ? { authorizationOpener: options.authorizationOpener } : {}) });
  const events: MainEvent[] = [];
  const stop = core.onEvent((event) => events.push(event));
  return {
    core,
    dir,
    sessionDir,
    call: createDispatch(core.handlers),
    events,
    dialogAnswer,
    remote: async (name, url) => (await core.remotes.create({ name, transport: 'streamable', url, headers: [] })).remote.id,
    close: async () => {
      stop();
      await core.shutdown();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
