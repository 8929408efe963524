import { readFailure } from '../diagnostics/resource-read-errors';
import type { RequestOptions, SubscriptionFilter, Tool } from '@modelcontextprotocol/client';
import * as z from 'zod';
import type { LogLevel } from '../../../shared/model/log-message';
import type { LiveSession } from './connection-attempt';
import { LogLevelSetting } from './log-level-setting';
import { RequestRunner } from './request-runner';
import { ResourceSubscriptions } from './resource-subscriptions';
import type { PerRequestOptions, ProgressListener } from './timeouts';
import type { ToolTaskOptions, ToolTaskOutcome } from '../tasks/tool-task';
import { callToolAsTask } from './tool-task-call';
import { excludeInvalidHeaderDeclarations, listNamingExclusions } from './header-declaration-exclusions';
import { isInvalidResult, listLeniently, type InvalidListItem, type ListMethod } from './lenient-list';

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
 * connection's timeouts and turns any failure into a PeriscopeError (see RequestRunner.run and
 * LiveConnection.failure).
 */
export abstract class ConnectionRequests extends RequestRunner {
  /** The live session's client, or undefined when the connection is not open (no throw). */
  protected abstract currentClient(): LiveSession['client'] | undefined;

  /** The tools as last listed, by name (see CallToolOptions.unvalidatedOutput). */
  private listedTools = new Map<string, Tool>();
  /** The last tools/list was read item by item (the SDK refused it whole and cached nothing). */
  private definitionsFromList = false;
  private readonly logging = new LogLevelSetting();
  private readonly subscriptions = new ResourceSubscriptions({
    current: () => this.currentClient(),
    options: () => this.sdkOptions(),
    failure: (error) => this.failure(error),
  });

  /**
   * The log level in force, if any: in the 2025 era only while the session that was sent
   * logging/setLevel lives (after a reconnect or a renewed session the server has forgotten it).
   */
  get logLevel(): LogLevel | undefined {
    return this.logging.inForce(this.currentClient());
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
    this.logging.set(level, sentTo);
    return { via };
  }

  /**
   * Every page: the SDK follows nextCursor (up to its listMaxPages, 64) and returns one list. When
   * the SDK refuses the list because some tools break the MCP schema, the others are listed and
   * each broken one is named in `invalid` (see listLeniently). So is each tool left out for its
   * x-mcp-header declarations (2026-07-28; header-declaration-exclusions.ts), either way.
   */
  async listTools(): Promise<{ tools: Tool[]; invalid?: InvalidListItem[] }> {
    const { value: listed, excluded } = await listNamingExclusions(() =>
      this.listOf('tools/list', (client, params, options) => client.listTools(params, options), excludeInvalidHeaderDeclarations),
    );
    this.listedTools = new Map(listed.tools.map((tool) => [tool.name, tool]));
    // The SDK keeps no copy of a list it refused: the calls carry the definition themselves.
    this.definitionsFromList = listed.invalid !== undefined;
    return excluded.length > 0 ? { ...listed, invalid: [...(listed.invalid ?? []), ...excluded] } : listed;
  }

  callTool(name: string, args?: Record<string, unknown>, opts: CallToolOptions = {}) {
    const listed = this.listedTools.get(name);
    const toolDefinition = opts.unvalidatedOutput
      ? { ...(listed ?? { name, inputSchema: { type: 'object' as const } }), outputSchema: undefined }
      : this.definitionsFromList ? listed : undefined;
    return this.run(
      (client, options) =>
        client.callTool({ name, arguments: args ?? {}, ...this.logging.meta(client) }, {
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
        logMeta: (client) => this.logging.meta(client)._meta,
        listed: (tool) => this.listedTools.get(tool),
        redacted: (value) => this.redacted(value),
        failure: (error) => this.failure(error),
      },
      name,
      args,
      opts,
    );
  }

  /** As listTools: the resources that break the MCP schema are left out and named in `invalid`. */
  listResources() {
    return this.listOf('resources/list', (client, params, options) => client.listResources(params, options));
  }

  listResourceTemplates() {
    return this.listOf('resources/templates/list', (client, params, options) => client.listResourceTemplates(params, options));
  }

  /** resources/read; a URI the server does not have fails with a hint saying so (resource-read-errors.ts). */
  async readResource(uri: string) {
    try {
      return await this.run((client, options) => client.readResource({ uri, ...this.logging.meta(client) }, options));
    } catch (error) {
      throw readFailure(error);
    }
  }

  /**
   * completion/complete (MCP 2025-06-18 server/utilities/completion): suggestions for one argument
   * of a prompt (`ref/prompt`, by name) or a resource template (`ref/resource`, by URI template),
   * given what is typed so far and the other arguments already filled in (`context.arguments`).
   * Resolves with the server's `{ completion: { values, total?, hasMore? } }` (at most 100 values).
   */
  complete(ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }, argument: { name: string; value: string }, contextArguments?: Record<string, string>) {
    return this.run((client, options) =>
      client.complete({ ref, argument, ...this.logging.meta(client), ...(contextArguments && Object.keys(contextArguments).length > 0 ? { context: { arguments: contextArguments } } : {}) }, options),
    );
  }

  listPrompts() {
    return this.listOf('prompts/list', (client, params, options) => client.listPrompts(params, options));
  }

  /** A list through the SDK; if the SDK refuses it as invalid, item by item (lenient-list.ts). */
  private listOf<T extends object>(
    method: ListMethod,
    list: (client: LiveSession['client'], params: ReturnType<LogLevelSetting['listParams']>, options: RequestOptions) => Promise<T>,
    /** What the SDK does to a list after decoding it, done to a list read item by item too. */
    finishLenient?: (client: LiveSession['client'], result: T) => void,
  ): Promise<T & { invalid?: InvalidListItem[] }> {
    return this.run(async (client, options) => {
      const params = this.logging.listParams(client);
      try {
        return await list(client, params, options);
      } catch (error) {
        if (!isInvalidResult(error)) throw error;
        const result = (await listLeniently(client, method, params, options)) as unknown as T & { invalid: InvalidListItem[] };
        finishLenient?.(client, result);
        return result;
      }
    });
  }

  getPrompt(name: string, args?: Record<string, string>) {
    return this.run((client, options) => client.getPrompt({ name, ...this.logging.meta(client), ...(args ? { arguments: args } : {}) }, options));
  }

  /**
   * Asks for change notifications (they arrive in the trace). 2026-07-28: one
   * `subscriptions/listen` stream with the filter; resolves once the server acknowledges, with the
   * part of the filter it will honour. 2025: `resources/subscribe` for each resource URI (list
   * changes arrive unasked in that era); the filter is honoured as given. `ended` (2026-07-28 only)
   * resolves once the stream is over: `local` (closed here), `graceful` (the server sent the empty
   * `subscriptions/listen` response), `remote` (the stream ended without one, or dropped).
   */
  async listen(filter: SubscriptionFilter): Promise<{ honored: SubscriptionFilter; close(): Promise<void>; ended?: Promise<'local' | 'graceful' | 'remote'> }> {
    return this.run(async (client, options) => {
      if (client.getProtocolEra() === 'modern') {
        const subscription = await client.listen(filter, options);
        return { honored: subscription.honoredFilter, close: () => subscription.close(), ended: subscription.closed };
      }
      const close = await this.subscriptions.subscribe(client, filter.resourceSubscriptions ?? [], options);
      return { honored: filter, close };
    });
  }

  /** Subscribes again, on a new 2025 session, to every resource still subscribed (see ResourceSubscriptions.restore). */
  protected resubscribe(session: LiveSession): Promise<{ uris: string[]; failed: Array<{ uri: string; message: string }> }> {
    return this.subscriptions.restore(session);
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
}

/** A result of any shape: the server's answer to a method Periscope does not model. */
const ANY_RESULT = z.looseObject({});
