import type { LogLevel } from '../../../shared/model/log-message';
import type { ConnectionInfo, ConnectionTargetInput, TraceEntry } from '../../../shared/model';
import type { ConnectionManagerPort, ConnectionPort } from '../../../main/core/service/ports';
import { PeriscopeError } from '../../../main/core/diagnostics/periscope-error';

/**
 * A ConnectionManager stand-in that records what the handlers asked for. Connecting to a URL
 * whose host is "refused.test" fails the way the real engine reports it: state 'failed' + error.
 */
export class FakeManager implements ConnectionManagerPort {
  readonly created: Array<{ target: ConnectionTargetInput; label?: string }> = [];
  readonly connections = new Map<string, FakeConnection>();
  readonly closed: string[] = [];
  closeAllCalls = 0;
  private traceListeners = new Set<(e: TraceEntry) => void>();
  private stateListeners = new Set<(i: ConnectionInfo) => void>();

  create(target: ConnectionTargetInput, opts: { label?: string } = {}): FakeConnection {
    this.created.push({ target, label: opts.label });
    const connection = new FakeConnection(`c${this.created.length}`, opts.label ?? 'x', target, this);
    this.connections.set(connection.id, connection);
    return connection;
  }
  get(id: string) {
    return this.connections.get(id);
  }
  list() {
    return [...this.connections.values()].map((c) => c.info());
  }
  async close(id: string) {
    this.closed.push(id);
    this.connections.delete(id);
  }
  async closeAll() {
    this.closeAllCalls++;
    for (const id of [...this.connections.keys()]) await this.close(id);
  }
  subscribe(listener: (e: TraceEntry) => void) {
    this.traceListeners.add(listener);
    return () => this.traceListeners.delete(listener);
  }
  onStateChange(listener: (i: ConnectionInfo) => void) {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }
  emitEntry(entry: TraceEntry) {
    for (const l of this.traceListeners) l(entry);
  }
  emitState(info: ConnectionInfo) {
    for (const l of this.stateListeners) l(info);
  }
  get listenerCount() {
    return this.traceListeners.size + this.stateListeners.size;
  }
}

export class FakeConnection implements ConnectionPort {
  private state: ConnectionInfo;
  readonly entries: TraceEntry[] = [];
  readonly buffer = { entries: () => this.entries, evicted: 0 };
  readonly calls: unknown[][] = [];

  constructor(
    readonly id: string,
    label: string,
    readonly target: ConnectionTargetInput,
    private readonly manager: FakeManager,
  ) {
    this.state = { connectionId: id, label, state: 'connecting', url: target.url, warnings: [] };
  }
  /** As McpConnection's: the target with its secrets, for the repro bundle's remote (masked there). */
  get givenTarget() {
    return this.target;
  }
  info() {
    return this.state;
  }
  async connect() {
    if (this.target.url && new URL(this.target.url).hostname === 'refused.test') {
      const error = { kind: 'refused' as const, message: 'Connection refused by refused.test:80', hint: 'Is the server running?' };
      this.state = { ...this.state, state: 'failed', error };
      this.manager.emitState(this.state);
      throw new PeriscopeError(error);
    }
    this.state = { ...this.state, state: 'connected', serverInfo: { name: 'fake', version: '1' } };
    this.manager.emitState(this.state);
    return this.state;
  }
  async reinitialize() {
    return this.connect();
  }
  async listTools() {
    return { tools: [{ name: 'echo', inputSchema: { type: 'object' } }] };
  }
  async callTool(name: string, args?: Record<string, unknown>, opts?: { timeoutMs?: number }) {
    this.calls.push(['callTool', name, args, opts]);
    return { content: [{ type: 'text', text: String(args?.text) }] };
  }
  async listResources() {
    return { resources: [] };
  }
  async listResourceTemplates() {
    return { resourceTemplates: [] };
  }
  async complete(ref: unknown, argument: { name: string; value: string }) {
    this.calls.push(['complete', ref, argument]);
    return { completion: { values: [`${argument.value}1`] } };
  }
  async listen(filter: { resourceSubscriptions?: string[] }) {
    this.calls.push(['listen', filter]);
    return { honored: filter, close: async () => void this.calls.push(['close-listen', filter]) };
  }
  async readResource(uri: string) {
    return { contents: [{ uri, text: 'x' }] };
  }
  async listPrompts() {
    return { prompts: [] };
  }
  async getPrompt(name: string) {
    return { messages: [{ role: 'user', content: { type: 'text', text: name } }] };
  }
  async ping() {
    return { latencyMs: 1.5 };
  }
  async callToolAsTask(name: string, args?: Record<string, unknown>) {
    this.calls.push(['callToolAsTask', name, args]);
    return { taskId: 't1', status: 'completed' as const, result: { content: [] }, history: [] };
  }
  logLevel?: LogLevel;
  async setLogLevel(level: LogLevel) {
    this.calls.push(['setLogLevel', level]);
    this.logLevel = level;
    return { via: 'logging/setLevel' as const };
  }
}
