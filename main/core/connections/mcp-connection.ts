import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ConnectionInfo, ConnectionTarget, ConnectionTargetInput, TransportKind } from '../../../shared/model/connection';
import { ConnectionTarget as TargetSchema } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { createRecordingFetch } from '../capture/recording-fetch';
import { redactorForTarget, type Redactor } from '../capture/redaction';
import type { TraceBuffer } from '../capture/trace-buffer';
import type { TraceBus } from '../capture/trace-bus';
import { toErrorInfo } from '../diagnostics/classify-error';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { connectSession, type EraRequest, type LiveSession } from './connection-attempt';
import type { EraOutcome } from './era/connect-in-era';
import { establishSession } from './establish-session';
import { sessionInfo } from './session-info';
import { FailureEvidence } from './failure-evidence';
import { ConnectionTrace } from './connection-trace';
import { sessionFileName } from './session-recording';
import { createTlsSetup, type TlsSetup } from './tls-dispatcher';
import { SetupTimer } from './setup-timer';
import { requestOptions, type PerRequestOptions } from './timeouts';
import { describeHeaders, headerRecord, type TransportContext } from './transport-context';
import { ConnectionRequests } from './connection-requests';
import { parseConnectionTarget } from './connection-target';
import { SessionRenewal } from './session-renewal';
import { nobodyListens, refusedAfterLoss, requestFailureEffect, STREAM_GAVE_UP } from './connection-loss';
import { cancelledConnect, connectFailureInfo, notConnected, requestFailureInfo } from './failure-words';

import { DEFAULT_CLIENT_INFO, type McpConnectionOptions } from './mcp-connection-options';
import { oauthFlowFailure, withAuthorization } from '../auth/connection-oauth';

export { DEFAULT_CLIENT_INFO, type McpConnectionOptions };

/**
 * One connection to one MCP server, fully independent of every other: its own bus, buffer,
 * session file, redactor, TLS agent and SDK client. Every method rejects only with a
 * PeriscopeError whose ErrorInfo is built from the thrown error plus what this connection's
 * trace knows (the failed HTTP exchange, the WebSocket close code, the server's stderr).
 *
 * Its surface is where server-supplied text leaves the engine, and every exit is redacted with
 * the connection's Redactor: trace entries (at the bus), the info (label, server info,
 * instructions, session id, era text, errors: at setState), request results and progress
 * (at ConnectionRequests.run and sdkOptions), and errors (at failure). `lastEventId` alone stays
 * raw: it is a token to send back to the server, never shown.
 */
export class McpConnection extends ConnectionRequests {
  readonly id: string;
  readonly bus: TraceBus;
  readonly buffer: TraceBuffer;
  /** Bus, buffer and session file of this connection's trace. */
  readonly trace: ConnectionTrace;
  readonly label: string;
  private readonly input: ConnectionTargetInput;
  private readonly redactor: Redactor;
  private readonly evidence: FailureEvidence;
  private state: ConnectionInfo = { connectionId: '', label: '', state: 'closed', warnings: [] };
  private target?: ConnectionTarget;
  private tls?: TlsSetup;
  private session?: LiveSession;
  private connecting?: Promise<ConnectionInfo>;
  /** Lets close() stop a connect that is still waiting on a slow or silent server. */
  private readonly closing = new AbortController();
  private closed = false;
  private readonly renewal: SessionRenewal;
  /** Breaks each connect into DNS, TCP, TLS, first byte and handshake (options.measureSetup). */
  private readonly setupTimer?: SetupTimer;

  constructor(
    target: ConnectionTargetInput,
    private readonly options: McpConnectionOptions = {},
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
    if (options.measureSetup) this.setupTimer = new SetupTimer(this.bus);
    this.renewal = new SessionRenewal({
      bus: this.bus,
      current: () => (this.state.state === 'connected' ? this.session : undefined),
      drop: async (expired) => {
        if (this.session === expired) this.session = undefined;
        await expired.close({ terminate: false }).catch(() => undefined);
      },
      reconnect: () => (this.connecting ??= this.doConnect().finally(() => (this.connecting = undefined))),
      restore: (session) => this.resubscribe(session),
    });
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

  /** Masks this connection's known secrets (all encodings) in text or a value, for output made outside the engine. */
  get masker(): Pick<Redactor, 'text' | 'value' | 'contains'> {
    return this.redactor;
  }

  /** The last SSE event id seen on a response stream: pass it as resumptionToken to resume. */
  get lastEventId(): string | undefined {
    return this.session?.lastEventId;
  }

  connect(): Promise<ConnectionInfo> {
    if (this.state.state === 'connected') return Promise.resolve(this.info());
    this.connecting ??= this.doConnect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** A fresh transport and client, initialized again (after an expired session, for example). */
  async reinitialize(): Promise<ConnectionInfo> {
    if (this.closed) throw this.closedError();
    await this.connecting?.catch(() => undefined);
    const previous = this.session;
    this.session = undefined;
    if (previous) {
      this.bus.emit({ type: 'lifecycle', state: 'info', text: 'Reinitializing: closing the old session and starting a new one' });
      await previous.close().catch(() => undefined);
    }
    return this.connect();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    // First: a connect waiting for the user to sign in (the loopback redirect) gives up now.
    await this.options.oauth?.close();
    await this.connecting?.catch(() => undefined);
    const session = this.session;
    this.session = undefined;
    await session?.close().catch(() => undefined);
    await this.tls?.close();
    if (this.state.state !== 'closed' || session) {
      this.setState({ state: 'closed' });
      this.bus.emit({ type: 'lifecycle', state: 'closed', text: 'Connection closed', info: this.info() });
    }
    this.evidence.dispose();
    await this.trace.close();
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

  protected async renewExpired(expired: LiveSession, failure: PeriscopeError): Promise<LiveSession | undefined> {
    if (!this.renewsSessions() || this.closed) return undefined;
    return this.renewal.renew(expired, failure.info);
  }

  protected currentClient(): LiveSession['client'] | undefined {
    return this.state.state === 'connected' ? this.session?.client : undefined;
  }

  private renewsSessions(): boolean {
    return this.target?.reinitializeOnSessionExpiry ?? true;
  }

  /** A request's result leaves the engine (CLI output, the renderer): no known secret in it. */
  protected redacted<T>(result: T): T {
    return this.redactor.value(result);
  }

  private async doConnect(): Promise<ConnectionInfo> {
    if (this.closed) throw this.closedError();
    // Connecting again after a failure (an expired session): the old client must not linger.
    const stale = this.session;
    this.session = undefined;
    await stale?.close().catch(() => undefined);
    this.setState({ state: 'connecting', error: undefined });
    await this.trace.open();
    this.bus.emit({ type: 'lifecycle', state: 'connecting', text: `Connecting to ${this.label}${describeHeaders(this.redactor, this.input.headers ?? [])}`, info: this.info() });
    this.evidence.reset();
    this.setupTimer?.start();
    try {
      const target = this.parseTarget();
      this.tls ??= await createTlsSetup(target.tls, this.setupTimer?.onSocket);
      this.setState({ warnings: [...this.tls.warnings] });
      const ctx = await this.transportContext(this.tls, target);
      const establish = () => establishSession(target, {
        bus: this.bus,
        evidence: this.evidence,
        knownTransport: this.state.transport,
        attempt: (kind, era, url, deadlineMs) => this.attempt(kind, era, target, ctx, url, deadlineMs),
        classify: (error, kind) => this.classifyConnectError(error, kind, target),
        onDetection: (detection) => this.setState({ detection }),
      });
      const authorized = () => {
        this.setupTimer?.authorized();
        this.bus.emit({ type: 'lifecycle', state: 'info', text: 'Authorized (OAuth): trying again with the new access token' });
      };
      return this.connected(await withAuthorization(this.options.oauth, establish, authorized));
    } catch (error) {
      this.setupTimer?.finish(undefined);
      // Closed while still connecting: the user stopped it; whatever the attempt died of (an abort
      // looks like the connect timeout to the classifier) is not the story.
      const classified = this.closing.signal.aborted
        ? cancelledConnect(this.label)
        : this.redactor.errorInfo(error instanceof PeriscopeError ? error.info : toErrorInfo(error, { url: this.state.url, phase: 'connect' }));
      // A failure inside the OAuth flow (discovery, registration, token request) is an auth failure.
      const info = this.options.oauth?.flowEntered ? this.redactor.errorInfo(oauthFlowFailure(classified)) : classified;
      this.setState({ state: 'failed', error: info });
      this.bus.emit({ type: 'lifecycle', state: 'error', text: info.message, error: info });
      throw new PeriscopeError(info, { cause: error instanceof PeriscopeError ? (error.cause ?? error) : error });
    }
  }

  private attempt(kind: TransportKind, era: EraRequest, target: ConnectionTarget, ctx: TransportContext, url: URL | undefined, deadlineMs: number) {
    return connectSession({
      kind,
      era,
      url,
      target,
      ctx,
      clientInfo: this.options.clientInfo ?? DEFAULT_CLIENT_INFO,
      handlers: this.options.handlers,
      deadlineMs,
      signal: this.closing.signal,
      webSocket: this.options.webSocket,
      onTransportError: (error) => this.transportError(error),
      onUnexpectedClose: (session) => this.unexpectedClose(session),
      onOrphan: (orphan) => this.evidence.noteOrphan(orphan),
      takeEventData: () => this.evidence.takeEventData(),
    });
  }

  private connected({ session, detection }: EraOutcome): ConnectionInfo {
    this.session = session;
    const setup = this.setupTimer?.finish(session.kind);
    this.setState({ ...sessionInfo(session, detection), state: 'connected', error: undefined, connectedAt: Date.now(), ...(setup ? { setup } : {}) });
    const info = this.info();
    const era = session.era === 'modern' ? `2026-07-28 era` : '2025 era';
    this.bus.emit({ type: 'lifecycle', state: 'connected', text: `Connected to ${info.serverInfo?.name ?? 'the server'} over ${session.kind} (${era}, version ${info.protocolVersion ?? 'unknown'})`, info });
    return info;
  }

  private unexpectedClose(session: LiveSession): void {
    if (this.session !== session || this.closed) return;
    const error = this.redactor.errorInfo(toErrorInfo(new Error('Connection closed'), this.evidence.context({ url: this.state.url, transport: session.kind, phase: 'request' })));
    this.lost(error);
  }

  /** A transport error reported outside any request: the event stream gave up reconnecting. */
  private transportError(error: Error): void {
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

  private failureScene(url: string | undefined, transport: TransportKind | undefined) {
    // The Authorization value sent, for the explainer to read a bearer token's claims (never shown itself).
    const authorization = this.target?.headers.find((h) => h.name.trim().toLowerCase() === 'authorization')?.value;
    return { evidence: this.evidence, redactor: this.redactor, url, transport, ...(authorization ? { authorization } : {}) };
  }

  private classifyConnectError(error: unknown, kind: TransportKind, target: ConnectionTarget): Promise<ErrorInfo> {
    return connectFailureInfo(error, { ...this.failureScene(target.url, kind), connectTimeoutMs: target.timeouts.connectMs, ...(this.tls?.ca ? { ca: this.tls.ca } : {}) });
  }

  private parseTarget(): ConnectionTarget {
    if (this.target) return this.target;
    this.target = parseConnectionTarget(this.input);
    return this.target;
  }

  private async transportContext(tls: TlsSetup, target: ConnectionTarget): Promise<TransportContext> {
    const fetch = createRecordingFetch(this.bus, this.redactor, { baseFetch: tls.fetch });
    const ctx: TransportContext = { bus: this.bus, redactor: this.redactor, headers: headerRecord(target.headers), tls, fetch };
    const oauth = this.options.oauth;
    if (oauth && target.url && target.transport !== 'stdio' && target.transport !== 'websocket') {
      const authorizing = (url: URL | undefined) => this.setState({ signIn: url ? { host: url.host, startedAt: Date.now() } : undefined });
      ctx.authProvider = await oauth.prepare(target.url, fetch, (value) => value && this.redactor.addSecretValue(value), { authorizing });
      ctx.fetch = oauth.transportFetch(fetch);
    }
    return ctx;
  }


  protected override async authorizedAgain(): Promise<boolean> {
    return (await this.options.oauth?.finishPending()) ?? false;
  }

  /** The only writer of the info: what a server said (name, instructions, session id...) is redacted here. */
  private setState(patch: Partial<ConnectionInfo>): void {
    this.state = this.redactor.value({ ...this.state, ...patch });
    for (const key of Object.keys(this.state) as Array<keyof ConnectionInfo>) if (this.state[key] === undefined) delete this.state[key];
    this.options.onStateChange?.(this.info());
  }

  private closedError(): PeriscopeError {
    return new PeriscopeError({ kind: 'closed', message: `The connection "${this.label}" was closed`, hint: 'open it again to send more requests' });
  }
}

