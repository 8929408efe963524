import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The authorization response as it reached the loopback listener (RFC 6749 section 4.1.2). */
export type CallbackParams = URLSearchParams;

/**
 * A one-shot redirect listener on 127.0.0.1 with an ephemeral port, for native apps
 * (RFC 8252 section 7.3: loopback IP redirect, any port; we never use "localhost", section 8.3).
 * It answers exactly one request to CALLBACK_PATH whose `state` matches, then closes. Anything
 * else (another path, a missing or wrong state) gets a 400 and the listener keeps waiting, so a
 * stray local request cannot end or hijack the flow. The query (code, iss, state) is handed
 * over in memory only: it is never logged.
 */
export class LoopbackRedirect {
  static readonly CALLBACK_PATH = '/callback';
  private server?: Server;
  private port = 0;
  private expectedState?: string;
  private settle?: { resolve(params: CallbackParams): void; reject(error: Error): void };
  private received?: Promise<CallbackParams>;
  private starting?: Promise<string>;

  /**
   * Starts listening; resolves with the redirect URI to register and send. After a response
   * closed it, it listens again on the same port (a step-up or a new authorization server needs
   * a second authorization, with the redirect URI already registered).
   */
  start(): Promise<string> {
    // One listener however many callers ask at once (the SDK's flow and a redirect may overlap).
    this.starting ??= this.listen().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async listen(): Promise<string> {
    if (this.server) return this.redirectUri;
    const server = createServer((req, res) => this.handle(req.url ?? '/', res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    server.unref();
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.redirectUri;
  }

  /** Whether the listener has had its port (the redirect URI is complete); it stays after a close, for the next start. */
  get hasPort(): boolean {
    return this.port !== 0;
  }

  get redirectUri(): string {
    return `http://127.0.0.1:${this.port}${LoopbackRedirect.CALLBACK_PATH}`;
  }

  /** Arms the listener for one authorization with this `state`; resolves with the callback's query. */
  expect(state: string, timeoutMs: number): Promise<CallbackParams> {
    this.expectedState = state;
    this.received = new Promise<CallbackParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no authorization response reached ${this.redirectUri} within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      timer.unref();
      this.settle = {
        resolve: (params) => (clearTimeout(timer), resolve(params)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
    });
    return this.received;
  }

  async close(): Promise<void> {
    this.settle?.reject(new Error('the redirect listener was closed'));
    this.settle = undefined;
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A browser (or fetch) keeps its connection alive; the listener must not wait for it.
    server.closeAllConnections();
    await closed;
  }

  private handle(rawUrl: string, res: import('node:http').ServerResponse): void {
    const url = new URL(rawUrl, this.redirectUri);
    const state = url.searchParams.get('state');
    if (url.pathname !== LoopbackRedirect.CALLBACK_PATH || !this.settle || !state || state !== this.expectedState) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Not the authorization response MCP Periscope is waiting for.\n');
      return;
    }
    const failed = url.searchParams.has('error');
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' })
      .end(failed ? 'Authorization was refused. You can close this tab; MCP Periscope says why.\n' : 'Authorized. You can close this tab and return to MCP Periscope.\n');
    const settle = this.settle;
    this.settle = undefined;
    settle.resolve(url.searchParams);
    // Exactly one response: the listener goes away once it has it.
    void this.close();
  }
}
