import type { ConnectionSetup, SetupPhase, TransportKind } from '../../../shared/model/connection';
import type { TraceEntry } from '../../../shared/model/trace';
import { monoNow } from '../capture/clock';
import type { TraceBus } from '../capture/trace-bus';
import type { SocketSetup } from './socket-setup';

const HANDSHAKE_METHODS = new Set(['initialize', 'server/discover']);

/**
 * Breaks one connect down into its phases (DNS, TCP, TLS, first byte, an OAuth sign-in when
 * one happened, initialize or discover), from two sources that already exist: the first socket's events
 * (socket-setup.ts, through the connection's private HTTP agent) and the trace bus (the first
 * HTTP exchange's response headers, the handshake request and its answer). Nothing is polled
 * and nothing extra is sent. Used per connect: start(), then finish() once connected.
 */
export class SetupTimer {
  private startedAt = 0;
  private socket: SocketSetup | undefined;
  private firstHeaders: { sent: number; headers: number } | undefined;
  private readonly handshakeRequests = new Map<number, { method: string; at: number }>();
  private handshake: { method: string; sentAt: number; answeredAt: number } | undefined;
  /** The first 401 of this connect, and when OAuth gave the new access token (authorized()). */
  private challengedAt: number | undefined;
  private authorizedAt: number | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly bus: TraceBus) {}

  /** Called when a connect begins: forgets the previous connect's figures. */
  start(): void {
    this.unsubscribe?.();
    this.startedAt = monoNow();
    this.socket = undefined;
    this.firstHeaders = undefined;
    this.handshake = undefined;
    this.challengedAt = undefined;
    this.authorizedAt = undefined;
    this.handshakeRequests.clear();
    this.unsubscribe = this.bus.subscribe((entry) => this.observe(entry));
  }

  /** The connection's agent opened a socket; the first one of this connect is the set-up's. */
  readonly onSocket = (setup: SocketSetup): void => {
    if (this.unsubscribe && !this.socket && setup.startedAt >= this.startedAt) this.socket = setup;
  };

  /** OAuth has just given the connect its access token: the sign-in ends here (see McpConnection). */
  authorized(): void {
    if (this.unsubscribe && this.challengedAt !== undefined) this.authorizedAt ??= monoNow();
  }

  /** Stops listening and returns the phases, relative to start(); undefined when start() was not called. */
  finish(transport: TransportKind | undefined): ConnectionSetup | undefined {
    if (!this.unsubscribe) return undefined;
    this.unsubscribe();
    this.unsubscribe = undefined;
    // Both ends of a phase are rounded on the connect's own clock, and its duration is their
    // difference: a phase then ends exactly where the next one starts. Rounding a start and a
    // duration each on its own could put a phase's end a microsecond past the next one's start.
    const at = (t: number) => round(t - this.startedAt);
    const span = (phase: SetupPhase['phase'], from: number, to: number, detail?: string): SetupPhase => {
      const startMs = at(from);
      return { phase, startMs, durationMs: round(at(to) - startMs), ...(detail === undefined ? {} : { detail }) };
    };
    const phases: SetupPhase[] = [];
    const notes: string[] = [];
    const socket = this.socket;
    if (socket) {
      const tcpStart = socket.lookedUpAt ?? socket.startedAt;
      if (socket.lookedUpAt !== undefined) phases.push(span('dns', socket.startedAt, socket.lookedUpAt, socket.remoteAddress));
      else notes.push('DNS: nothing to look up (the host is an IP address)');
      if (socket.connectedAt !== undefined) phases.push(span('tcp', tcpStart, socket.connectedAt, socket.remoteAddress));
      if (socket.securedAt !== undefined && socket.connectedAt !== undefined) phases.push(span('tls', socket.connectedAt, socket.securedAt));
      else if (socket.origin.startsWith('http:')) notes.push('TLS: none (the URL is http:)');
      const ready = socket.securedAt ?? socket.connectedAt;
      if (this.firstHeaders && ready !== undefined) {
        phases.push(span('first-byte', Math.max(this.firstHeaders.sent, ready), this.firstHeaders.headers));
      }
    } else {
      notes.push(noSocketNote(transport));
    }
    if (this.challengedAt !== undefined && this.authorizedAt !== undefined) {
      phases.push(span('authorization', this.challengedAt, this.authorizedAt, 'OAuth'));
    }
    if (this.handshake) {
      phases.push(span('handshake', this.handshake.sentAt, this.handshake.answeredAt, this.handshake.method));
    }
    return { totalMs: at(monoNow()), phases, notes };
  }

  private observe(entry: TraceEntry): void {
    if (entry.type === 'http') {
      if (!this.firstHeaders && entry.timings.headers !== undefined) this.firstHeaders = { sent: entry.timings.sent, headers: entry.timings.headers };
      if (entry.status === 401 && this.challengedAt === undefined) this.challengedAt = entry.timings.headers ?? entry.monoTime;
      return;
    }
    if (entry.type !== 'message') return;
    if (entry.direction === 'outgoing' && entry.messageKind === 'request' && entry.method && HANDSHAKE_METHODS.has(entry.method)) {
      this.handshakeRequests.set(entry.seq, { method: entry.method, at: entry.monoTime });
    } else if (entry.direction === 'incoming' && entry.requestSeq !== undefined) {
      const request = this.handshakeRequests.get(entry.requestSeq);
      // The last answered handshake wins: auto-detection may probe server/discover, then initialize.
      if (request && entry.messageKind === 'response') this.handshake = { method: request.method, sentAt: request.at, answeredAt: entry.monoTime };
    }
  }
}

function noSocketNote(transport: TransportKind | undefined): string {
  if (transport === 'stdio') return 'stdio: no network set-up (a local process)';
  if (transport === 'websocket') return 'WebSocket: the socket set-up is not broken down';
  return 'No new socket was opened for this connect (one was reused)';
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
