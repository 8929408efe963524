import type { ErrorInfo } from '../../../shared/model/error-info';
import type { TraceBus } from '../capture/trace-bus';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { FIX } from '../diagnostics/fixes';
import type { LiveSession } from './connection-attempt';

/** What the renewal needs from its connection. */
export interface RenewalHost {
  readonly bus: TraceBus;
  /** The connection's live session now, if any. */
  current(): LiveSession | undefined;
  /** Forgets the expired session and closes it, without a DELETE (the server no longer knows it). */
  drop(expired: LiveSession): Promise<void>;
  /** Connects again (the same transport, a fresh initialize); rejects with a PeriscopeError. */
  reconnect(): Promise<unknown>;
  /**
   * Restores what the old session held on the server (its resource subscriptions): the URIs
   * subscribed again and those that failed, with why. Never rejects.
   */
  restore?(session: LiveSession): Promise<{ uris: string[]; failed: Array<{ uri: string; message: string }> }>;
}

/**
 * A new session after the server forgot the old one. MCP 2025-03-26 and later, "Transports ›
 * Session Management": "When a client receives HTTP 404 in response to a request containing an
 * Mcp-Session-Id, it MUST start a new session by sending a new InitializeRequest without a session
 * ID attached". Done visibly: a lifecycle entry before and one after ("Session expired; initialized
 * a new one"). Requests that fail on the same expired session at once share one renewal.
 * The 2026-07-28 era has no sessions, so this never runs there.
 */
export class SessionRenewal {
  private pending?: { expired: LiveSession; renewed: Promise<LiveSession> };

  constructor(private readonly host: RenewalHost) {}

  /** The new session; rejects with the reconnect's own error when starting one fails. */
  renew(expired: LiveSession, info: ErrorInfo): Promise<LiveSession> {
    const current = this.host.current();
    // Someone else already renewed it: use theirs.
    if (current && current !== expired) return Promise.resolve(current);
    if (this.pending?.expired === expired) return this.pending.renewed;
    const renewed = this.start(expired, info).finally(() => {
      if (this.pending?.expired === expired) this.pending = undefined;
    });
    this.pending = { expired, renewed };
    return renewed;
  }

  private async start(expired: LiveSession, info: ErrorInfo): Promise<LiveSession> {
    const { bus } = this.host;
    const oldId = expired.inner.sessionId;
    bus.emit({
      type: 'lifecycle',
      state: 'info',
      text: `The server no longer knows session ${oldId ?? '(unknown)'} (${info.message}); starting a new session, as the MCP specification requires`,
      error: info,
    });
    await this.host.drop(expired);
    await this.host.reconnect();
    const session = this.host.current();
    if (!session) throw new PeriscopeError({ kind: 'session-expired', message: info.message, hint: 'reconnect to start a new session' });
    bus.emit({ type: 'lifecycle', state: 'info', text: `Session expired; initialized a new one (was ${oldId ?? 'unknown'}, now ${session.inner.sessionId ?? 'without a session id'})` });
    await this.restore(session);
    return session;
  }

  /** The subscriptions again, said in the trace: the ones restored, and each that failed and why. */
  private async restore(session: LiveSession): Promise<void> {
    const restored = await this.host.restore?.(session);
    if (!restored || restored.uris.length === 0) return;
    const { bus } = this.host;
    const again = restored.uris.filter((uri) => !restored.failed.some((f) => f.uri === uri));
    if (again.length > 0) bus.emit({ type: 'lifecycle', state: 'info', text: `Subscribed again on the new session to ${again.length} resource(s): ${again.join(', ')}` });
    for (const f of restored.failed) {
      bus.emit({ type: 'lifecycle', state: 'warning', text: `Could not subscribe again on the new session to ${f.uri}: ${f.message}; its updates will not arrive until it is subscribed again` });
    }
  }
}

/**
 * The error for a request that was not sent again on the new session: it may change state on the
 * server (a tools/call), so sending it twice is the user's call, not ours.
 */
export function notResent(info: ErrorInfo, what: string, session: LiveSession): PeriscopeError {
  return new PeriscopeError({
    kind: 'session-expired',
    message: `${info.message}. A new session is ready (${session.inner.sessionId ?? 'no session id'}), but ${what} was not sent again: it may change state on the server`,
    hint: `send ${what} again to run it in the new session; to stop at an expiry instead, turn off "start a new session when the server forgets this one"`,
    fixes: [FIX.sessionRenewal],
    detail: { ...info.detail, renewed: true, newSessionId: session.inner.sessionId },
  });
}
