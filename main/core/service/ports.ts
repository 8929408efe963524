import type { Root, ServerRequestPolicy, AppSettings, AppSettingsPatch, ConnectionInfo, ConnectionTargetInput, ErrorInfo, Remote, RemoteInput, TraceEntry } from '../../../shared/model';
import type { ImportOutcome, PlaygroundInfo } from '../../../shared/ipc/contract';
import type { LatencySamples, MetricsSnapshot } from '../../../shared/model/metrics';
import type { LogLevel } from '../../../shared/model/log-message';
import type { TaskStatusUpdate } from '../../../shared/model/task';
import type { ClientInputHandlers } from '../connections/input/client-input';
import type { ConnectionOAuth } from '../auth/connection-oauth';
import type { InstanceTarget } from '../remotes/instance-targets';

/**
 * What the handlers need from the core, as narrow structural interfaces. The real classes
 * (ConnectionManager, RemoteService, the playground) satisfy them; unit tests hand in small
 * stand-ins. Nothing here knows Electron (ARCHITECTURE.md rule 4).
 */

/** The part of an McpConnection the handlers call. Every method rejects only with a PeriscopeError. */
export interface ConnectionPort {
  readonly id: string;
  readonly buffer: { entries(): TraceEntry[]; readonly evicted: number };
  /** Where the trace is kept beyond memory (absent: memory only). */
  readonly trace?: RecordedTrace;
  info(): ConnectionInfo;
  connect(): Promise<ConnectionInfo>;
  reinitialize(): Promise<ConnectionInfo>;
  listTools(): Promise<unknown>;
  /** `onProgress` gets each notifications/progress; aborting `signal` cancels the call; see CallToolOptions. */
  callTool(
    name: string,
    args?: Record<string, unknown>,
    opts?: { timeoutMs?: number; signal?: AbortSignal; unvalidatedOutput?: boolean; onProgress?: (progress: { progress: number; total?: number; message?: string }) => void },
  ): Promise<unknown>;
  listResources(): Promise<unknown>;
  listResourceTemplates(): Promise<unknown>;
  complete(ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }, argument: { name: string; value: string }, contextArguments?: Record<string, string>): Promise<unknown>;
  /** resources/subscribe (2025) or subscriptions/listen (2026-07-28); see ConnectionRequests.listen. */
  listen(filter: ListenFilter): Promise<{ honored: ListenFilter; close(): Promise<void>; ended?: Promise<'local' | 'graceful' | 'remote'> }>;
  readResource(uri: string): Promise<unknown>;
  listPrompts(): Promise<unknown>;
  getPrompt(name: string, args?: Record<string, string>): Promise<unknown>;
  ping(): Promise<{ latencyMs: number }>;
  /** Any JSON-RPC request by method name, its result unchecked (see ConnectionRequests.sendRequest). */
  sendRequest?(method: string, params?: Record<string, unknown>): Promise<unknown>;
  /** tools/call as a task (MCP 2025-11-25, or the 2026-07-28 tasks extension); see ConnectionRequests.callToolAsTask. */
  callToolAsTask(
    name: string,
    args?: Record<string, unknown>,
    opts?: { signal?: AbortSignal; onStatus?: (update: TaskStatusUpdate) => void },
  ): Promise<{ taskId: string; status: TaskStatusUpdate['status']; result?: Record<string, unknown>; history: TaskStatusUpdate[]; immediate?: boolean }>;
  /** logging/setLevel (2025), or the level kept for later requests' _meta (2026-07-28). */
  setLogLevel(level: LogLevel): Promise<{ via: 'logging/setLevel' | 'request-meta' }>;
  readonly logLevel?: LogLevel;
  /** notifications/roots/list_changed (2025 era); 'modern' when the era has no such notification. */
  notifyRootsListChanged?(): Promise<'sent' | 'modern'>;
  /** Masks the connection's known secrets in a value that leaves the engine. */
  readonly masker?: { value<T>(value: T): T };
  /** The target as given, secrets included: only for describing the remote through bundleRemote (which masks it). */
  readonly givenTarget?: ConnectionTargetInput;
}

/** A connection's session file as the handlers use it (see ConnectionTrace). */
export interface RecordedTrace {
  readonly sessionFile: string | undefined;
  /** True once the in-memory entries were dropped (closed connection): read the file instead. */
  readonly released: boolean;
  flush(): Promise<void>;
  /** Entries memory holds that the file does not (recording stopped at its cap). */
  notRecorded(): TraceEntry[];
  release(): boolean;
}

export interface ConnectionManagerPort {
  create(target: ConnectionTargetInput, opts?: { label?: string; handlers?: ClientInputHandlers; oauth?: ConnectionOAuth }): ConnectionPort;
  get(id: string): ConnectionPort | undefined;
  list(): ConnectionInfo[];
  close(id: string): Promise<void>;
  closeAll(): Promise<void>;
  subscribe(listener: (entry: TraceEntry) => void): () => void;
  onStateChange(listener: (info: ConnectionInfo) => void): () => void;
}

/** What a subscriptions/listen asks for (2026-07-28 SubscriptionFilter): list changes and resource URIs. */
export interface ListenFilter {
  toolsListChanged?: boolean;
  promptsListChanged?: boolean;
  resourcesListChanged?: boolean;
  resourceSubscriptions?: string[];
}

export interface RemotesPort {
  list(): Promise<Remote[]>;
  get(idOrName: string): Promise<Remote | undefined>;
  create(input: RemoteInput): Promise<{ remote: Remote; warnings: string[] }>;
  update(idOrName: string, input: RemoteInput): Promise<{ remote: Remote; warnings: string[] }>;
  duplicate(idOrName: string, name?: string): Promise<{ remote: Remote; warnings: string[] }>;
  remove(idOrName: string): Promise<unknown>;
  confirmCommand(idOrName: string): Promise<Remote>;
  /** Stores how the remote answers its server's requests (policy) and the roots it offers. */
  setServerRequests?(idOrName: string, patch: { policy?: ServerRequestPolicy; roots?: Root[] }): Promise<Remote>;
  resolveForConnection(idOrName: string): Promise<{ target: ConnectionTargetInput; label: string }>;
  /** Every instance of a group (its own URL first), each with the remote's settings; one for an ordinary remote. */
  resolveGroupForConnection?(idOrName: string): Promise<InstanceTarget[]>;
  importText(text: string): Promise<{ entries: Array<ImportOutcome & { source?: string }> }>;
  exportRemotes(options: { ids?: string[]; includeSecrets?: boolean }): Promise<unknown[]>;
}

/** Starts the built-in playground; called at most once per app run (see PlaygroundHost). */
export type PlaygroundLauncher = () => Promise<PlaygroundInfo & { close(): Promise<void> }>;

/** The system file dialogs; undefined when the user cancels. main/app passes Electron's, tests pass scripted ones. */
export interface FileDialogs {
  chooseFileToOpen(request: DialogRequest): Promise<string | undefined>;
  chooseFileToSave(request: DialogRequest & { defaultName: string }): Promise<string | undefined>;
}
export interface DialogRequest {
  title: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

/** Reading and writing session files (NDJSON, see main/core/capture/session-file.ts). */
export interface SessionFilesPort {
  write(path: string, entries: TraceEntry[]): Promise<void>;
  /**
   * For display: entries as memory keeps them (huge or too-deep payloads cut, with a marker),
   * the last ones only (`evicted` counts the rest), lines that could not be read as `problems`.
   */
  read(path: string): Promise<SessionFileView>;
  /** Copies a recorded file (every entry whole) and appends `later` entries; resolves with the entry count. */
  copy?(from: string, to: string, later: TraceEntry[]): Promise<number>;
}

export interface SessionFileView {
  header: { format: string; version: number; createdAt?: number };
  entries: TraceEntry[];
  evicted?: number;
  problems?: ErrorInfo[];
  /** The analytics of every request in the file (not only the entries kept for display). */
  metrics?: MetricsSnapshot;
  latencySamples?: LatencySamples;
}

/** The app's settings (see SettingsStore). */
export interface SettingsPort {
  readonly current: AppSettings;
  update(patch: AppSettingsPatch): Promise<AppSettings>;
}

export interface ExternalOpener {
  (url: string): Promise<void>;
}
