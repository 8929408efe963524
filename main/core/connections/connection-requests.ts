import type { RequestOptions, SubscriptionFilter, Tool } from '@modelcontextprotocol/client';
import type { PeriscopeError } from '../diagnostics/periscope-error';
import type { LiveSession } from './connection-attempt';
import { notResent } from './session-renewal';
import type { PerRequestOptions, ProgressListener } from './timeouts';

export interface CallToolOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Resume a response stream that dropped, from this SSE event id (Streamable HTTP). */
  resumptionToken?: string;
  /**
   * Hand back `structuredContent` even when it does not match the tool's `outputSchema` (the SDK
   * would throw instead): the workbench shows the result and each violation. The SDK then gets
   * the tool as last listed without its outputSchema, so its other uses (2026-07-28 header
   * mirroring) still apply.
   */
  unvalidatedOutput?: boolean;
}

/**
 * The MCP requests a user can send on a connection. Each goes through the live session with the
 * connection's timeouts and turns any failure into a PeriscopeError (see McpConnection.failure).
 */
export abstract class ConnectionRequests {
  /** 2025 era: URIs subscribed with resources/subscribe, and how many open subscriptions hold each. */
  private readonly legacySubscriptions = new Map<string, number>();

  protected abstract liveSession(): LiveSession;
  /** The live session's client, or undefined when the connection is not open (no throw). */
  protected abstract currentClient(): LiveSession['client'] | undefined;
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

  /** The tools as last listed, by name (see CallToolOptions.unvalidatedOutput). */
  private listedTools = new Map<string, Tool>();

  /** Every page: the SDK follows nextCursor (up to its listMaxPages, 64) and returns one list. */
  async listTools() {
    const listed = await this.run((client, options) => client.listTools(undefined, options));
    this.listedTools = new Map(listed.tools.map((tool) => [tool.name, tool]));
    return listed;
  }

  callTool(name: string, args?: Record<string, unknown>, opts: CallToolOptions = {}) {
    const listed = this.listedTools.get(name);
    const toolDefinition = opts.unvalidatedOutput ? { ...(listed ?? { name, inputSchema: { type: 'object' as const } }), outputSchema: undefined } : undefined;
    return this.run(
      (client, options) =>
        client.callTool({ name, arguments: args ?? {} }, {
          ...options,
          ...(opts.resumptionToken ? { resumptionToken: opts.resumptionToken } : {}),
          ...(toolDefinition ? { toolDefinition } : {}),
        }),
      opts,
      // A tool may change state: after a session expiry it is not run again behind the user's back.
      `tools/call "${name}"`,
    );
  }

  listResources() {
    return this.run((client, options) => client.listResources(undefined, options));
  }

  listResourceTemplates() {
    return this.run((client, options) => client.listResourceTemplates(undefined, options));
  }

  readResource(uri: string) {
    return this.run((client, options) => client.readResource({ uri }, options));
  }

  /**
   * completion/complete (MCP 2025-06-18 server/utilities/completion): suggestions for one argument
   * of a prompt (`ref/prompt`, by name) or a resource template (`ref/resource`, by URI template),
   * given what is typed so far and the other arguments already filled in (`context.arguments`).
   * Resolves with the server's `{ completion: { values, total?, hasMore? } }` (at most 100 values).
   */
  complete(ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }, argument: { name: string; value: string }, contextArguments?: Record<string, string>) {
    return this.run((client, options) =>
      client.complete({ ref, argument, ...(contextArguments && Object.keys(contextArguments).length > 0 ? { context: { arguments: contextArguments } } : {}) }, options),
    );
  }

  listPrompts() {
    return this.run((client, options) => client.listPrompts(undefined, options));
  }

  getPrompt(name: string, args?: Record<string, string>) {
    return this.run((client, options) => client.getPrompt({ name, ...(args ? { arguments: args } : {}) }, options));
  }

  /**
   * Asks for change notifications (they arrive in the trace). 2026-07-28: one
   * `subscriptions/listen` stream with the filter; resolves once the server acknowledges, with the
   * part of the filter it will honour. 2025: `resources/subscribe` for each resource URI (list
   * changes arrive unasked in that era); the filter is honoured as given.
   */
  async listen(filter: SubscriptionFilter): Promise<{ honored: SubscriptionFilter; close(): Promise<void> }> {
    return this.run(async (client, options) => {
      if (client.getProtocolEra() === 'modern') {
        const subscription = await client.listen(filter, options);
        return { honored: subscription.honoredFilter, close: () => subscription.close() };
      }
      const uris = filter.resourceSubscriptions ?? [];
      for (const uri of uris) {
        await client.subscribeResource({ uri }, options);
        this.legacySubscriptions.set(uri, (this.legacySubscriptions.get(uri) ?? 0) + 1);
      }
      let closed = false;
      return {
        honored: filter,
        close: async () => {
          if (closed) return;
          closed = true;
          for (const uri of uris) {
            const holders = (this.legacySubscriptions.get(uri) ?? 1) - 1;
            if (holders > 0) {
              this.legacySubscriptions.set(uri, holders);
              continue;
            }
            this.legacySubscriptions.delete(uri);
            // The session now, not the one subscribed on: a renewal may have replaced it.
            await this.currentClient()?.unsubscribeResource({ uri }).catch(() => undefined);
          }
        },
      };
    });
  }

  /**
   * Sends `resources/subscribe` again on a new 2025 session for every URI still subscribed (a
   * server forgets a session's subscriptions with the session). Resolves with the URIs it
   * could not subscribe again and why; never rejects.
   */
  protected async resubscribe(session: LiveSession): Promise<{ uris: string[]; failed: Array<{ uri: string; message: string }> }> {
    const uris = [...this.legacySubscriptions.keys()];
    const failed: Array<{ uri: string; message: string }> = [];
    for (const uri of uris) {
      try {
        await session.client.subscribeResource({ uri }, this.sdkOptions());
      } catch (error) {
        failed.push({ uri, message: (await this.failure(error)).info.message });
      }
    }
    return { uris, failed };
  }

  /**
   * One liveness round trip, in milliseconds (sub-millisecond precision): `ping` in the 2025 era;
   * in the 2026-07-28 era, which has no `ping`, an uncached `server/discover`.
   */
  async ping(): Promise<{ latencyMs: number; method: 'ping' | 'server/discover' }> {
    return this.run(async (client, options) => {
      const method = client.getProtocolEra() === 'modern' ? 'server/discover' : 'ping';
      const started = performance.now();
      if (method === 'ping') await client.ping(options);
      else await client.discover(options);
      return { latencyMs: performance.now() - started, method };
    });
  }

  /**
   * Runs one request on the live session. When the server has forgotten the session, a new one is
   * started (unless the connection stops at expiries) and the request is sent once more on it;
   * except a request named in `notResentAs`, which is reported instead (the new session is ready).
   * Reads (lists, resources/read, prompts/get, ping) are safe to send again: the server refused
   * the first one without running it, since it did not know the session.
   */
  private async run<T>(work: (client: LiveSession['client'], options: RequestOptions) => Promise<T>, opts?: PerRequestOptions, notResentAs?: string): Promise<T> {
    // Throws a PeriscopeError when the connection is not open (closed, failed, expired).
    const session = this.liveSession();
    this.beginRequest();
    try {
      return this.redacted(await work(session.client, this.sdkOptions(opts)));
    } catch (error) {
      // The SDK reports every abandoned request as a timeout; the caller's own signal says it was a cancel.
      if (opts?.signal?.aborted) throw await this.failure(cancelledBy(opts.signal));
      const failure = await this.failure(error);
      if (failure.kind !== 'session-expired') throw failure;
      const renewed = await this.renewExpired(session, failure);
      if (!renewed) throw failure;
      if (notResentAs) throw notResent(failure.info, notResentAs, renewed);
      this.beginRequest();
      try {
        return this.redacted(await work(renewed.client, this.sdkOptions(opts)));
      } catch (again) {
        throw await this.failure(again);
      }
    }
  }
}

function cancelledBy(signal: AbortSignal): DOMException {
  const reason = signal.reason instanceof Error ? signal.reason.message : signal.reason === undefined ? 'cancelled' : String(signal.reason);
  return new DOMException(reason, 'AbortError');
}
