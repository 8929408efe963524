import { auth } from '@modelcontextprotocol/client';
import type { ErrorFix } from '../../../shared/model/error-fix';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { isOAuthScheme } from '../diagnostics/credential-template';
import { parseWwwAuthenticate } from '../diagnostics/www-authenticate';
import { ConnectionOAuthProvider } from './connection-oauth-provider';
import { LoopbackRedirect } from './loopback-redirect';
import { type MetadataFetch, metadataKind, readMetadataAnswer } from './metadata-fetches';
import { noOAuthSchemeOffered, type OAuthFlowEvidence } from './oauth-flow-failure';
import type { OAuthStore } from './oauth-store';
import type { OAuthSettings } from './oauth-settings';

/** What the connection is told about an authorization in progress (its info shows it). */
export interface AuthorizationHooks {
  /** The user agent was sent to this authorization URL; undefined once the response arrived, failed or was given up. */
  authorizing?(authorizationUrl: URL | undefined): void;
}

/** What a connection needs to authorize with OAuth (McpConnectionOptions.oauth). */
export interface ConnectionOAuthOptions {
  settings: OAuthSettings;
  store: OAuthStore;
  /** Messages for the user (the CLI: stderr); never given a secret. */
  note(line: string): void;
}

/** Discovery makes a handful of metadata requests (RFC 9728, RFC 8414, OpenID): more are not kept. */
const MAX_METADATA_FETCHES = 20;

/**
 * The OAuth side of one connection: builds the provider the SDK transports get (with the
 * connection's recording fetch, so every OAuth exchange is in the trace, and its redactor, so
 * every token, code and verifier is a known secret before it can reach any output), and
 * completes an authorization the SDK started: the SDK ends the attempt with UnauthorizedError
 * after `redirectToAuthorization`; `finishPending` waits for the loopback redirect and redeems
 * the code with the SDK's `auth()` (which checks `iss` per RFC 9207 before anything else), after
 * which the connection (or the request) tries once more.
 */
export class ConnectionOAuth {
  private provider?: ConnectionOAuthProvider;
  private loopback?: LoopbackRedirect;
  private serverUrl?: string;
  private fetchFn?: typeof fetch;
  private hooks: AuthorizationHooks = {};
  /** The 401 or 403 that started this attempt's flow (see attemptEvidence). */
  private attemptChallenge?: OAuthFlowEvidence['challenge'];
  /** What this attempt's metadata requests were answered (see attemptEvidence). */
  private metadataFetches: MetadataFetch[] = [];

  constructor(readonly options: ConnectionOAuthOptions) {}

  /** The provider for this connection's transports (one per connection; its loopback listener starts when first needed). */
  async prepare(serverUrl: string, fetchFn: typeof fetch, learnSecret: (value: string | undefined) => void, hooks: AuthorizationHooks = {}): Promise<ConnectionOAuthProvider> {
    this.serverUrl = serverUrl;
    this.fetchFn = fetchFn;
    this.hooks = hooks;
    this.learnSecret = learnSecret;
    if (this.provider) return this.provider;
    const { settings, store, note } = this.options;
    // Not listening yet (transportFetch starts it at the first challenge): most connections never
    // need it, and a listen costs every CLI command the loading of Node's cluster module.
    if (settings.grant === 'authorization_code') this.loopback = new LoopbackRedirect();
    const onAuthorizing = (url: URL) => this.hooks.authorizing?.(url);
    const refuseFlow = () => noOAuthSchemeOffered(this.attemptChallenge?.wwwAuthenticate);
    this.provider = new ConnectionOAuthProvider({ serverUrl, settings, store, fetch: fetchFn, note, learnSecret, onAuthorizing, refuseFlow, ...(this.loopback ? { loopback: this.loopback } : {}) });
    return this.provider;
  }

  /**
   * The fetch for the connection's MCP transport. An answer that starts the SDK's authorization
   * flow (401; 403 for a step-up, MCP Authorization "Scope Challenge Handling") has the loopback
   * listener started before the SDK sees it: the SDK's auth() reads redirectUrl (the client
   * metadata it registers) before anything it awaits. Rejects as the listen does (no free port).
   */
  transportFetch(fetchFn: typeof fetch): typeof fetch {
    return (async (input: string | URL | Request, init?: RequestInit) => {
      const response = await fetchFn(input, init);
      const loopback = this.loopback;
      if (response.status === 401 || response.status === 403) {
        // The first one started the flow; later ones are the flow's own requests (a refused registration).
        this.attemptChallenge ??= { status: response.status, wwwAuthenticate: response.headers.get('www-authenticate') ?? undefined, request: requestLine(input, init) };
        if (loopback && !loopback.hasPort) await loopback.start();
      }
      await this.noteMetadataAnswer(input, init, response);
      return response;
    }) as typeof fetch;
  }

  /** Keeps what a discovery request for OAuth metadata was answered (the SDK keeps only what it could use). */
  private async noteMetadataAnswer(input: string | URL | Request, init: RequestInit | undefined, response: Response): Promise<void> {
    if ((init?.method ?? 'GET').toUpperCase() !== 'GET' || this.metadataFetches.length >= MAX_METADATA_FETCHES) return;
    const url = input instanceof Request ? input.url : String(input);
    const kind = metadataKind(url, this.challengeResourceMetadata());
    if (kind) this.metadataFetches.push(await readMetadataAnswer(kind, url, response));
  }

  /** The protected resource metadata URL the attempt's challenge names (RFC 9728 section 5.1), when it is one. */
  private challengeResourceMetadata(): string | undefined {
    const wwwAuthenticate = this.attemptChallenge?.wwwAuthenticate;
    const named = wwwAuthenticate ? parseWwwAuthenticate(wwwAuthenticate).find((c) => isOAuthScheme(c.scheme) && c.params.resource_metadata)?.params.resource_metadata : undefined;
    return named && URL.canParse(named) ? new URL(named).href : undefined;
  }

  /** Called before each attempt: whether the SDK enters the flow is tracked per attempt. */
  beginAttempt(): void {
    this.attemptChallenge = undefined;
    this.metadataFetches = [];
    if (this.provider) {
      this.provider.flowEntered = false;
      this.provider.attemptDiscovery = undefined;
    }
  }

  get flowEntered(): boolean {
    return this.provider?.flowEntered ?? false;
  }

  /** What the last attempt learned before its flow failed: the server's challenge, what discovery found and what its metadata requests were answered. */
  get attemptEvidence(): OAuthFlowEvidence {
    return {
      ...(this.attemptChallenge ? { challenge: this.attemptChallenge } : {}),
      ...(this.provider?.attemptDiscovery ? { discovery: this.provider.attemptDiscovery } : {}),
      ...(this.metadataFetches.length > 0 ? { metadataFetches: [...this.metadataFetches] } : {}),
    };
  }

  /**
   * Completes an authorization started during the last attempt: true when tokens were obtained
   * (try again), false when none was started. Rejects with an `auth` PeriscopeError when the
   * user or the server refused, the response never came, or the code could not be redeemed.
   */
  async finishPending(): Promise<boolean> {
    const pending = this.provider?.takePendingAuthorization();
    if (!pending || !this.provider || !this.serverUrl) return false;
    let params: URLSearchParams;
    try {
      params = await pending;
    } catch (error) {
      this.hooks.authorizing?.(undefined);
      throw authError(`The authorization did not complete: ${messageOf(error)}.`, 'Open the authorization URL in a browser on this computer, or let Periscope follow it where the authorization server approves without a login page.', error, [
        { field: 'oauth-authorize', label: 'Print the authorization URL', value: 'print' },
        { field: 'oauth-authorize', label: 'Follow the authorization URL', value: 'follow' },
      ]);
    }
    this.hooks.authorizing?.(undefined);
    const code = params.get('code');
    if (!code) {
      // Only the error code: a description could come from an attacker in a mix-up (RFC 9207 section 1).
      const refused = params.get('error') ?? 'no code';
      throw authError(`The authorization server did not authorize MCP Periscope (${refused.slice(0, 60)}).`, 'Try again and approve the request; or check the scopes asked for and the client id.', undefined, [{ field: 'oauth-client', label: 'Use a pre-registered client' }]);
    }
    this.provider.redeeming = true;
    try {
      const iss = params.get('iss') ?? undefined;
      await auth(this.provider, { serverUrl: this.serverUrl, authorizationCode: code, ...(iss !== null && iss !== undefined ? { iss } : {}), ...(this.fetchFn ? { fetchFn: this.fetchFn } : {}) });
    } catch (error) {
      throw authError(`Redeeming the authorization code failed: ${messageOf(error)}.`, 'Look at the token request in the trace; a wrong issuer (iss) is refused on purpose.', error, [{ field: 'trace', label: 'Show the trace' }]);
    } finally {
      this.provider.redeeming = false;
    }
    return true;
  }

  /** Drops an authorization the SDK started in the last attempt, unanswered; true when there was one. */
  abandonPending(): boolean {
    const pending = this.provider?.takePendingAuthorization();
    if (!pending) return false;
    pending.catch(() => undefined);
    this.hooks.authorizing?.(undefined);
    return true;
  }

  /** The connection's recording fetch (OAuth requests made outside a connect, e.g. revocation at sign-out, are traced with it), once prepared. */
  get recordingFetch(): typeof fetch | undefined {
    return this.fetchFn;
  }

  /** Teaches the connection's redactor a secret value (a token about to be revoked), once prepared. */
  learnSecret: (value: string | undefined) => void = () => undefined;

  /** The provider, for logout (revocation) and tests. */
  get currentProvider(): ConnectionOAuthProvider | undefined {
    return this.provider;
  }

  async close(): Promise<void> {
    await this.loopback?.close();
  }
}

/**
 * Runs a connect and, when it failed because the SDK started an authorization (OAuth 2.1
 * section 4.1: the user agent was sent to the authorization endpoint), waits for the redirect,
 * redeems the code and runs it again; a step-up (403 insufficient_scope) can start one more.
 * At most three authorizations are started: the MCP spec (Authorization, "Scope Challenge
 * Handling") asks clients to limit retries.
 */
export async function withAuthorization<T>(oauth: ConnectionOAuth | undefined, work: () => Promise<T>, onAuthorized: () => void): Promise<T> {
  for (let round = 0; ; round++) {
    oauth?.beginAttempt();
    try {
      return await work();
    } catch (error) {
      if (!oauth) throw error;
      // A third authorization that would be needed again: the tokens keep lacking what the server
      // asks for (a step-up on 403 insufficient_scope each time). Said in those words, rather than
      // as the last refusal, which reads like a missing token.
      if (round >= 2) throw oauth.abandonPending() ? stillRefused(round + 1) : error;
      if (!(await oauth.finishPending())) throw error;
      onAuthorized();
    }
  }
}

/** After `authorizations` sign-ins the server still wants another: the tokens lack a scope it asks for. */
function stillRefused(authorizations: number): PeriscopeError {
  return authError(
    `The server still refused after ${authorizations} authorizations: each new access token lacked what it asks for (403 insufficient_scope, a scope step-up each time).`,
    'The authorization server grants this client less than the server asks for: check which scopes the client may get there; the trace shows the scope each authorization asked for and each token got.',
    undefined,
    [{ field: 'trace', label: 'Show the trace' }],
  );
}

function authError(message: string, hint: string, cause?: unknown, fixes?: ErrorFix[]): PeriscopeError {
  return new PeriscopeError({ kind: 'auth', message, hint, ...(fixes ? { fixes } : {}) }, cause === undefined ? undefined : { cause });
}

/** "POST https://host/mcp": the request a challenge answered, named in the error (the connection's redactor sees the message). */
function requestLine(input: string | URL | Request, init?: RequestInit): string {
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const url = input instanceof Request ? input.url : String(input);
  return `${method.toUpperCase()} ${url}`;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}
