import type { ConnectionInfo, ConnectionTarget, ConnectionTargetInput, TransportKind } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { createRecordingFetch } from '../capture/recording-fetch';
import { SESSION_ID_ON_MODERN } from '../capture/http-header-checks';
import type { TraceBus } from '../capture/trace-bus';
import { toErrorInfo } from '../diagnostics/classify-error';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { connectSession, type EraRequest, type LiveSession } from './connection-attempt';
import type { EraOutcome } from './era/connect-in-era';
import { establishSession } from './establish-session';
import { sessionInfo } from './session-info';
import { createTlsSetup, type TlsSetup } from './tls-dispatcher';
import { SetupTimer } from './setup-timer';
import { describeHeaders, headerRecord, type TransportContext } from './transport-context';
import { LiveConnection } from './live-connection';
import { parseConnectionTarget } from './connection-target';
import { SessionRenewal } from './session-renewal';
import { cancelledConnect, connectFailureInfo } from './failure-words';

import { DEFAULT_CLIENT_INFO, type McpConnectionOptions } from './mcp-connection-options';
import { withAuthorization } from '../auth/connection-oauth';
import { oauthFlowFailure } from '../auth/oauth-flow-failure';

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
 * (at RequestRunner.run and sdkOptions), and errors (at failure). `lastEventId` alone stays
 * raw: it is a token to send back to the server, never shown.
 *
 * McpConnection itself connects and closes; the state between connects, and what requests and
 * transport events do to it, is LiveConnection's.
 */
export class McpConnection extends LiveConnection {
  private tls?: TlsSetup;
  private connecting?: Promise<ConnectionInfo>;
  /** Lets close() stop a connect that is still waiting on a slow or silent server. */
  private readonly closing = new AbortController();
  private readonly renewal: SessionRenewal;
  /** Breaks each connect into DNS, TCP, TLS, first byte and handshake (options.measureSetup). */
  private readonly setupTimer?: SetupTimer;

  constructor(target: ConnectionTargetInput, options: McpConnectionOptions = {}) {
    super(target, options);
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
    // Every entry of the connection before its last one and the session file's end.
    this.bus.settle();
    await this.tls?.close();
    if (this.state.state !== 'closed' || session) {
      this.setState({ state: 'closed' });
      this.bus.emit({ type: 'lifecycle', state: 'closed', text: 'Connection closed', info: this.info() });
    }
    this.evidence.dispose();
    await this.trace.close();
  }

  protected async renewExpired(expired: LiveSession, failure: PeriscopeError): Promise<LiveSession | undefined> {
    if (!this.renewsSessions() || this.closed) return undefined;
    return this.renewal.renew(expired, failure.info);
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
      const sessionIdSign = firstWarning(this.bus, (warning) => warning.startsWith(SESSION_ID_ON_MODERN));
      const establish = () => establishSession(target, {
        bus: this.bus,
        evidence: this.evidence,
        knownTransport: this.state.transport,
        attempt: (kind, era, url, deadlineMs) => this.attempt(kind, era, target, ctx, url, deadlineMs),
        authFlow: () => this.authFlow(),
        classify: (error, kind) => this.classifyConnectError(error, kind, target),
        onDetection: (detection) => this.setState({ detection }),
      });
      const authorized = () => {
        this.setupTimer?.authorized();
        this.bus.emit({ type: 'lifecycle', state: 'info', text: 'Authorized (OAuth): trying again with the new access token' });
      };
      try {
        const outcome = await withAuthorization(this.options.oauth, establish, authorized);
        // The set-up's exchanges whole (their timings and warnings) before the connection says what it found.
        this.bus.settle();
        return this.connected(outcome, sessionIdSign.found());
      } finally {
        sessionIdSign.stop();
      }
    } catch (error) {
      this.bus.settle();
      this.setupTimer?.finish(undefined);
      // Closed while still connecting: the user stopped it; whatever the attempt died of (an abort
      // looks like the connect timeout to the classifier) is not the story.
      const classified = this.closing.signal.aborted
        ? cancelledConnect(this.label)
        : this.redactor.errorInfo(error instanceof PeriscopeError ? error.info : toErrorInfo(error, { url: this.state.url, phase: 'connect' }));
      // A failure inside the OAuth flow (discovery, registration, token request) is an auth failure.
      const info = this.options.oauth?.flowEntered ? this.redactor.errorInfo(oauthFlowFailure(classified, this.options.oauth?.attemptEvidence)) : classified;
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

  /** `sessionIdSign`: the trace's warning that a modern answer carried Mcp-Session-Id, shown with the connection's. */
  private connected({ session, detection }: EraOutcome, sessionIdSign?: string): ConnectionInfo {
    this.session = session;
    const setup = this.setupTimer?.finish(session.kind);
    const warnings = session.era === 'modern' && sessionIdSign ? { warnings: [...this.state.warnings, sessionIdSign] } : {};
    this.setState({ ...sessionInfo(session, detection), state: 'connected', error: undefined, connectedAt: Date.now(), ...(setup ? { setup } : {}), ...warnings });
    const info = this.info();
    const era = session.era === 'modern' ? `2026-07-28 era` : '2025 era';
    this.bus.emit({ type: 'lifecycle', state: 'connected', text: `Connected to ${info.serverInfo?.name ?? 'the server'} over ${session.kind} (${era}, version ${info.protocolVersion ?? 'unknown'})`, info });
    return info;
  }

  /** Whether this attempt entered the OAuth flow, and the status (401 or 403) that started it. */
  private authFlow(): { status?: number } | undefined {
    const oauth = this.options.oauth;
    if (!oauth?.flowEntered) return undefined;
    const status = oauth.attemptEvidence.challenge?.status;
    return status === undefined ? {} : { status };
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
    // One limit for a message, whatever carries it: a WebSocket message, an HTTP body or event.
    const fetch = createRecordingFetch(this.bus, this.redactor, { baseFetch: tls.fetch, ...(target.maxMessageBytes ? { maxAnswerBytes: target.maxMessageBytes } : {}) });
    const ctx: TransportContext = { bus: this.bus, redactor: this.redactor, headers: headerRecord(target.headers), tls, fetch };
    const oauth = this.options.oauth;
    if (oauth && target.url && target.transport !== 'stdio' && target.transport !== 'websocket') {
      const authorizing = (url: URL | undefined) => this.setState({ signIn: url ? { host: url.host, startedAt: Date.now() } : undefined });
      ctx.authProvider = await oauth.prepare(target.url, fetch, (value) => value && this.redactor.addSecretValue(value), { authorizing });
      ctx.fetch = oauth.transportFetch(fetch);
    }
    return ctx;
  }
}

/** The first entry warning that `matches`, from now until stop(). */
function firstWarning(bus: TraceBus, matches: (warning: string) => boolean): { found(): string | undefined; stop(): void } {
  let found: string | undefined;
  const stop = bus.subscribe((entry) => {
    if (found === undefined && 'warnings' in entry) found = entry.warnings?.find(matches);
  });
  return { found: () => found, stop };
}
