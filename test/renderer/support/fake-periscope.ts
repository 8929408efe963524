import { useLogsStore } from '../../../renderer/stores/logs-store';
import { useSectionsStore } from '../../../renderer/stores/sections-store';
import { useToolCallsStore } from '../../../renderer/stores/tool-calls-store';
import { useToolsStore } from '../../../renderer/stores/tools-store';
import { useResourcesStore } from '../../../renderer/stores/resources-store';
import { usePromptsStore } from '../../../renderer/stores/prompts-store';
import { useServerRequestsStore } from '../../../renderer/stores/server-requests-store';
import { vi } from 'vitest';
import type { Channel, ChannelOutput, MainEvent } from '../../../shared/ipc/contract';
import { createPeriscopeApi } from '../../../shared/ipc/periscope-api';
import type { ErrorInfo } from '../../../shared/model/error-info';
import type { Remote } from '../../../shared/model/remote';
import { useConnectionsStore } from '../../../renderer/stores/connections-store';
import { useRemotesStore } from '../../../renderer/stores/remotes-store';
import { useSettingsStore } from '../../../renderer/stores/settings-store';
import { useTraceStore } from '../../../renderer/stores/trace-store';
import { useTraceViewStore } from '../../../renderer/stores/trace-view-store';
import { useTimelineStore } from '../../../renderer/stores/timeline-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import { useAuthDebugStore } from '../../../renderer/stores/auth-debug-store';
import { useMetricsStore } from '../../../renderer/stores/metrics-store';
import { useLoadRunsStore } from '../../../renderer/stores/load-runs-store';
import { useInstancesStore } from '../../../renderer/stores/instances-store';
import { useDoctorStore } from '../../../renderer/stores/doctor-store';
import { useChartViewStore } from '../../../renderer/stores/chart-view-store';
import { useSignInStore } from '../../../renderer/stores/sign-in-store';

/** Thrown by a handler to answer `{ ok: false, error }`. */
export class FakeFailure {
  constructor(readonly error: ErrorInfo) {}
}

type Handler<C extends Channel> = (input: never) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in Channel]?: Handler<C> };

/**
 * window.periscope built from the real contract (createPeriscopeApi) over an in-memory invoke,
 * so component tests exercise the same API shape as the preload.
 */
export function installFakePeriscope(handlers: Handlers = {}) {
  const listeners = new Set<(event: MainEvent) => void>();
  const invoke = vi.fn(async (channel: Channel, input: unknown) => {
    const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: { kind: 'internal', message: `No fake for ${channel}`, hint: 'Add one to the test.' } };
    try {
      return { ok: true, value: await handler(input) };
    } catch (e) {
      if (e instanceof FakeFailure) return { ok: false, error: e.error };
      throw e;
    }
  });
  const api = createPeriscopeApi(invoke, (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
  window.periscope = api;
  return {
    api,
    invoke,
    handlers,
    /** Inputs of every call made on a channel, in order. */
    calls: (channel: Channel) => invoke.mock.calls.filter(([c]) => c === channel).map(([, input]) => input),
    emit: (event: MainEvent) => listeners.forEach((l) => l(event)),
  };
}

export function resetStores(): void {
  useRemotesStore.setState({ remotes: [], status: 'idle', error: undefined });
  useConnectionsStore.setState({ infos: {}, remoteOf: {}, currentByRemote: {}, opening: {}, openErrors: {} });
  useTraceStore.setState({ traces: {} });
  useSettingsStore.setState({ settings: undefined });
  useTraceViewStore.setState({ filters: {}, selectedSeq: {} });
  useChartViewStore.setState({ views: {} });
  useTimelineStore.setState({ ranges: {} });
  useSectionsStore.setState({ active: {} });
  useToolsStore.setState({ slots: {} });
  useToolCallsStore.setState({ calls: {} });
  useResourcesStore.setState({ slots: {} });
  usePromptsStore.setState({ slots: {} });
  useMetricsStore.setState({ slots: {} });
  useLoadRunsStore.setState({ slots: {} });
  useInstancesStore.setState({ slots: {} });
  useDoctorStore.setState({ slots: {} });
  useLogsStore.setState({ slots: {} });
  useSignInStore.setState({ byRemote: {}, signingOut: {} });
  useServerRequestsStore.setState({ slots: {}, loaded: {} });
  useUiStore.setState({ tabs: [], activeTabId: undefined, editor: undefined, editorDirty: false, pendingDiscard: undefined, focusCard: undefined, notices: [], modal: undefined });
  useAuthDebugStore.getState().hide();
  // Remembered tabs and pane sizes belong to one window: each test starts as a fresh one.
  sessionStorage.clear();
  localStorage.clear();
}

export function makeRemote(over: Partial<Remote> = {}): Remote {
  return {
    id: 'r-playground',
    name: 'Playground',
    transport: 'streamable',
    url: 'http://127.0.0.1:4100/mcp',
    instances: [],
    args: [],
    env: {},
    headers: [],
    timeouts: {},
    tls: { caFiles: [], acceptInvalidCertificates: false },
    notes: '',
    protocolEra: 'auto',
    commandNeedsConfirmation: false,
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}

/** A promise whose resolution the test controls (to observe loading states). */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
