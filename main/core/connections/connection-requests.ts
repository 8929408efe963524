import { LOG_LEVEL_META_KEY, type RequestOptions, type SubscriptionFilter, type Tool } from '@modelcontextprotocol/client';
import * as z from 'zod';
import type { LogLevel } from '../../../shared/model/log-message';
import type { PeriscopeError } from '../diagnostics/periscope-error';
import type { LiveSession } from './connection-attempt';
import { notResent } from './session-renewal';
import type { PerRequestOptions, ProgressListener } from './timeouts';
import type { ToolTaskOptions, ToolTaskOutcome } from '../tasks/tool-task';
import { callToolAsTask } from './tool-task-call';

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
  /**
   * After a failed request: true when an OAuth authorization the SDK started during it (a
   * step-up on 403 insufficient_scope) has completed, so the request is sent once more.
   */
  protected authorizedAgain(): Promise<boolean> {
    return Promise.resolve(false);
  }

  /** The tools as last listed, by name (see CallToolOptions.unvalidatedOutput). */
  private listedTools = new Map<string, Tool>();
  /** The log level last set; in the 2026-07-28 era it rides in every later request's _meta. */
  private level?: LogLevel;
  /** 2025 era: the client whose session got logging/setLevel (a new session has not heard it). */
  private levelClient?: LiveSession['client'];

  /**
   * The log level in force, if any: in the 2025 era only while the session that was sent
   * logging/setLevel lives (after a reconnect or a renewed session the server has forgotten it).
   */
  get logLevel(): LogLevel | undefined {
    if (!this.levelClient) return this.level;
    try {
      return this.liveSession().client === this.levelClient ? this.level : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Asks the server for log messages (`notifications/message`) from `level` up (MCP
   * server/utilities/logging). 2025 era: sends `logging/setLevel`, which holds for the session.
   * 2026-07-28 era, which has no setLevel: the level is kept and sent as
   * `io.modelcontextprotocol/logLevel` in the `_meta` of every later request; the server sends log
   * messages only for requests that carry it, so nothing is sent now. Resolves with how it applies.
   */
  async setLogLevel(level: LogLevel): Promise<{ via: 'logging/setLevel' | 'request-meta' }> {
    // The client is noted aside: what run() resolves with passes the redactor, which copies it.
    let sentTo: LiveSession['client'] | undefined;
    const via = await this.run(async (client, options) => {
      if (client.getProtocolEra() === 'modern') return 'request-meta' as const;
      await client.setLoggingLevel(level, options);
      sentTo = client;
      return 'logging/setLevel' as const;
    });
    this.level = level;
    this.levelClient = sentTo;
    return { via };
  }

  /** A list request's params: none, unless the log level must ride along (2026-07-28). */
  private listParams(client: LiveSession['client']): { _meta?: Record<string, unknown> } | undefined {
    const meta = this.logMeta(client);
    return meta._meta ? meta : undefined;
  }

  /** The params' `_meta` with the log level added, on a 2026-07-28 connection that has one set. */
  private logMeta(client: LiveSession['client']): { _meta?: Record<string, unknown> } {
    return this.level && client.getProtocolEra() === 'modern' ? { _meta: { [LOG_LEVEL_META_KEY]: this.level } } : {};
  }

  /** Every page: the SDK follows nextCursor (up to its listMaxPages, 64) and returns one list. */
  async listTools() {
    const listed = await this.run((client, options) => client.listTools(this.listParams(client), options));
    this.listedTools = new Map(listed.tools.map((tool) => [tool.name, tool]));
    return listed;
  }

  callTool(name: string, args?: Record<string, unknown>, opts: CallToolOptions = {}) {
    const listed = this.listedTools.get(name);
    const toolDefinition = opts.unvalidatedOutput ? { ...(listed ?? { name, inputSchema: { type: 'object' as const } }), outputSchema: undefined } : undefined;
    return this.run(
      (client, options) =>
        client.callTool({ name, arguments: args ?? {}, ...this.logMeta(client) }, {
          ...options,
          ...(opts.resumptionToken ? { resumptionToken: opts.resumptionToken } : {}),
          ...(toolDefinition ? { toolDefinition } : {}),
        }),
      opts,
      // A tool may change state: after a session expiry it is not run again behind the user's back.
      `tools/call "${name}"`,
    );
  }

  /**
   * Runs a tool as a task, in either era (see tool-task-call.ts): MCP 2025-11-25 tasks, or the
   * 2026-07-28 tasks extension (SEP-2663). Each status change goes to `opts.onStatus`; aborting
   * `opts.signal` sends tasks/cancel.
   */
  callToolAsTask(name: string, args: Record<string, unknown> = {}, opts: ToolTaskOptions = {}): Promise<ToolTaskOutcome> {
    return callToolAsTask(
      {
        run: (work, notResentAs) => this.run(work, undefined, notResentAs),
        client: () => this.liveSession().client,
        logMeta: (client) => this.logMeta(client)._meta,
        listed: (tool) => this.listedTools.get(tool),
        redacted: (value) => this.redacted(value),
        failure: (error) => this.failure(error),
      },
      name,
      args,
      opts,
    );
  }

  listResources() {
    return this.run((client, options) => client.listResources(this.listParams(client), options));
  }

  listResourceTemplates() {
    return this.run((client, options) => client.listResourceTemplates(this.listParams(client), options));
  }

  readResource(uri: string) {
    return this.run((client, options) => client.readResource({ uri, ...this.logMeta(client) }, options));
  }

  /**
   * completion/complete (MCP 2025-06-18 server/utilities/completion): suggestions for one argument
   * of a prompt (`ref/prompt`, by name) or a resource template (`ref/resource`, by URI template),
   * given what is typed so far and the other arguments already filled in (`context.arguments`).
   * Resolves with the server's `{ completion: { values, total?, hasMore? } }` (at most 100 values).
   */
  complete(ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }, argument: { name: string; value: string }, contextArguments?: Record<string, string>) {
    return this.run((client, options) =>
      client.complete({ ref, argument, ...this.logMeta(client), ...(contextArguments && Object.keys(contextArguments).length > 0 ? { context: { arguments: contextArguments } } : {}) }, options),
    );
  }

  listPrompts() {
    return this.run((client, options) => client.listPrompts(this.listParams(client), options));
  }

  getPrompt(name: string, args?: Record<string, string>) {
    return this.run((client, options) => client.getPrompt({ name, ...this.logMeta(client), ...(args ? { arguments: args } : {}) }, options));
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
   * Any JSON-RPC request by method name with its params (a load run of "any method"): resolves
   * with the server's result as sent, unchecked. Not sent again after a session expiry, since the
   * method may change state.
   */
  sendRequest(method: string, params?: Record<string, unknown>, opts?: PerRequestOptions) {
    return this.run((client, options) => client.request({ method, ...(params ? { params } : {}) } as never, ANY_RESULT, options), opts, method);
  }

  /**
   * Tells the server the client's roots changed: `notifications/roots/list_changed` (2025 era,
   * client/roots). Resolves with 'sent', or 'modern' on a 2026-07-28 connection, where roots are
   * deprecated and there is no session to notify: a server asks for the roots inside the request
   * that needs them (input_required), so it always reads the current list.
   */
  async notifyRootsListChanged(): Promise<'sent' | 'modern'> {
    return this.run(async (client) => {
      if (client.getProtocolEra() === 'modern') return 'modern' as const;
      await client.sendRootsListChanged();
      return 'sent' as const;
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
      if (await this.authorizedAgain()) {
        this.beginRequest();
        try {
          return this.redacted(await work(session.client, this.sdkOptions(opts)));
        } catch (again) {
          throw await this.failure(again);
        }
      }
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

/** A result of any shape: the server's answer to a method Periscope does not model. */
const ANY_RESULT = z.looseObject({});
