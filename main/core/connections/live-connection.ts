import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ConnectionInfo, ConnectionTarget, ConnectionTargetInput, TransportKind } from '../../../shared/model/connection';
import { ConnectionTarget as TargetSchema } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { redactorForTarget, type Redactor } from '../capture/redaction';
import type { TraceBuffer } from '../capture/trace-buffer';
import type { TraceBus } from '../capture/trace-bus';
import { toErrorInfo } from '../diagnostics/classify-error';
import { PeriscopeError } from '../diagnostics/periscope-error';
import type { LiveSession } from './connection-attempt';
import { nobodyListens, refusedAfterLoss, requestFailureEffect, STREAM_GAVE_UP } from './connection-loss';
import { ConnectionRequests } from './connection-requests';
import { ConnectionTrace } from './connection-trace';
import { FailureEvidence } from './failure-evidence';
import { notConnected, requestFailureInfo } from './failure-words';
import type { McpConnectionOptions } from './mcp-connection-options';
import { sessionFileName } from './session-recording';
import { requestOptions, type PerRequestOptions } from './timeouts';

/**
 * A connection between its connects: who it is (id, label, redactor, trace), its info (the state),
 * the live session its requests run on or why there is none, and what a failed request or a
 * dropped transport does to them. McpConnection adds connecting and closing.
 */
export abstract class LiveConnection extends ConnectionRequests {
  readonly id: string;
  readonly bus: TraceBus;
  readonly buffer: TraceBuffer;
  /** Bus, buffer and session file of this connection's trace. */
  readonly trace: ConnectionTrace;
  readonly label: string;
  protected readonly input: ConnectionTargetInput;
  protected readonly redactor: Redactor;
  protected readonly evidence: FailureEvidence;
  /** Written only through setState. */
  protected state: ConnectionInfo = { connectionId: '', label: '', state: 'closed', warnings: [] };
  protected target?: ConnectionTarget;
  protected session?: LiveSession;
  protected closed = false;

  constructor(
    target: ConnectionTargetInput,
    protected readonly options: McpConnectionOptions,
  ) {
    super();
    this.id = options.id ?? randomUUID();
    this.input = target;
    // Built first: it learns every secret of the target (headers, URL credentials, stdio env).
    this.redactor = redactorForTarget(target);
    const shownUrl = target.url ? this.redactor.url(target.url) : undefined;
    const label = options.label || shownUrl || [target.command, ...(target.args ?? [])].filter(Boolean).join(' ') || this.id;
    this.label = this.redactor.url(label, { learn: false });
    // The file's name is made from the redacted label: a name on disk is output too.
    const recordTo = options.recordTo ?? (options.recordDir ? join(options.recordDir, sessionFileName(this.label)) : undefined);
    this.trace = new ConnectionTrace(this.id, { label: this.label, connectionId: this.id }, { ...options, recordTo }, this.redactor);
    this.bus = this.trace.bus;
    this.buffer = this.trace.buffer;
    this.evidence = new FailureEvidence(this.bus);
    this.state = { connectionId: this.id, label: this.label, state: 'closed', warnings: [], ...(shownUrl ? { url: shownUrl } : {}) };
  }

  info(): ConnectionInfo {
    return structuredClone(this.state);
  }

  /**
   * The target as it was given, secrets included: main-process code that must describe the
   * remote (a repro bundle's, through bundleRemote, which masks it) reads it here. Never output it as is.
   */
  get givenTarget(): ConnectionTargetInput {
    return this.input;
  }

  /**
   * Masks this connection's known secrets (all encodings) in text or a value, for output made
   * outside the engine. Capture's later work (LaterWork) is finished first: the output is then in
   * order after the trace of the exchanges before it.
   */
  get masker(): Pick<Redactor, 'text' | 'value' | 'contains'> {
    return {
      text: (s) => (this.bus.settle(), this.redactor.text(s)),
      value: (v) => (this.bus.settle(), this.redactor.value(v)),
      contains: (s) => (this.bus.settle(), this.redactor.contains(s)),
    };
  }

  /** The last SSE event id seen on a response stream: pass it as resumptionToken to resume. */
  get lastEventId(): string | undefined {
    return this.session?.lastEventId;
  }

  protected liveSession(): LiveSession {
    if (this.session && this.state.state === 'connected') return this.session;
    if (this.closed) throw this.closedError();
    if (this.state.state === 'lost' && this.state.error) throw new PeriscopeError(refusedAfterLoss(this.label, this.state.error));
    throw new PeriscopeError(this.state.error ?? notConnected());
  }

  private timeouts() {
    return (this.target ?? TargetSchema.parse({ transport: 'auto' })).timeouts;
  }

  protected sdkOptions(opts?: PerRequestOptions) {
    const session = this.session;
    // Progress messages are server text on their way to the user.
    const onProgress = opts?.onProgress;
    const redacted = onProgress ? { ...opts, onProgress: (progress: Parameters<typeof onProgress>[0]) => onProgress(this.redactor.value(progress)) } : opts;
    return {
      ...requestOptions(this.timeouts(), redacted),
      onresumptiontoken: (token: string) => {
        if (session) session.lastEventId = token;
      },
    };
  }

  /**
   * Any failure of a request, as a PeriscopeError. An expired session, or a server that no longer
   * takes connections, also changes the state: the badge must not say "Connected" while every
   * request fails.
   */
  protected async failure(error: unknown): Promise<PeriscopeError> {
    // The failed exchange's entries first: the words below are read from them (failure-evidence.ts).
    this.bus.settle();
    const info = await requestFailureInfo(error, this.failureScene(this.state.url, this.state.transport));
    const effect = requestFailureEffect(info, { state: this.state.state, transport: this.state.transport, renewsSessions: this.renewsSessions() });
    if (effect === 'expired') {
      this.setState({ state: 'failed', error: info });
      this.bus.emit({ type: 'lifecycle', state: 'error', text: info.message, error: info });
    } else if (effect === 'lost') {
      this.lost(info);
    } else if (effect === 'lost-if-nobody-listens') {
      void nobodyListens(this.state.url).then((gone) => gone && this.lost(info));
    }
    return new PeriscopeError(info, { cause: error });
  }

  protected beginRequest(): void {
    this.evidence.reset();
  }

  protected currentClient(): LiveSession['client'] | undefined {
    return this.state.state === 'connected' ? this.session?.client : undefined;
  }

  protected renewsSessions(): boolean {
    return this.target?.reinitializeOnSessionExpiry ?? true;
  }

  /** A request's result leaves the engine (CLI output, the renderer): no known secret in it. */
  protected redacted<T>(result: T): T {
    return this.redactor.value(result);
  }

  protected override async authorizedAgain(): Promise<boolean> {
    return (await this.options.oauth?.finishPending()) ?? false;
  }

  protected unexpectedClose(session: LiveSession): void {
    if (this.session !== session || this.closed) return;
    const error = this.redactor.errorInfo(toErrorInfo(new Error('Connection closed'), this.evidence.context({ url: this.state.url, transport: session.kind, phase: 'request' })));
    this.lost(error);
  }

  /** A transport error reported outside any request: the event stream gave up reconnecting. */
  protected transportError(error: Error): void {
    this.evidence.noteTransportError(error);
    if (this.state.state !== 'connected' || !STREAM_GAVE_UP.test(error.message)) return;
    const info = this.redactor.errorInfo(toErrorInfo(error, this.evidence.context({ url: this.state.url, transport: this.state.transport, phase: 'request' })));
    this.lost({ ...info, message: `The server's event stream is gone: ${info.message}` });
  }

  /**
   * The server went away under a live connection: the session is let go (no reconnect loop goes
   * on in the background), the state is 'lost' with the reason, and requests are refused with it.
   */
  private lost(error: ErrorInfo): void {
    if (this.closed || this.state.state !== 'connected') return;
    const session = this.session;
    this.session = undefined;
    void session?.close({ terminate: false }).catch(() => undefined);
    this.setState({ state: 'lost', error });
    this.bus.emit({ type: 'lifecycle', state: 'error', text: `Connection lost: ${error.message}`, error, info: this.info() });
  }

  protected failureScene(url: string | undefined, transport: TransportKind | undefined) {
    // The Authorization value sent, for the explainer to read a bearer token's claims (never shown itself).
    const authorization = this.target?.headers.find((h) => h.name.trim().toLowerCase() === 'authorization')?.value;
    return { evidence: this.evidence, redactor: this.redactor, url, transport, ...(authorization ? { authorization } : {}) };
  }

  /** The only writer of the info: what a server said (name, instructions, session id...) is redacted here. */
  protected setState(patch: Partial<ConnectionInfo>): void {
    this.state = this.redactor.value({ ...this.state, ...patch });
    for (const key of Object.keys(this.state) as Array<keyof ConnectionInfo>) if (this.state[key] === undefined) delete this.state[key];
    this.options.onStateChange?.(this.info());
  }

  protected closedError(): PeriscopeError {
    return new PeriscopeError({ kind: 'closed', message: `The connection "${this.label}" was closed`, hint: 'open it again to send more requests' });
  }
}
