import { installSdkWarningFilter } from './sdk-warnings';
import type { ConnectionInfo, ConnectionTargetInput } from '../../../shared/model/connection';
import type { TraceEntry } from '../../../shared/model/trace';
import { PeriscopeError } from '../diagnostics/periscope-error';
import type { ClientInputHandlers } from './input/client-input';
import { McpConnection } from './mcp-connection';
import type { McpConnectionOptions } from './mcp-connection-options';

export interface ConnectionManagerOptions {
  bufferCapacity?: number;
  /** Per connection: the most bytes its in-memory buffer holds. */
  bufferBudgetBytes?: number;
  /** Per entry: the most of one payload an in-memory copy keeps. */
  entryCapBytes?: number;
  /** When set, every connection records its session file here. */
  recordDir?: string;
  /** The cap of each session file in bytes, read when a connection is created (an app setting can change it). */
  sessionFileCapBytes?: number | (() => number | undefined);
  clientInfo?: { name: string; version: string };
  handlers?: ClientInputHandlers;
  /** WebSocket keep-alive for every connection (tests shorten it). */
  webSocket?: { pingIntervalMs?: number; pongTimeoutMs?: number };
  /** Break every connect down into DNS, TCP, TLS, first byte and handshake (McpConnectionOptions.measureSetup). */
  measureSetup?: boolean;
}

export interface CreateOptions {
  label?: string;
  recordTo?: string;
  connectionId?: string;
  /** This connection's answers to its server's requests, in place of the manager's. */
  handlers?: ClientInputHandlers;
  /** OAuth for this connection (HTTP transports), see McpConnectionOptions.oauth. */
  oauth?: McpConnectionOptions['oauth'];
}

/**
 * Any number of live connections, each fully independent (its own bus, buffer, file, client).
 * The manager only keeps the list and fans out their entries and state changes; closing or
 * breaking one connection never touches another.
 */
export class ConnectionManager {
  private readonly connections = new Map<string, McpConnection>();
  private readonly entryListeners = new Set<(entry: TraceEntry) => void>();
  private readonly stateListeners = new Set<(info: ConnectionInfo) => void>();

  constructor(private readonly options: ConnectionManagerOptions = {}) {
    // The client library's console warnings carry a server's text: never printed raw (sdk-warnings.ts).
    installSdkWarningFilter();
  }

  create(target: ConnectionTargetInput, opts: CreateOptions = {}): McpConnection {
    if (opts.connectionId && this.connections.has(opts.connectionId)) {
      throw new PeriscopeError({ kind: 'invalid-input', message: `The connection id ${opts.connectionId} is already in use`, hint: 'close that connection first, or let the manager pick an id' });
    }
    const connection = new McpConnection(target, {
      id: opts.connectionId,
      label: opts.label,
      clientInfo: this.options.clientInfo,
      handlers: opts.handlers ?? this.options.handlers,
      bufferCapacity: this.options.bufferCapacity,
      bufferBudgetBytes: this.options.bufferBudgetBytes,
      entryCapBytes: this.options.entryCapBytes,
      sessionFileCapBytes: typeof this.options.sessionFileCapBytes === 'function' ? this.options.sessionFileCapBytes() : this.options.sessionFileCapBytes,
      webSocket: this.options.webSocket,
      measureSetup: this.options.measureSetup,
      recordTo: opts.recordTo,
      // The connection names its file from its redacted label (a URL may carry ?api_key=...).
      recordDir: this.options.recordDir,
      onStateChange: (info) => this.notifyState(info),
      ...(opts.oauth ? { oauth: opts.oauth } : {}),
    });
    this.connections.set(connection.id, connection);
    connection.bus.subscribe((entry) => {
      for (const listener of this.entryListeners) {
        try {
          listener(entry);
        } catch {
          // One broken subscriber must not break the connection or the others.
        }
      }
    });
    return connection;
  }

  /** create + connect; rejects with a PeriscopeError (the failed connection stays listed). */
  async open(target: ConnectionTargetInput, opts?: CreateOptions): Promise<McpConnection> {
    const connection = this.create(target, opts);
    await connection.connect();
    return connection;
  }

  get(id: string): McpConnection | undefined {
    return this.connections.get(id);
  }

  /** Every connection's info; one whose info cannot be built is listed with what is known of it. */
  list(): ConnectionInfo[] {
    return [...this.connections.values()].map((c) => {
      try {
        return c.info();
      } catch (error) {
        return { connectionId: c.id, label: c.label, state: 'failed', warnings: [], error: { kind: 'internal', message: `The state of this connection cannot be shown: ${error instanceof Error ? error.message : String(error)}`, hint: 'close it and connect again; the trace has what happened' } };
      }
    });
  }

  async close(id: string): Promise<void> {
    const connection = this.connections.get(id);
    if (!connection) return;
    this.connections.delete(id);
    await connection.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.connections.keys()].map((id) => this.close(id)));
  }

  subscribe(listener: (entry: TraceEntry) => void): () => void {
    this.entryListeners.add(listener);
    return () => this.entryListeners.delete(listener);
  }

  onStateChange(listener: (info: ConnectionInfo) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private notifyState(info: ConnectionInfo): void {
    for (const listener of this.stateListeners) {
      try {
        listener(info);
      } catch {
        // as above
      }
    }
  }
}
