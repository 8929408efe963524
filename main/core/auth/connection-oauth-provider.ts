import { randomBytes } from 'node:crypto';
import {
  createPrivateKeyJwtAuth,
  DpopSession,
  type AddClientAuthentication,
  type OAuthClientInformationContext,
  type OAuthClientMetadata,
  type OAuthClientProvider,
  type OAuthDiscoveryState,
  type StoredOAuthClientInformation,
  type StoredOAuthTokens,
} from '@modelcontextprotocol/client';
import { sendToAuthorization } from './authorization-handlers';
import { grantTokenRequest, JWT_BEARER, withScopes } from './grant-token-request';
import type { LoopbackRedirect, CallbackParams } from './loopback-redirect';
import type { OAuthRecord, OAuthStore } from './oauth-store';
import { CLIENT_NAME, DEFAULT_CALLBACK_TIMEOUT_MS, type OAuthSettings } from './oauth-settings';

export interface ProviderDeps {
  serverUrl: string;
  settings: OAuthSettings;
  store: OAuthStore;
  /** Only for authorization_code: the loopback listener (started by the first challenge). */
  loopback?: LoopbackRedirect;
  /** The connection's recording fetch (the `follow` hops, the IdP token exchange). */
  fetch: typeof fetch;
  /** Messages for the user (never a secret). */
  note(line: string): void;
  /** Every secret value the flow handles is learned here first, so no output can show it. */
  learnSecret(value: string | undefined): void;
  /** Told when the user agent is sent to the authorization endpoint (the app shows "waiting for you to sign in"). */
  onAuthorizing?(authorizationUrl: URL): void;
  /** Why the flow must not start for the challenge at hand (it offers no OAuth scheme), or undefined. */
  refuseFlow?(): string | undefined;
}

/**
 * The connection's OAuthClientProvider for the SDK's `auth()` (MCP authorization, 2025-11-25
 * and 2026-07-28, "Authorization Flow"): the SDK does discovery (RFC 9728 from WWW-Authenticate
 * and the .well-known fallbacks, RFC 8414 / OpenID discovery), CIMD, dynamic registration
 * (RFC 7591), PKCE S256, resource indicators (RFC 8707), the `iss` check (RFC 9207), scope
 * selection, step-up on 403 insufficient_scope and refresh; this class supplies the client's
 * identity, keeps tokens and clients in the OAuthStore (keyed by server URL and issuer), and
 * turns `redirectToAuthorization` into a loopback wait whose result the connection collects
 * with `takePendingAuthorization()`.
 */
export class ConnectionOAuthProvider implements OAuthClientProvider {
  private record?: OAuthRecord;
  private loaded?: Promise<void>;
  private verifier?: string;
  private discovery?: OAuthDiscoveryState;
  private currentState?: string;
  private pending?: Promise<CallbackParams>;
  private readonly dpopSession?: Promise<DpopSession>;
  readonly addClientAuthentication?: AddClientAuthentication;
  /** True while ConnectionOAuth redeems an authorization code (see discoveryState). */
  redeeming = false;
  /** Set when the SDK entered the OAuth flow during this attempt (see discoveryState). */
  flowEntered = false;
  /** What the SDK's discovery found during this attempt (reset with flowEntered), for explaining a failure. */
  attemptDiscovery?: OAuthDiscoveryState;
  /** Why the store could not be read (a locked keychain): said once, the flow goes on in memory. */
  storeProblem?: string;
  private loadProblem?: string;

  constructor(private readonly deps: ProviderDeps) {
    const { settings } = deps;
    for (const secret of [settings.clientSecret, settings.privateKeyPem, settings.assertion, settings.idp?.idToken, settings.idp?.clientSecret]) deps.learnSecret(secret);
    if (settings.privateKeyPem && settings.clientId) {
      const alg = settings.signingAlgorithm ?? (settings.privateKeyPem.includes('RSA') ? 'RS256' : 'ES256');
      this.addClientAuthentication = createPrivateKeyJwtAuth({ issuer: settings.clientId, subject: settings.clientId, privateKey: settings.privateKeyPem, alg });
    }
    if (settings.dpop) this.dpopSession = DpopSession.create();
  }

  get clientMetadataUrl(): string | undefined {
    return this.deps.settings.clientMetadataUrl;
  }

  get redirectUrl(): string | undefined {
    // Undefined until the listener first had its port (ConnectionOAuth.transportFetch starts it):
    // never a URI without one. After a response closed the listener, the URI stays (the token
    // request sends it).
    const loopback = this.deps.loopback;
    return this.deps.settings.grant === 'authorization_code' && loopback?.hasPort ? loopback.redirectUri : undefined;
  }

  get clientMetadata(): OAuthClientMetadata {
    const { grant, privateKeyPem, clientSecret } = this.deps.settings;
    if (grant === 'authorization_code') {
      return {
        client_name: CLIENT_NAME,
        redirect_uris: this.redirectUrl ? [this.redirectUrl] : [],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // RFC 8252: a native app on a loopback redirect; a public client unless a secret was given.
        token_endpoint_auth_method: clientSecret ? 'client_secret_basic' : 'none',
        ...({ application_type: 'native' } as object),
      } as OAuthClientMetadata;
    }
    return {
      client_name: CLIENT_NAME,
      redirect_uris: [],
      grant_types: [grant === 'client_credentials' ? 'client_credentials' : JWT_BEARER],
      token_endpoint_auth_method: privateKeyPem ? 'private_key_jwt' : 'client_secret_basic',
    };
  }

  state(): string {
    this.currentState = randomBytes(24).toString('base64url');
    return this.currentState;
  }

  async clientInformation(ctx?: OAuthClientInformationContext): Promise<StoredOAuthClientInformation | undefined> {
    const { clientId, clientSecret } = this.deps.settings;
    if (clientId) return { client_id: clientId, ...(clientSecret ? { client_secret: clientSecret } : {}) };
    const entry = await this.entry(ctx?.issuer);
    return entry?.client;
  }

  async saveClientInformation(info: StoredOAuthClientInformation, ctx?: OAuthClientInformationContext): Promise<void> {
    this.deps.learnSecret(info.client_secret);
    if (this.deps.settings.clientId) return;
    if (info.client_id !== this.deps.settings.clientMetadataUrl && !this.record?.byIssuer[ctx?.issuer ?? '']?.client) {
      this.deps.note('authorize: registered this client by dynamic client registration (RFC 7591; deprecated in MCP 2026-07-28: prefer --client-metadata-url or --client-id)');
    }
    await this.update(ctx?.issuer ?? info.issuer, (entry) => (entry.client = info));
  }

  async tokens(ctx?: OAuthClientInformationContext): Promise<StoredOAuthTokens | undefined> {
    const entry = await this.entry(ctx?.issuer);
    const tokens = entry?.tokens;
    if (tokens) for (const value of [tokens.access_token, tokens.refresh_token, tokens.id_token]) this.deps.learnSecret(value);
    return tokens;
  }

  async saveTokens(tokens: StoredOAuthTokens, ctx?: OAuthClientInformationContext): Promise<void> {
    for (const value of [tokens.access_token, tokens.refresh_token, tokens.id_token]) this.deps.learnSecret(value);
    // A new access token without a refresh token keeps the one we had (RFC 6749 section 6).
    const issuer = ctx?.issuer ?? tokens.issuer;
    const preRegistered = this.deps.settings.clientId;
    await this.update(issuer, (entry) => {
      if (preRegistered) entry.clientId = preRegistered;
      entry.obtainedAt = Date.now();
      entry.tokens = { ...tokens, ...(tokens.refresh_token || !entry.tokens?.refresh_token ? {} : { refresh_token: entry.tokens.refresh_token }) };
    });
  }

  async redirectToAuthorization(authorizationUrl: URL): Promise<void> {
    const { loopback, settings } = this.deps;
    if (!loopback || !this.currentState) throw new Error('this grant has no authorization redirect');
    // The SDK asks for the challenge's scope (MCP "Scope Selection Strategy"); scopes the user set
    // (--scope, the remote's Scopes) are added, so a step-up still gets what the server asks for.
    // Not for a client the SDK registered itself: it registered it for the SDK's scope only
    // (RFC 7591 section 2), and an authorization server may refuse anything more.
    if (settings.scope && (settings.clientId || settings.clientMetadataUrl)) {
      authorizationUrl.searchParams.set('scope', withScopes(authorizationUrl.searchParams.get('scope') ?? undefined, settings.scope)!);
    }
    await loopback.start();
    const waiting = loopback.expect(this.currentState, settings.callbackTimeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS);
    this.deps.onAuthorizing?.(authorizationUrl);
    // Handed over without waiting: the SDK ends this attempt (UnauthorizedError); the connection
    // then collects the response with takePendingAuthorization() and tries again.
    const sent = sendToAuthorization(settings.authorize, authorizationUrl, { note: this.deps.note, fetch: this.deps.fetch, redirectUri: loopback.redirectUri });
    this.pending = Promise.all([waiting, sent]).then(([params]) => {
      for (const name of ['code', 'state']) this.deps.learnSecret(params.get(name) ?? undefined);
      return params;
    });
    this.pending.catch(() => undefined);
  }

  /** The authorization response this attempt started (then forgotten), or undefined when none was started. */
  takePendingAuthorization(): Promise<CallbackParams> | undefined {
    const pending = this.pending;
    this.pending = undefined;
    return pending;
  }

  saveCodeVerifier(codeVerifier: string): void {
    this.deps.learnSecret(codeVerifier);
    this.verifier = codeVerifier;
  }

  codeVerifier(): string {
    if (!this.verifier) throw new Error('no PKCE code verifier: the authorization was not started by this process');
    return this.verifier;
  }

  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.discovery = state;
    this.attemptDiscovery = state;
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    // The SDK's auth() reads this first: the flow was entered (a 401 challenge, a step-up).
    this.flowEntered = true;
    // A challenge offering only Basic (or Negotiate, …) is not answered with an access token:
    // no discovery, no registration at the origin's default endpoints on its behalf.
    const refusal = this.redeeming ? undefined : this.deps.refuseFlow?.();
    if (refusal) throw new Error(`OAuth not started: ${refusal}`);
    // Only the code-redeeming leg reuses it (it must reach the issuer the authorization went to,
    // SEP-2352); every new challenge discovers again, so a server that moved to another
    // authorization server is followed there (and registered with anew).
    return this.redeeming ? this.discovery : undefined;
  }

  dpop(): Promise<DpopSession> | undefined {
    return this.dpopSession;
  }

  async invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): Promise<void> {
    if (scope === 'verifier' || scope === 'all') this.verifier = undefined;
    if (scope === 'discovery' || scope === 'all') this.discovery = undefined;
    if (scope === 'verifier' || scope === 'discovery') return;
    await this.update(undefined, (entry) => {
      if (scope === 'tokens' || scope === 'all') delete entry.tokens;
      if (scope === 'client' || scope === 'all') delete entry.client;
    });
  }

  /** Grant parameters for the non-interactive grants (grant-token-request.ts); undefined keeps the SDK's defaults. */
  prepareTokenRequest(challengeScope?: string): Promise<URLSearchParams | undefined> {
    const { settings, serverUrl, fetch } = this.deps;
    return grantTokenRequest({ settings, serverUrl, discovery: this.discovery, fetch, learnSecret: (value) => this.deps.learnSecret(value) }, challengeScope);
  }

  /** Forgets this server's tokens and clients in the store. */
  async forget(): Promise<boolean> {
    this.record = { byIssuer: {} };
    return this.deps.store.forget(this.deps.serverUrl);
  }

  /** Every token set held for this server, for revocation at logout. */
  async allTokens(): Promise<Array<{ issuer: string; tokens: StoredOAuthTokens; client?: StoredOAuthClientInformation }>> {
    await this.load();
    return Object.entries(this.record?.byIssuer ?? {}).flatMap(([issuer, entry]) => (entry.tokens ? [{ issuer, tokens: entry.tokens, ...(entry.client ? { client: entry.client } : {}) }] : []));
  }

  private async entry(issuer: string | undefined) {
    await this.load();
    const key = issuer ?? this.record?.lastIssuer;
    return key ? this.record?.byIssuer[key] : undefined;
  }

  private async update(issuer: string | undefined, change: (entry: NonNullable<OAuthRecord['byIssuer'][string]>) => void): Promise<void> {
    await this.load();
    const record = (this.record ??= { byIssuer: {} });
    const key = issuer ?? record.lastIssuer ?? '';
    const entry = (record.byIssuer[key] ??= {});
    change(entry);
    record.lastIssuer = key;
    if (this.loadProblem) this.storeTrouble(new Error(this.loadProblem));
    try {
      await this.deps.store.save(this.deps.serverUrl, record);
    } catch (error) {
      this.storeTrouble(error);
    }
  }

  /** Read once per process; a keychain that cannot be read leaves the flow working in memory. */
  private load(): Promise<void> {
    this.loaded ??= this.deps.store.load(this.deps.serverUrl).then(
      (record) => {
        this.record = record ?? { byIssuer: {} };
        for (const entry of Object.values(this.record.byIssuer)) {
          for (const value of [entry.tokens?.access_token, entry.tokens?.refresh_token, entry.client?.client_secret]) this.deps.learnSecret(value);
        }
      },
      (error: unknown) => {
        // Said only when something is to be kept (update): a server that never asks for
        // authorization should not warn about the keychain on every command.
        this.record = { byIssuer: {} };
        this.loadProblem = error instanceof Error ? error.message : String(error);
      },
    );
    return this.loaded;
  }

  private storeTrouble(error: unknown): void {
    if (this.storeProblem) return;
    this.storeProblem = error instanceof Error ? error.message : String(error);
    this.deps.note(`warning: OAuth tokens are kept in memory only for this run: ${this.storeProblem}`);
  }
}
