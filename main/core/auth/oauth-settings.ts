import type { AuthorizationOpener, AuthorizeMode } from './authorization-handlers';

/**
 * The grant a connection uses when the server asks for authorization:
 * - `authorization_code`: OAuth 2.1 section 4.1 with PKCE S256, loopback redirect (the default);
 * - `client_credentials`: OAuth 2.1 section 4.2, authenticated with a client secret or
 *   `private_key_jwt` (RFC 7523 section 2.2; MCP extension "OAuth client credentials");
 * - `jwt_bearer`: an assertion grant (RFC 7523 section 2.1) with an assertion the user supplies
 *   (e.g. a workload identity token);
 * - `enterprise`: enterprise-managed authorization (MCP extension, SEP-990): an ID-JAG from the
 *   IdP by RFC 8693 token exchange, then the RFC 7523 jwt-bearer grant at the server's AS.
 */
export type OAuthGrant = 'authorization_code' | 'client_credentials' | 'jwt_bearer' | 'enterprise';

/** How one connection authorizes. Secrets here are held in memory only and never printed. */
export interface OAuthSettings {
  grant: OAuthGrant;
  /** How the authorization URL is opened: a CLI mode, or an opener the app injects. */
  authorize: AuthorizeMode | AuthorizationOpener;
  /** A pre-registered client id (otherwise CIMD, then dynamic registration). */
  clientId?: string;
  clientSecret?: string;
  /** An HTTPS URL of this client's metadata document, used as client_id where the AS supports it (CIMD). */
  clientMetadataUrl?: string;
  /** Space-separated scopes to ask for; otherwise the SDK picks (WWW-Authenticate, then scopes_supported). */
  scope?: string;
  /** PEM private key for private_key_jwt client authentication. */
  privateKeyPem?: string;
  /** JWS algorithm for private_key_jwt (default from the key: ES256 for EC keys, RS256 for RSA). */
  signingAlgorithm?: string;
  /** The assertion for the jwt_bearer grant. */
  assertion?: string;
  /** Enterprise-managed authorization: the IdP side. */
  idp?: { tokenEndpoint: string; clientId: string; clientSecret?: string; idToken: string };
  /** Sender-constrained tokens (RFC 9449 DPoP), through the SDK's DpopSession. */
  dpop?: boolean;
  /** How long to wait for the authorization response at the loopback listener, in ms (default 5 minutes). */
  callbackTimeoutMs?: number;
}

export const DEFAULT_CALLBACK_TIMEOUT_MS = 5 * 60_000;

export const CLIENT_NAME = 'MCP Periscope';
