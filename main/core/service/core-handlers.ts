import type { Channel, ChannelOutput, MainEvent, ParsedInput } from '../../../shared/ipc/contract';
import { appHandlers } from './app-handlers';
import { connectionHandlers } from './connection-handlers';
import { ConnectionLookup } from './connection-lookup';
import { PlaygroundHost } from './playground-remote';
import type { ConnectionManagerPort, ExternalOpener, FileDialogs, PlaygroundLauncher, RemotesPort, SessionFilesPort, SettingsPort } from './ports';
import { remoteHandlers } from './remote-handlers';
import { sessionHandlers } from './session-handlers';
import { MetricsRegistry } from '../metrics/metrics-registry';
import { listenForListChanges } from './list-change-listener';
import { resourceHandlers } from './resource-handlers';
import { resourceSaveHandlers } from './resource-save-handlers';
import { logHandlers } from './log-handlers';
import { toolCallHandlers } from './tool-call-handlers';
import { serverRequestService } from './server-request-handlers';
import { loadRunHandlers } from './load-run-handlers';
import { loadExportHandlers } from './load-export-handlers';
import { groupHandlers } from './group-handlers';
import { authDebugHandlers, type AuthorizationOpener } from './auth-debug-handlers';
import type { InstanceOpener } from '../fanout/group-instances';

export type CoreHandler<C extends Channel> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>>;
export type CoreHandlers = { [C in Channel]: CoreHandler<C> };

export interface CoreDeps {
  manager: ConnectionManagerPort;
  remotes: RemotesPort;
  playground: PlaygroundLauncher;
  sessions: SessionFilesPort;
  /** The app's data folder (app.getPath('userData') in the app). */
  dataDir: string;
  /** Where session files go by default. */
  sessionDir: string;
  dialogs?: FileDialogs;
  openExternal?: ExternalOpener;
  /** Where the auth debugger sends the authorization URL (default: openExternal, the system browser). */
  authorizationOpener?: AuthorizationOpener;
  settings?: SettingsPort;
  /** Short-lived connections to a group's instances (default: a private ConnectionManager). */
  instanceOpener?: InstanceOpener;
}

export interface CoreService {
  handlers: CoreHandlers;
  /** Every event for the windows: trace entries one by one (batch them!), state changes, remote changes. */
  onEvent(listener: (event: MainEvent) => void): () => void;
  /** Sends an event to every listener (e.g. 'remotes-changed' when another process edited the file). */
  emit(event: MainEvent): void;
  /** Closes every connection (sessions deleted on the server, session files flushed), then the playground. */
  shutdown(): Promise<void>;
}

/**
 * The handler of every channel of the contract, free of Electron: main/ipc binds them to
 * ipcMain, the e2e test bridge to a WebSocket. Inputs arrive already validated.
 */
export function createCoreService(deps: CoreDeps): CoreService {
  const listeners = new Set<(event: MainEvent) => void>();
  const emit = (event: MainEvent) => {
    for (const listener of listeners) listener(event);
  };
  const playground = new PlaygroundHost(deps.playground);
  const lookup = new ConnectionLookup(deps.manager, undefined, deps.sessions);
  const metrics = new MetricsRegistry();
  const logs = logHandlers({ lookup, manager: deps.manager, emit });
  const groups = groupHandlers({ remotes: deps.remotes, ...(deps.instanceOpener ? { opener: deps.instanceOpener } : {}) });
  const loads = loadRunHandlers({ lookup, manager: deps.manager, emit, group: { resolve: groups.resolve, openAll: (instances) => groups.group.openAll(instances) } });
  const serverRequests = serverRequestService({ manager: deps.manager, remotes: deps.remotes, lookup, emit });
  const handlers: CoreHandlers = {
    ...remoteHandlers({ remotes: deps.remotes, dialogs: deps.dialogs, emit }),
    ...connectionHandlers({ manager: deps.manager, lookup, remotes: deps.remotes, playground, input: serverRequests }),
    ...serverRequests.handlers,
    ...toolCallHandlers({ lookup, manager: deps.manager, emit, askedUserSince: (connectionId, since) => serverRequests.registry.askedSince(connectionId, since) }),
    ...resourceHandlers({ lookup, manager: deps.manager, emit }),
    ...resourceSaveHandlers({ lookup, dialogs: deps.dialogs }),
    ...loadExportHandlers({ lookup, dialogs: deps.dialogs }),
    'connections:metrics': async ({ connectionId }) => {
      lookup.any(connectionId);
      return metrics.snapshot(connectionId);
    },
    'connections:latency-samples': async ({ connectionId, since }) => {
      lookup.any(connectionId);
      return metrics.samples(connectionId, since);
    },
    ...logs.handlers,
    ...loads.handlers,
    ...groups.handlers,
    ...sessionHandlers({ lookup, sessions: deps.sessions, sessionDir: deps.sessionDir, dialogs: deps.dialogs }),
    ...appHandlers({ playground, openExternal: deps.openExternal, settings: deps.settings }),
    ...authDebugHandlers({ remotes: deps.remotes, ...(deps.dialogs ? { dialogs: deps.dialogs } : {}), ...authorizationOpenerOf(deps) }),
  };
  const stopTrace = deps.manager.subscribe((entry) => {
    metrics.ingest(entry);
    emit({ type: 'trace', connectionId: entry.connectionId, entries: [entry] });
    // Recording stopped (its cap, a disk failure): the user must hear it, not only find it in the trace.
    if (entry.type === 'lifecycle' && entry.recordingStopped) emit({ type: 'notice', level: 'warning', message: entry.text });
  });
  const stopState = deps.manager.onStateChange((info) => emit({ type: 'connection-state', info }));
  const stopListChanges = listenForListChanges(deps.manager, lookup);
  let shutdown: Promise<void> | undefined;
  return {
    handlers,
    emit,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shutdown() {
      shutdown ??= (async () => {
        loads.stop();
        try {
          await deps.manager.closeAll();
        } finally {
          stopTrace();
          stopState();
          stopListChanges();
          logs.stop();
          serverRequests.stop();
          listeners.clear();
          await playground.stop();
        }
      })();
      return shutdown;
    },
  };
}

export function createCoreHandlers(deps: CoreDeps): CoreHandlers {
  return createCoreService(deps).handlers;
}

/** The auth debugger's opener: the one given, else the system browser (openExternal); none in a core without either. */
function authorizationOpenerOf(deps: CoreDeps): { openAuthorizationUrl?: AuthorizationOpener } {
  if (deps.authorizationOpener) return { openAuthorizationUrl: deps.authorizationOpener };
  const openExternal = deps.openExternal;
  return openExternal ? { openAuthorizationUrl: (url) => openExternal(url.href) } : {};
}
