import type { RequestOptions } from '@modelcontextprotocol/client';
import type { PeriscopeError } from '../diagnostics/periscope-error';
import type { LiveSession } from './connection-attempt';
import { notResent } from './session-renewal';
import type { PerRequestOptions } from './timeouts';

/**
 * Sends a connection's requests on its live session (see run). The connection supplies the hooks:
 * its session, its request options, its failures in words, its renewal of an expired session.
 */
export abstract class RequestRunner {
  protected abstract liveSession(): LiveSession;
  protected abstract sdkOptions(opts?: PerRequestOptions): RequestOptions;
  protected abstract failure(error: unknown): Promise<PeriscopeError>;
  protected abstract beginRequest(): void;
  /**
   * A new session in place of one the server forgot (HTTP 404 on its session id), or undefined
   * when the connection is set to stop at an expiry instead (see SessionRenewal).
   */
  protected abstract renewExpired(expired: LiveSession, failure: PeriscopeError): Promise<LiveSession | undefined>;

  /** The result as it may leave the engine (known secrets masked). */
  protected abstract redacted<T>(result: T): T;
  /**
   * After a failed request: true when an OAuth authorization the SDK started during it (a
   * step-up on 403 insufficient_scope) has completed, so the request is sent once more.
   */
  protected authorizedAgain(): Promise<boolean> {
    return Promise.resolve(false);
  }

  /**
   * Runs one request on the live session. When the server has forgotten the session, a new one is
   * started (unless the connection stops at expiries) and the request is sent once more on it;
   * except a request named in `notResentAs`, which is reported instead (the new session is ready).
   * Reads (lists, resources/read, prompts/get, ping) are safe to send again: the server refused
   * the first one without running it, since it did not know the session.
   */
  protected async run<T>(work: (client: LiveSession['client'], options: RequestOptions) => Promise<T>, opts?: PerRequestOptions, notResentAs?: string): Promise<T> {
    // Throws a PeriscopeError when the connection is not open (closed, failed, expired).
    const session = this.liveSession();
    this.beginRequest();
    try {
      return this.redacted(await work(session.client, this.sdkOptions(opts)));
    } catch (error) {
      // The SDK reports every abandoned request as a timeout; the caller's own signal says it was a cancel.
      if (opts?.signal?.aborted) throw await this.failure(cancelledBy(opts.signal));
      if (await this.authorizedAgain()) return this.sendAgain(work, session, opts);
      const failure = await this.failure(error);
      if (failure.kind !== 'session-expired') throw failure;
      const renewed = await this.renewExpired(session, failure);
      if (!renewed) throw failure;
      if (notResentAs) throw notResent(failure.info, notResentAs, renewed);
      return this.sendAgain(work, renewed, opts);
    }
  }

  /** The one second try of run: its failure is final. */
  private async sendAgain<T>(work: (client: LiveSession['client'], options: RequestOptions) => Promise<T>, session: LiveSession, opts?: PerRequestOptions): Promise<T> {
    this.beginRequest();
    try {
      return this.redacted(await work(session.client, this.sdkOptions(opts)));
    } catch (again) {
      throw await this.failure(again);
    }
  }
}

function cancelledBy(signal: AbortSignal): DOMException {
  const reason = signal.reason instanceof Error ? signal.reason.message : signal.reason === undefined ? 'cancelled' : String(signal.reason);
  return new DOMException(reason, 'AbortError');
}
