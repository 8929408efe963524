import type { AuthorizationOpener, AuthorizeMode } from '../auth/authorization-handlers';
import type { AuthorizationServerMetadata, OAuthClientInformationMixed, OAuthProtectedResourceMetadata, OAuthTokens } from '@modelcontextprotocol/client';
import type { HttpEntry } from '../../../shared/model/trace';
import type { AuthDebugArrow, AuthDebugFinding } from '../../../shared/model/auth-debug';
import type { LoopbackRedirect } from '../auth/loopback-redirect';
import type { Redactor } from '../capture/redaction';
import type { ClientIdSource } from './authorization-checks';

/** How the debugger authorizes; secrets here stay in memory and are masked in everything it records. */
export interface AuthDebugOptions {
  /** The MCP server's URL (Streamable HTTP or SSE endpoint). */
  serverUrl: string;
  /** A pre-registered client id (otherwise a client ID metadata document, then dynamic registration). */
  clientId?: string;
  clientSecret?: string;
  /** An HTTPS URL of the client's metadata document, used as client_id where the server supports it (CIMD). */
  clientMetadataUrl?: string;
  /** Space-separated scopes to ask for (default: the challenge's scope, then the metadata's scopes_supported). */
  scope?: string;
  /**
   * How the authorization URL reaches the user (the CLI's --authorize): `browser`, `print`, or
   * `follow` (fetched and followed; its hops are recorded). Ignored when `openAuthorizationUrl` is given.
   */
  authorize?: AuthorizeMode | AuthorizationOpener;
  /** The app's opener (the system browser), or a test's; resolves once the URL is handed over. */
  openAuthorizationUrl?: AuthorizationOpener;
  /** Messages for the user (the CLI: stderr). Never given a secret. */
  note?: (line: string) => void;
  /** How long to wait for the MCP server's answer to the first and last steps' request, in ms (default 30 s). */
  requestTimeoutMs?: number;
  /** How long to wait for the redirect back, in ms (default 5 minutes). */
  callbackTimeoutMs?: number;
  /** The fetch under the recorder (default: globalThis.fetch); a saved remote's TLS settings come in here. */
  fetch?: typeof fetch;
  /**
   * Headers sent with every request to the MCP server (not to the authorization server), such as
   * an API gateway's key from the saved remote. An Authorization header here is left out: getting
   * one is what the run is about.
   */
  headers?: ReadonlyArray<{ name: string; value: string }>;
  /** The redactor for everything recorded (default: a new one knowing the server URL's credentials). */
  redactor?: Redactor;
}

/** What the steps learn and hand on. Secret values here are never recorded unmasked. */
export interface AuthDebugState {
  /**
   * Whether the request without a token was refused with 401 (the server asks for authorization);
   * false when it was answered (2xx): the server does not, and no OAuth flow may follow.
   */
  authorizationAsked?: boolean;
  /** The URL speaks the legacy HTTP+SSE transport: the requests to it are the GET of its event stream. */
  legacySse?: boolean;
  challengeScope?: string;
  resourceMetadataUrl?: string;
  resourceMetadata?: OAuthProtectedResourceMetadata;
  authorizationServerUrl?: string;
  authorizationServerMetadata?: AuthorizationServerMetadata;
  loopback?: LoopbackRedirect;
  redirectUri?: string;
  client?: OAuthClientInformationMixed;
  clientIdSource?: ClientIdSource;
  scope?: string;
  resource?: string;
  authorizationUrl?: URL;
  state?: string;
  codeVerifier?: string;
  code?: string;
  iss?: string;
  tokens?: OAuthTokens;
}

export interface StepContext {
  options: AuthDebugOptions;
  state: AuthDebugState;
  /** The recording fetch: every exchange made through it is in the step's result. */
  fetch: typeof fetch;
  redactor: Redactor;
  /** The step's exchanges so far, once their recording has ended (masked). */
  recorded(): Promise<HttpEntry[]>;
}

/** What one step found, before the machine adds timing, exchanges and the expectation. */
export interface StepOutcome {
  findings: AuthDebugFinding[];
  facts: Record<string, string>;
  arrows: AuthDebugArrow[];
  /** Why the run cannot go on, when it cannot. */
  stopped?: string;
}

/** The stop reason for a step whose failures leave nothing to go on with. */
export function stopIfFailed(findings: AuthDebugFinding[], reason: string): { stopped?: string } {
  return findings.some((f) => f.verdict === 'fail') ? { stopped: reason } : {};
}

export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}
