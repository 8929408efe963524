import type { Channel, ChannelInput, ChannelOutput, InvokeResult, MainEvent } from './contract';

/**
 * Builds the domain-shaped `window.periscope` from the contract (ARCHITECTURE.md rule 2). The
 * preload calls it with ipcRenderer.invoke; the e2e test bridge with a WebSocket: both therefore
 * expose exactly the same API. Calls resolve with `{ ok, value | error }` and never reject with
 * an Error, because an Error crossing the context bridge loses everything but its message.
 */
export type Invoke = (channel: Channel, input: unknown) => Promise<unknown>;
export type Subscribe = (listener: (event: MainEvent) => void) => () => void;

type Call<C extends Channel, A extends unknown[]> = (...args: A) => Promise<InvokeResult<ChannelOutput<C>>>;

export function createPeriscopeApi(invoke: Invoke, subscribe: Subscribe) {
  function call<C extends Channel, A extends unknown[]>(channel: C, toInput: (...args: A) => ChannelInput<C>): Call<C, A> {
    return async (...args: A) => settle<ChannelOutput<C>>(channel, () => invoke(channel, toInput(...args)));
  }
  const none = () => undefined;
  const onConnection = (connectionId: string) => ({ connectionId });

  return {
    remotes: {
      list: call('remotes:list', none),
      get: call('remotes:get', (remoteId: string) => ({ remoteId })),
      create: call('remotes:create', (draft: RemoteDraftInput) => ({ draft })),
      update: call('remotes:update', (remoteId: string, draft: RemoteDraftInput) => ({ remoteId, draft })),
      duplicate: call('remotes:duplicate', (remoteId: string, name?: string) => ({ remoteId, name })),
      remove: call('remotes:remove', (remoteId: string) => ({ remoteId })),
      /** Lets an imported stdio remote's command run (after the user saw it in a dialog). */
      confirmCommand: call('remotes:confirm-command', (remoteId: string) => ({ remoteId })),
      /** Shows the system open dialog. */
      import: call('remotes:import', none),
      /** Shows the system save dialog. */
      export: call('remotes:export', (options: { remoteIds?: string[]; includeSecrets?: boolean } = {}) => options),
    },
    connections: {
      open: call('connections:open', (remoteId: string) => ({ remoteId })),
      close: call('connections:close', onConnection),
      list: call('connections:list', none),
      reinitialize: call('connections:reinitialize', onConnection),
      listTools: call('connections:list-tools', onConnection),
      callTool: call('connections:call-tool', (connectionId: string, name: string, args?: Record<string, unknown>, timeoutMs?: number) => ({
        connectionId,
        name,
        arguments: args,
        timeoutMs,
      })),
      /** tools/call with the arguments as JSON text (numbers sent exactly), cancellable by callId. */
      runTool: call('connections:call-tool', (connectionId: string, request: { name: string; argumentsJson: string; callId: string; timeoutMs?: number; asTask?: boolean }) => ({
        connectionId,
        ...request,
      })),
      cancelCall: call('connections:cancel-call', (connectionId: string, callId: string) => ({ connectionId, callId })),
      listResources: call('connections:list-resources', onConnection),
      readResource: call('connections:read-resource', (connectionId: string, uri: string) => ({ connectionId, uri })),
      listResourceTemplates: call('connections:list-resource-templates', onConnection),
      complete: call('connections:complete', (connectionId: string, request: Omit<ChannelInput<'connections:complete'>, 'connectionId'>) => ({ connectionId, ...request })),
      subscribeResource: call('connections:subscribe-resource', (connectionId: string, uri: string) => ({ connectionId, uri })),
      unsubscribeResource: call('connections:unsubscribe-resource', (connectionId: string, uri: string) => ({ connectionId, uri })),
      metrics: call('connections:metrics', (connectionId: string) => ({ connectionId })),
      latencySamples: call('connections:latency-samples', (connectionId: string, since?: number) => ({ connectionId, ...(since !== undefined ? { since } : {}) })),
      saveResourceContents: call('connections:save-resource-contents', (connectionId: string, contents: { uri: string; mimeType?: string; blob: string }) => ({ connectionId, ...contents })),
      listPrompts: call('connections:list-prompts', onConnection),
      getPrompt: call('connections:get-prompt', (connectionId: string, name: string, args?: Record<string, string>) => ({
        connectionId,
        name,
        arguments: args,
      })),
      ping: call('connections:ping', onConnection),
    },
    serverRequests: {
      list: call('server-requests:list', onConnection),
      answer: call('server-requests:answer', (connectionId: string, requestId: string, answer: ChannelInput<'server-requests:answer'>['answer']) => ({ connectionId, requestId, answer })),
      /** Stores the remote's policy and/or roots (roots changes are announced to live 2025-era connections). */
      configure: call('remotes:set-server-requests', (remoteId: string, patch: { policy?: ChannelInput<'remotes:set-server-requests'>['policy']; roots?: ChannelInput<'remotes:set-server-requests'>['roots'] }) => ({ remoteId, ...patch })),
    },
    load: {
      /** Starts a load run in main; its progress and end arrive as 'load-progress' and 'load-ended' events. */
      start: call(
        'load:start',
        (connectionId: string, request: ChannelInput<'load:start'>['request'], plan: ChannelInput<'load:start'>['plan'], group?: { remoteId: string; instances: NonNullable<ChannelInput<'load:start'>['instances']> }) => ({
          connectionId,
          request,
          plan,
          ...(group ? { remoteId: group.remoteId, instances: group.instances } : {}),
        }),
      ),
      cancel: call('load:cancel', (runId: string) => ({ runId })),
      exportArtillery: call('load:export-artillery', (connectionId: string, request: ChannelInput<'load:export-artillery'>['request'], plan: ChannelInput<'load:export-artillery'>['plan']) => ({ connectionId, request, plan })),
    },
    oauth: {
      /** Who the remote is signed in as (readable claims, issuer, scopes, expiry). */
      status: call('oauth:status', (remoteId: string) => ({ remoteId })),
      /** Revoke where offered, then forget the remote's tokens. */
      signOut: call('oauth:sign-out', (remoteId: string) => ({ remoteId })),
    },
    group: {
      /** Each instance's /health, /ready and one liveness round trip, on connections of their own. */
      check: call('group:check', (remoteId: string) => ({ remoteId })),
      /** The same tool call to every instance, answers compared. */
      sendToAll: call('group:send-to-all', (remoteId: string, name: string, argumentsJson?: string, ignore?: string[]) => ({
        remoteId,
        name,
        ...(argumentsJson !== undefined ? { argumentsJson } : {}),
        ...(ignore && ignore.length > 0 ? { ignore } : {}),
      })),
    },
    doctor: {
      /** Runs the connection doctor on a saved remote; no connection needs to be open. */
      run: call('doctor:run', (remoteId: string) => ({ remoteId })),
      /** Shows the system save dialog for the remote's last report (JSON). */
      export: call('doctor:export', (remoteId: string) => ({ remoteId })),
    },
    trace: {
      snapshot: call('trace:snapshot', onConnection),
      /** HAR of a connection's HTTP exchanges; shows the system save dialog. */
      exportHar: call('trace:export-har', onConnection),
    },
    logs: {
      snapshot: call('logs:snapshot', onConnection),
      setLevel: call('logs:set-level', (connectionId: string, level: ChannelInput<'logs:set-level'>['level']) => ({ connectionId, level })),
    },
    session: {
      /** Shows the system save dialog. */
      save: call('session:save', onConnection),
      /** Shows the system open dialog; the entries come back read-only. */
      open: call('session:open', none),
      /** HAR of a session file or bundle opened in this window (by its path); shows the save dialog. */
      exportHar: call('session:export-har', (path: string) => ({ path })),
    },
    bundle: {
      /** Shows the system save dialog. */
      save: call('bundle:save', onConnection),
      /** Shows the system open dialog; the bundle's session comes back read-only with its summary. */
      open: call('bundle:open', none),
    },
    playground: {
      ensureStarted: call('playground:ensure-started', none),
    },
    settings: {
      get: call('settings:get', none),
      update: call('settings:update', (patch: ChannelInput<'settings:update'>['patch']) => ({ patch })),
    },
    authDebug: {
      /** Prepares a run for a saved remote or a URL; nothing is sent until `next`. */
      start: call('auth-debug:start', (target: ChannelInput<'auth-debug:start'>) => target),
      /** Runs one step; resolves with the whole run so far. */
      next: call('auth-debug:next', (runId: string) => ({ runId })),
      /** Shows the system save dialog and writes the run (secrets masked). */
      exportRun: call('auth-debug:export', (runId: string) => ({ runId })),
      close: call('auth-debug:close', (runId: string) => ({ runId })),
    },
    app: {
      openExternal: call('app:open-external', (url: string) => ({ url })),
    },
    /** Every event from main; returns the function that stops listening. */
    onEvent(listener: (event: MainEvent) => void): () => void {
      return subscribe(listener);
    },
  };
}

type RemoteDraftInput = ChannelInput<'remotes:create'>['draft'];

export type PeriscopeApi = ReturnType<typeof createPeriscopeApi>;

async function settle<T>(channel: Channel, run: () => Promise<unknown>): Promise<InvokeResult<T>> {
  try {
    const result = await run();
    if (isEnvelope(result)) return result as InvokeResult<T>;
    return failure(`The main process answered ${channel} with something that is not a result.`);
  } catch (error) {
    // Only transport failures land here (the window is closing, the bridge is gone); handlers
    // themselves always answer with an envelope.
    const message = error instanceof Error ? error.message : String(error);
    return failure(`The call ${channel} did not reach the main process: ${message}`);
  }
}

function isEnvelope(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const ok = (value as { ok: unknown }).ok;
  return ok === true || (ok === false && typeof (value as { error?: unknown }).error === 'object');
}

function failure(message: string): InvokeResult<never> {
  return { ok: false, error: { kind: 'internal', message, hint: 'Restart MCP Periscope; if it happens again, report it with the steps that led here.' } };
}

declare global {
  interface Window {
    /** Exposed by the preload (main/preload) or, in end-to-end tests, by the test bridge. */
    periscope: PeriscopeApi;
  }
}
