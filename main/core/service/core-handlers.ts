import type { BundleDoctor } from '../bundle/bundle-doctor';
import type { Channel, ChannelOutput, MainEvent, ParsedInput } from '../../../shared/ipc/contract';
import { appHandlers } from './app-handlers';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { connectionHandlers } from './connection-handlers';
import { ConnectionLookup } from './connection-lookup';
import { PlaygroundHost } from './playground-remote';
import type { ConnectionManagerPort, ExternalOpener, FileDialogs, PlaygroundLauncher, RemotesPort, SessionFilesPort, SettingsPort } from './ports';
import { remoteHandlers } from './remote-handlers';
import { sessionHandlers } from './session-handlers';
import { exportHandlers } from './export-handlers';
import { OpenedFiles } from './opened-files';
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
import { doctorHandlers } from './doctor-handlers';
import { authDebugHandlers } from './auth-debug-handlers';
import { RecentAuthDebugRuns } from '../auth-debug/recent-runs';
import type { AuthorizationOpener } from '../auth/authorization-handlers';
import { browserAuthorizationOpener } from '../auth/browser-opener';
import type { InstanceOpener } from '../fanout/group-instances';
import { signInService, type SignInDeps } from './sign-in-handlers';

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
  /** The connection doctor run for a repro bundle's `doctor` part (default: doctorForBundle). */
  bundleDoctor?: BundleDoctor;
  /** OAuth sign-in of saved remotes: the keychain and how the authorization URL is opened (absent: no OAuth, `oauth:*` refuse). */
  signIn?: Pick<SignInDeps, 'vault' | 'opener'>;
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
  const opened = new OpenedFiles();
  // The auth debugger's latest run per server, for the repro bundle of a connection to it.
  const authDebugRuns = new RecentAuthDebugRuns();
  const serverRequests = serverRequestService({ manager: deps.manager, remotes: deps.remotes, lookup, emit });
  const signIn = deps.signIn ? signInService({ remotes: deps.remotes, manager: deps.manager, ...deps.signIn }) : undefined;
  const handlers: CoreHandlers = {
    ...remoteHandlers({ remotes: deps.remotes, dialogs: deps.dialogs, emit }),
    ...connectionHandlers({ manager: deps.manager, lookup, remotes: deps.remotes, playground, input: serverRequests, ...(signIn ? { signIn } : {}) }),
    ...(signIn?.handlers ?? noSignIn),
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
    ...doctorHandlers({ remotes: deps.remotes, playground, dialogs: deps.dialogs, emit }),
    ...sessionHandlers({ lookup, sessions: deps.sessions, sessionDir: deps.sessionDir, dialogs: deps.dialogs, opened }),
    ...exportHandlers({ lookup, sessions: deps.sessions, sessionDir: deps.sessionDir, dialogs: deps.dialogs, opened, ...(deps.bundleDoctor ? { doctor: deps.bundleDoctor } : {}), authDebugRunFor: (url) => authDebugRuns.latestFor(url) }),
    ...appHandlers({ playground, openExternal: deps.openExternal, settings: deps.settings }),
    ...authDebugHandlers({ remotes: deps.remotes, recent: authDebugRuns, playground, ...(deps.dialogs ? { dialogs: deps.dialogs } : {}), ...authorizationOpenerOf(deps) }),
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
          await opened.removeCopies();
          await playground.stop();
        }
      })();
      return shutdown;
    },
  };
}

/** Without a keychain and an opener there is no sign-in: said plainly. */
const noSignIn = {
  'oauth:status': async () => {
    throw signInUnavailable();
  },
  'oauth:sign-out': async () => {
    throw signInUnavailable();
  },
} satisfies Pick<CoreHandlers, 'oauth:status' | 'oauth:sign-out'>;

function signInUnavailable(): PeriscopeError {
  return new PeriscopeError({ kind: 'internal', message: 'Signing in with OAuth is not available here: this core was started without a keychain and a browser to open.', hint: 'Sign in from the desktop app.' });
}

export function createCoreHandlers(deps: CoreDeps): CoreHandlers {
  return createCoreService(deps).handlers;
}

/** The auth debugger's opener: the one given, else the system browser (openExternal); none in a core without either. */
function authorizationOpenerOf(deps: CoreDeps): { openAuthorizationUrl?: AuthorizationOpener } {
  if (deps.authorizationOpener) return { openAuthorizationUrl: deps.authorizationOpener };
  const openExternal = deps.openExternal;
  // The same guard as signing in: only an http(s) URL without credentials reaches the browser.
  return openExternal ? { openAuthorizationUrl: browserAuthorizationOpener(openExternal) } : {};
}
