import type { RequestOptions } from '@modelcontextprotocol/client';
import type { PeriscopeError } from '../diagnostics/periscope-error';
import type { LiveSession } from './connection-attempt';
import type { PerRequestOptions, ProgressListener } from './timeouts';

export interface CallToolOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Resume a response stream that dropped, from this SSE event id (Streamable HTTP). */
  resumptionToken?: string;
}

/**
 * The MCP requests a user can send on a connection. Each goes through the live session with the
 * connection's timeouts and turns any failure into a PeriscopeError (see McpConnection.failure).
 */
export abstract class ConnectionRequests {
  protected abstract liveSession(): LiveSession;
  protected abstract sdkOptions(opts?: PerRequestOptions): RequestOptions;
  protected abstract failure(error: unknown): PeriscopeError;
  protected abstract beginRequest(): void;
  /** The result as it may leave the engine (known secrets masked). */
  protected abstract redacted<T>(result: T): T;

  listTools() {
    return this.run((client, options) => client.listTools(undefined, options));
  }

  callTool(name: string, args?: Record<string, unknown>, opts: CallToolOptions = {}) {
    return this.run(
      (client, options) =>
        client.callTool({ name, arguments: args ?? {} }, {
          ...options,
          ...(opts.resumptionToken ? { resumptionToken: opts.resumptionToken } : {}),
        }),
      opts,
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

  listPrompts() {
    return this.run((client, options) => client.listPrompts(undefined, options));
  }

  getPrompt(name: string, args?: Record<string, string>) {
    return this.run((client, options) => client.getPrompt({ name, ...(args ? { arguments: args } : {}) }, options));
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

  private async run<T>(work: (client: LiveSession['client'], options: RequestOptions) => Promise<T>, opts?: PerRequestOptions): Promise<T> {
    // Throws a PeriscopeError when the connection is not open (closed, failed, expired).
    const session = this.liveSession();
    this.beginRequest();
    try {
      return this.redacted(await work(session.client, this.sdkOptions(opts)));
    } catch (error) {
      throw this.failure(error);
    }
  }
}
