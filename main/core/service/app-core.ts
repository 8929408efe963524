import { join } from 'node:path';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { TraceEntry } from '../../../shared/model';
import { readSessionFile, SessionFileWriter } from '../capture/session-file';
import { ConnectionManager } from '../connections/connection-manager';
import { startPlayground } from '../playground/playground-server';
import { RemoteService } from '../remotes/remote-service';
import { KeytarVault } from '../secrets/keytar-vault';
import type { SecretVault } from '../secrets/secret-vault';
import { createCoreService, type CoreService } from './core-handlers';
import { seedFirstLaunch } from './playground-remote';
import { watchRemotesFile } from './remotes-watcher';
import type { ExternalOpener, FileDialogs, SessionFilesPort } from './ports';

export interface AppCoreOptions {
  /** app.getPath('userData') in the app; a temporary folder in the e2e tests. */
  dataDir: string;
  sessionDir?: string;
  dialogs?: FileDialogs;
  openExternal?: ExternalOpener;
  /** The OS keychain unless a test passes its own (the e2e uses the real keychain under a test service name). */
  vault?: SecretVault;
  appVersion?: string;
}

export interface AppCore extends CoreService {
  remotes: RemoteService;
  manager: ConnectionManager;
}

/**
 * The composition root shared by the Electron main process and the e2e test bridge: the same
 * remotes, keychain, connection manager (recording every connection's session file under
 * sessions/), playground and handlers, so the tests run the app's real core.
 */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const sessionDir = options.sessionDir ?? join(options.dataDir, 'sessions');
  const notices: MainEvent[] = [];
  const remotes = new RemoteService({
    dataDir: options.dataDir,
    vault: options.vault ?? new KeytarVault(),
    onNotice: (notice) => notices.push({ type: 'notice', level: 'warning', message: notice.message }),
  });
  const manager = new ConnectionManager({ recordDir: sessionDir, clientInfo: { name: 'MCP Periscope', version: options.appVersion ?? '0.0.0' } });
  await seedFirstLaunch(options.dataDir, remotes);
  const service = createCoreService({
    manager,
    remotes,
    sessions: sessionFiles(options.appVersion),
    playground: () => startPlayground(),
    dataDir: options.dataDir,
    sessionDir,
    dialogs: options.dialogs,
    openExternal: options.openExternal,
  });
  const stopWatching = watchRemotesFile(options.dataDir, () => service.emit({ type: 'remotes-changed' }));
  return {
    ...service,
    remotes,
    manager,
    async shutdown() {
      stopWatching();
      await service.shutdown();
    },
    onEvent(listener) {
      // Notices raised before the window listened (e.g. a corrupt remotes.json moved aside at start).
      for (const notice of notices.splice(0)) listener(notice);
      return service.onEvent(listener);
    },
  };
}

function sessionFiles(appVersion = '0.0.0'): SessionFilesPort {
  return {
    async write(path: string, entries: TraceEntry[]) {
      const writer = await SessionFileWriter.open(path, { app: { name: 'MCP Periscope', version: appVersion } });
      for (const entry of entries) writer.write(entry);
      await writer.close();
    },
    read: (path: string) => readSessionFile(path),
  };
}
