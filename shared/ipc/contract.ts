import * as z from 'zod';
import { ConnectionInfo, TimeoutMs } from '../model/connection';
import { Remote, RemoteDraft } from '../model/remote';
import { SignInStatus, SignOutResult } from '../model/remote-oauth';
import { AppSettings, AppSettingsPatch } from '../model/settings';
import { LatencySamples, MetricsSnapshot } from '../model/metrics';
import { LogLevel } from '../model/log-message';
import { InstanceSpread, LoadPlan, LoadRequest } from '../model/load-run';
import { InstanceCheck, SendToAllResult } from '../model/instance-group';
import { DoctorRun } from '../model/doctor';
import { PendingServerRequest, Roots, ServerRequestAnswer, ServerRequestPolicy, SettledServerRequest } from '../model/server-request';
import { Id, NoInput, Done, Cancelled, Tool, InvalidListItem, Resource, ResourceTemplate, CompletionRef, Prompt, McpResult, MAX_ARGUMENTS_CHARS, ToolCallOutcome, RemoteSaved, ImportReport, ExportRequest, ExportDone, TraceSnapshot, SessionSaved, Base64Blob, ResourceSaved, OpenedSession, LogSnapshot, PlaygroundInfo, HarExported, BundleSaved, OpenedBundle } from './contract-shapes';
export { HarExported, BundleSaved, BundleSummary, OpenedBundle } from './contract-shapes';
import { AuthDebugRun, AuthDebugStepName } from '../model/auth-debug';
export { ToolCallOutcome, RemoteSaved, ImportOutcome, ImportReport, ExportRequest, ExportDone, TraceSnapshot, SessionSaved, MAX_SAVED_BLOB_CHARS, ResourceSaved, OpenedSession, LogSnapshot, PlaygroundInfo } from './contract-shapes';

/**
 * The one IPC contract between the renderer and the main process (ARCHITECTURE.md rule 1).
 * Every channel is `domain:verb` with a zod schema for its input and its output. main/ipc
 * validates every input with these schemas; the preload and the e2e test bridge derive the
 * `window.periscope` API from this table (shared/ipc/periscope-api.ts).
 *
 * Secrets: the renderer may SEND a secret header value (RemoteDraft headers' `value`), but
 * never receives one: a Remote's secret headers arrive with `value: ''` and `has_value`.
 *
 * File dialogs live in main: import, export, session save and session open take no path from
 * the renderer (a path from the renderer would let a compromised page read or write any file).
 */
const OnConnection = z.object({ connectionId: Id });

/** An auth debugger run as it stands: the run so far and the step `next` runs (none when over). */
const AuthDebugProgress = z.object({ runId: Id, run: AuthDebugRun, nextStep: AuthDebugStepName.optional() });

export const contract = {
  'remotes:list': { input: NoInput, output: z.array(Remote) },
  'remotes:get': { input: z.object({ remoteId: Id }), output: Remote },
  'remotes:create': { input: z.object({ draft: RemoteDraft }), output: RemoteSaved },
  'remotes:update': { input: z.object({ remoteId: Id, draft: RemoteDraft }), output: RemoteSaved },
  'remotes:duplicate': { input: z.object({ remoteId: Id, name: z.string().trim().min(1).max(100).optional() }), output: Remote },
  'remotes:remove': { input: z.object({ remoteId: Id }), output: Done },
  /**
   * The user saw an imported stdio remote's command (command, args, env names) and lets it run:
   * clears `commandNeedsConfirmation`. connections:open refuses such a remote with the
   * `needs-confirmation` error kind (its detail holds the command review) until then.
   */
  'remotes:confirm-command': { input: z.object({ remoteId: Id }), output: Remote },
  /** Main shows the open dialog. */
  'remotes:import': { input: NoInput, output: z.union([Cancelled, ImportReport]) },
  /** Main shows the save dialog. */
  'remotes:export': { input: ExportRequest, output: z.union([Cancelled, ExportDone]) },

  /**
   * Resolves with the connection's info even when connecting fails: then `state` is 'failed'
   * and `error` says why, and the connection's trace shows what went over the wire. It fails
   * ({ ok: false }) only when nothing could be attempted (unknown remote, missing secret...).
   */
  'connections:open': { input: z.object({ remoteId: Id }), output: ConnectionInfo },
  'connections:close': { input: OnConnection, output: Done },
  'connections:list': { input: NoInput, output: z.array(ConnectionInfo) },
  'connections:reinitialize': { input: OnConnection, output: ConnectionInfo },
  'connections:list-tools': { input: OnConnection, output: z.looseObject({ tools: z.array(Tool), invalid: z.array(InvalidListItem).optional() }) },
  /**
   * tools/call. The workbench sends `argumentsJson`, the arguments as the JSON text the user
   * typed, so that main can send every number exactly (7960607143101464577 is no JavaScript
   * number); it wins over `arguments`. With a `callId` the call can be cancelled
   * (connections:cancel-call) and its progress arrives as 'call-progress' events.
   */
  'connections:call-tool': {
    input: OnConnection.extend({
      name: z.string().min(1),
      arguments: z.record(z.string(), z.unknown()).optional(),
      argumentsJson: z.string().max(MAX_ARGUMENTS_CHARS).optional(),
      /** The call's own timeout; capped like every timeout, since a longer timer fires at once. */
      timeoutMs: TimeoutMs.optional(),
      callId: Id.optional(),
      /** Run it as a task (MCP 2025-11-25, or the 2026-07-28 tasks extension, SEP-2663): status changes arrive as 'task-status' events; cancel sends tasks/cancel. */
      asTask: z.boolean().optional(),
    }),
    output: ToolCallOutcome,
  },
  /** Cancels a call started with that callId: notifications/cancelled (2025), the request aborted (2026-07-28). */
  'connections:cancel-call': { input: OnConnection.extend({ callId: Id }), output: z.object({ cancelled: z.boolean() }) },
  'connections:list-resources': { input: OnConnection, output: z.looseObject({ resources: z.array(Resource), invalid: z.array(InvalidListItem).optional() }) },
  'connections:read-resource': { input: OnConnection.extend({ uri: z.string().min(1) }), output: McpResult },
  'connections:list-resource-templates': { input: OnConnection, output: z.looseObject({ resourceTemplates: z.array(ResourceTemplate), invalid: z.array(InvalidListItem).optional() }) },
  /**
   * completion/complete: suggestions for `argument` as typed so far; `context` holds the other
   * arguments already filled in. Fails with the server's error when it offers no completions.
   */
  'connections:complete': {
    input: OnConnection.extend({
      ref: CompletionRef,
      argument: z.object({ name: z.string().min(1), value: z.string().max(4096) }),
      context: z.record(z.string(), z.string()).optional(),
    }),
    output: z.looseObject({ completion: z.looseObject({ values: z.array(z.string()), total: z.number().optional(), hasMore: z.boolean().optional() }) }),
  },
  /**
   * Asks to hear when a resource changes: resources/subscribe (2025) or a subscriptions/listen
   * stream (2026-07-28). Each notifications/resources/updated for it then arrives as a
   * 'resource-updated' event. `honored` is false when the server declined the URI.
   */
  'connections:subscribe-resource': { input: OnConnection.extend({ uri: z.string().min(1) }), output: z.object({ honored: z.boolean() }) },
  /** resources/unsubscribe (2025) or the listen stream closed (2026-07-28). */
  'connections:unsubscribe-resource': { input: OnConnection.extend({ uri: z.string().min(1) }), output: Done },
  /** Request analytics (per method and per tool, resource or prompt name), live or of a closed connection. */
  'connections:metrics': { input: OnConnection, output: MetricsSnapshot },
  /** The answered requests (time, latency, method) from sequence number `since` on, for the latency charts. */
  'connections:latency-samples': { input: OnConnection.extend({ since: z.number().int().nonnegative().optional() }), output: LatencySamples },
  /** Main shows the save dialog and writes a read resource's blob (base64, as shown) as bytes. */
  'connections:save-resource-contents': {
    input: OnConnection.extend({ uri: z.string().min(1).max(8192), mimeType: z.string().max(255).optional(), blob: Base64Blob }),
    output: z.union([Cancelled, ResourceSaved]),
  },
  'connections:list-prompts': { input: OnConnection, output: z.looseObject({ prompts: z.array(Prompt), invalid: z.array(InvalidListItem).optional() }) },
  'connections:get-prompt': {
    input: OnConnection.extend({ name: z.string().min(1), arguments: z.record(z.string(), z.string()).optional() }),
    output: McpResult,
  },
  'connections:ping': { input: OnConnection, output: z.object({ latencyMs: z.number(), method: z.enum(['ping', 'server/discover']).optional() }) },
  /** The server log messages (notifications/message) kept so far; later ones arrive as 'log-messages' events. */
  'logs:snapshot': { input: OnConnection, output: LogSnapshot },
  /**
   * Asks for log messages from `level` up: logging/setLevel (2025 era), or the level sent in the
   * `_meta` of every later request (2026-07-28, which has no setLevel): `via` says which.
   */
  'logs:set-level': { input: OnConnection.extend({ level: LogLevel }), output: z.object({ via: z.enum(['logging/setLevel', 'request-meta']) }) },

  /**
   * Requests from the server (elicitation, sampling, roots) on one connection: those waiting for
   * an answer and those settled, oldest first. Later ones arrive as 'server-request' and
   * 'server-request-settled' events.
   */
  'server-requests:list': {
    input: OnConnection,
    output: z.object({
      pending: z.array(PendingServerRequest),
      settled: z.array(SettledServerRequest),
      /** The connection declared the roots capability (with listChanged) when it opened. */
      rootsDeclared: z.boolean(),
    }),
  },
  /**
   * Answers a pending request: accept (with the form's content) / decline / cancel an
   * elicitation; reply / reject a sampling request. Fails with `not-found` when it is no longer
   * pending and `invalid-input` when the answer does not fit its method.
   */
  'server-requests:answer': { input: OnConnection.extend({ requestId: Id, answer: ServerRequestAnswer }), output: Done },
  /**
   * Stores a remote's policy for its server's requests and its roots. A changed roots list is
   * announced (notifications/roots/list_changed) on each live 2025-era connection of the remote
   * (every connection the app opens declares roots, with listChanged); `notified` counts them.
   */
  'remotes:set-server-requests': {
    input: z.object({ remoteId: Id, policy: ServerRequestPolicy.optional(), roots: Roots.optional() }),
    output: z.object({ remote: Remote, notified: z.number().int() }),
  },

  /**
   * Starts a load run in main on a live connection (the runner `periscope load` uses): `request`
   * sent over and over as `plan` says. Resolves with the run's id at once; 'load-progress' events
   * follow (about 10 a second), then one 'load-ended' with the result. A plan that cannot run
   * fails with `invalid-input`, its `detail.field` naming the field.
   */
  'load:start': {
    input: OnConnection.extend({
      request: LoadRequest,
      plan: LoadPlan,
      /**
       * A group's run (with `remoteId`, the group): spread round-robin over one short-lived
       * connection per instance, or the whole plan on each instance in turn; the result carries
       * each instance's figures. Absent: the run goes over the tab's own connection.
       */
      instances: InstanceSpread.optional(),
      remoteId: Id.optional(),
    }),
    output: z.object({ runId: z.string() }),
  },
  /** Stops a run: nothing more is sent; its 'load-ended' carries the partial result, `cancelled: true`. */
  'load:cancel': { input: z.object({ runId: Id }), output: z.object({ cancelled: z.boolean() }) },
  /**
   * Main shows the save dialog and writes a run's requests as an Artillery scenario, built from the
   * connection's trace (the last such request that went out); `env` names the environment
   * variables the scenario reads in place of secret values.
   */
  'load:export-artillery': {
    input: OnConnection.extend({ request: LoadRequest, plan: LoadPlan }),
    output: z.union([Cancelled, z.object({ cancelled: z.literal(false), path: z.string(), env: z.array(z.string()) })]),
  },

  /**
   * Who a remote is signed in as with OAuth (read from the keychain): readable token claims
   * (sub, email, name), issuer, scopes and expiry; never a token, code or secret.
   */
  'oauth:status': { input: z.object({ remoteId: Id }), output: SignInStatus },
  /** Sign out: revoke the remote's tokens where the authorization server offers it, then forget them in the keychain. */
  'oauth:sign-out': { input: z.object({ remoteId: Id }), output: SignOutResult },
  /**
   * A group's Instances panel: each instance's /health and /ready (status, latency, the body's
   * status) and one liveness round trip (ping or server/discover) on a short-lived connection of
   * its own. Fails with `invalid-input` for a remote that is not a group.
   */
  'group:check': { input: z.object({ remoteId: Id }), output: z.object({ instances: z.array(InstanceCheck) }) },
  /**
   * Send to all: the same tools/call on every instance of the group (each on a short-lived
   * connection), the answers grouped and the differing paths listed (compareAnswers); `ignore`
   * names paths left out of the comparison (e.g. `_meta`).
   */
  'group:send-to-all': {
    input: z.object({
      remoteId: Id,
      name: z.string().min(1).max(1000),
      argumentsJson: z.string().max(MAX_ARGUMENTS_CHARS).optional(),
      ignore: z.array(z.string().max(500)).max(50).optional(),
    }),
    output: SendToAllResult,
  },

  /**
   * The connection doctor on a saved remote (no connection needs to be open): URL, DNS, TCP, TLS,
   * HTTP, health, transport and era, initialize, auth and metrics, each timed with a verdict, a
   * finding and a fix (main/core/doctor/run-doctor.ts). Secrets are masked in the report. A
   * group's instances are checked in turn, one report each. A stdio remote is refused with
   * `invalid-input`.
   */
  'doctor:run': { input: z.object({ remoteId: Id }), output: DoctorRun },
  /** Main shows the save dialog and writes the remote's last doctor report as JSON (a group's: `{ label, instances: [report...] }`, as the CLI's). */
  'doctor:export': { input: z.object({ remoteId: Id }), output: z.union([Cancelled, z.object({ cancelled: z.literal(false), path: z.string() })]) },

  /** The initial fill when a view mounts; later entries arrive as 'trace' events, never by polling. */
  'trace:snapshot': { input: OnConnection, output: TraceSnapshot },

  /** Main shows the save dialog and writes the connection's entries (already redacted). */
  'session:save': { input: OnConnection, output: z.union([Cancelled, SessionSaved]) },
  /** Main shows the open dialog and returns the file's entries. */
  'session:open': { input: NoInput, output: z.union([Cancelled, OpenedSession]) },

  /**
   * HAR 1.2 of a connection's HTTP exchanges (its session file whole when it records one, else
   * the entries memory holds), already masked; main shows the save dialog.
   */
  'trace:export-har': { input: OnConnection, output: z.union([Cancelled, HarExported]) },
  /**
   * HAR 1.2 of a session file or bundle this window opened (its `path` as session:open or
   * bundle:open returned it; any other path is refused); main shows the save dialog.
   */
  'session:export-har': { input: z.object({ path: z.string().min(1).max(4096) }), output: z.union([Cancelled, HarExported]) },
  /** A repro bundle of a connection (remote without secrets, trace, HAR, versions); main shows the save dialog. */
  'bundle:save': { input: OnConnection, output: z.union([Cancelled, BundleSaved]) },
  /** Main shows the open dialog, checks the bundle and returns its session (as session:open) and summary. */
  'bundle:open': { input: NoInput, output: z.union([Cancelled, OpenedBundle]) },

  /** Starts the built-in playground server on 127.0.0.1 if it is not running yet. */
  'playground:ensure-started': { input: NoInput, output: PlaygroundInfo },

  /** The app's settings (e.g. the session file cap); a change applies to connections opened after it. */
  'settings:get': { input: NoInput, output: AppSettings },
  'settings:update': { input: z.object({ patch: AppSettingsPatch }), output: AppSettings },

  /**
   * The guided auth debugger (main/core/auth-debug): needs no connection. `start` checks the
   * target (a saved remote's URL, or any http(s) URL) and sends nothing yet; each `next` runs one
   * step (the authorization step opens the system browser) and answers with the whole run so far,
   * masked. `export` writes the run where the user picks (secrets masked); `close` forgets it.
   */
  'auth-debug:start': {
    input: z.object({
      remoteId: Id.optional(),
      url: z.string().trim().max(4096).optional(),
      clientId: z.string().trim().max(500).optional(),
      scope: z.string().trim().max(1000).optional(),
    }),
    output: AuthDebugProgress,
  },
  'auth-debug:next': { input: z.object({ runId: Id }), output: AuthDebugProgress },
  'auth-debug:export': { input: z.object({ runId: Id }), output: z.union([Cancelled, z.object({ cancelled: z.literal(false), path: z.string() })]) },
  'auth-debug:close': { input: z.object({ runId: Id }), output: Done },

  /** Opens an http(s) URL in the system browser; any other scheme is refused. */
  'app:open-external': { input: z.object({ url: z.string().max(4096) }), output: Done },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What a caller passes (defaults not yet applied). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after validation, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}


export { EVENT_CHANNEL } from './event-channel';
export { MainEvent, type MainEventType } from './main-events';
export { InvokeEnvelope, type InvokeResult } from './invoke-envelope';
