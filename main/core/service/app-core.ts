import { join } from 'node:path';
import type { MainEvent } from '../../../shared/ipc/contract';
import type { TraceEntry } from '../../../shared/model';
import { DEFAULT_CONNECTION_BUDGET_BYTES, DEFAULT_ENTRY_CAP_BYTES } from '../../../shared/model/trace-size';
import { copySessionFile } from '../capture/session-copy';
import { readSessionFile, SessionFileWriter } from '../capture/session-file';
import { DEFAULT_TRACE_CAPACITY } from '../capture/trace-buffer';
import { ConnectionManager } from '../connections/connection-manager';
import { startPlayground } from '../playground/playground-server';
import { RemoteService } from '../remotes/remote-service';
import { KeytarVault } from '../secrets/keytar-vault';
import type { SecretVault } from '../secrets/secret-vault';
import { createCoreService, type CoreService } from './core-handlers';
import { SettingsStore } from './app-settings';
import { seedFirstLaunch } from './playground-remote';
import { watchRemotesFile } from './remotes-watcher';
import type { ExternalOpener, FileDialogs, SessionFilesPort } from './ports';
import { RequestMetrics } from '../metrics/request-metrics';
import type { AuthorizationOpener } from '../auth/authorization-handlers';
import { browserAuthorizationOpener } from '../auth/browser-opener';

export interface AppCoreOptions {
  /** app.getPath('userData') in the app; a temporary folder in the e2e tests. */
  dataDir: string;
  sessionDir?: string;
  dialogs?: FileDialogs;
  openExternal?: ExternalOpener;
  /**
   * How an OAuth authorization URL is opened, for signing in and for the auth debugger (the user
   * signs in there; the redirect comes back to a loopback listener). Default: `openExternal` (the
   * system browser), for http(s) URLs only.
   */
  authorizationOpener?: AuthorizationOpener;
  /** The OS keychain unless a test passes its own (the e2e uses the real keychain under a test service name). */
  vault?: SecretVault;
  appVersion?: string;
}

const MIB = 1024 * 1024;

export interface AppCore extends CoreService {
  remotes: RemoteService;
  manager: ConnectionManager;
  settings: SettingsStore;
}

/**
 * The composition root shared by the Electron main process and the e2e test bridge: the same
 * remotes, keychain, connection manager (recording every connection's session file under
 * sessions/), playground and handlers, so the tests run the app's real core.
 */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const sessionDir = options.sessionDir ?? join(options.dataDir, 'sessions');
  const notices: MainEvent[] = [];
  const vault = options.vault ?? new KeytarVault();
  const remotes = new RemoteService({
    dataDir: options.dataDir,
    vault,
    onNotice: (notice) => notices.push({ type: 'notice', level: 'warning', message: notice.message }),
  });
  const settings = new SettingsStore(options.dataDir);
  const settingsNotice = await settings.load();
  if (settingsNotice) notices.push({ type: 'notice', level: 'warning', message: settingsNotice });
  const manager = new ConnectionManager({
    recordDir: sessionDir,
    clientInfo: { name: 'MCP Periscope', version: options.appVersion ?? '0.0.0' },
    // Read per connection, so a changed setting applies to the next one opened.
    sessionFileCapBytes: () => settings.current.sessionFileCapMB * MIB,
    // The Overview and Latency sections show how each connection came up.
    measureSetup: true,
  });
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
    ...(options.authorizationOpener ? { authorizationOpener: options.authorizationOpener } : {}),
    settings,
    signIn: { vault, opener: options.authorizationOpener ?? browserAuthorizationOpener(options.openExternal ?? noBrowser) },
  });
  const stopWatching = watchRemotesFile(options.dataDir, () => service.emit({ type: 'remotes-changed' }));
  return {
    ...service,
    remotes,
    manager,
    settings,
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

async function noBrowser(): Promise<void> {
  throw new Error('there is no system browser to open here');
}

function sessionFiles(appVersion = '0.0.0'): SessionFilesPort {
  return {
    async write(path: string, entries: TraceEntry[]) {
      const writer = await SessionFileWriter.open(path, { app: { name: 'MCP Periscope', version: appVersion } });
      for (const entry of entries) writer.write(entry);
      await writer.close();
    },
    // For display: cut and windowed as a live connection's buffer is; the analytics see every entry whole.
    async read(path: string) {
      const metrics = new RequestMetrics();
      const hold = { entryCapBytes: DEFAULT_ENTRY_CAP_BYTES, capacity: DEFAULT_TRACE_CAPACITY, budgetBytes: DEFAULT_CONNECTION_BUDGET_BYTES };
      const read = await readSessionFile(path, { hold, onEntry: (entry) => metrics.ingest(entry) });
      return { ...read, metrics: metrics.snapshot(), latencySamples: metrics.samples.since() };
    },
    copy: (from: string, to: string, later: TraceEntry[]) => copySessionFile(from, to, later),
  };
}
