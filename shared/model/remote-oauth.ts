import * as z from 'zod';

/**
 * The grants a saved remote can use (OAuth 2.1 section 4.1 with PKCE and a loopback redirect, or
 * section 4.2 for machine-to-machine; the CLI has more, set by its options).
 */
export const RemoteOAuthGrant = z.enum(['authorization_code', 'client_credentials']);
export type RemoteOAuthGrant = z.infer<typeof RemoteOAuthGrant>;

const HttpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'The client metadata document URL must be an http(s) URL, e.g. https://app.example.com/client.json');

/**
 * How a saved remote signs in with OAuth when its server asks (401 with a challenge). Stored in
 * remotes.json: no secret here. The client secret lives in the keychain (account
 * `<remoteId>:oauth:client_secret`); the remote only says whether one is set
 * (`Remote.oauthClientSecretSet`). Tokens live in the keychain too, never here.
 */
export const RemoteOAuth = z.object({
  /** false: never start OAuth (a 401 stays an `auth` error). Absent or true: start it when the server challenges and no Authorization header is set. */
  enabled: z.boolean().optional(),
  grant: RemoteOAuthGrant.default('authorization_code'),
  /** A pre-registered client id; otherwise the client metadata document URL, then dynamic registration (RFC 7591). */
  clientId: z.string().trim().max(500).optional(),
  /** Space-separated scopes to ask for; otherwise the server's challenge or metadata decides. */
  scope: z.string().trim().max(2000).optional(),
  /** This client's metadata document (CIMD), used as client_id where the server supports it. */
  clientMetadataUrl: HttpUrl.optional(),
});
export type RemoteOAuth = z.infer<typeof RemoteOAuth>;

/**
 * Who a remote is signed in as, as far as the tokens can be read without their keys (never a
 * token, code or secret): the claims of the ID token or a JWT access token, the issuer, the
 * granted scopes and when the access token expires. `signedIn: false` when nothing is kept.
 */
export const SignInStatus = z.object({
  signedIn: z.boolean(),
  /** The authorization server (its issuer identifier). */
  issuer: z.string().optional(),
  /** `sub`, `email`, `name` / `preferred_username` where a token is readable (a JWT). */
  subject: z.string().optional(),
  email: z.string().optional(),
  name: z.string().optional(),
  /** The granted scopes (the token response's `scope`, else the JWT's). */
  scopes: z.array(z.string()).default([]),
  /** When the access token expires, ms since the epoch (absent: not said by the server). */
  expiresAt: z.number().optional(),
  /** A refresh token is kept: the access token is renewed when it expires. */
  refreshable: z.boolean().default(false),
  /** `jwt` when claims were read from a token, `opaque` when only the issuer can read them. */
  tokenFormat: z.enum(['jwt', 'opaque']).optional(),
});
export type SignInStatus = z.infer<typeof SignInStatus>;

/** What signing out did: revoked at the authorization server, not offered there, or failed (the tokens are forgotten in every case). */
export const SignOutResult = z.object({
  found: z.boolean(),
  outcomes: z.array(z.object({ issuer: z.string(), result: z.enum(['revoked', 'unsupported', 'failed']), problem: z.string().optional() })),
});
export type SignOutResult = z.infer<typeof SignOutResult>;

/** The authorization a connection is waiting for: the user signs in in the system browser. */
export const SignInWaiting = z.object({
  /** The authorization endpoint's host, e.g. auth.example.com (never the URL: it carries state and the PKCE challenge). */
  host: z.string(),
  startedAt: z.number(),
});
export type SignInWaiting = z.infer<typeof SignInWaiting>;
