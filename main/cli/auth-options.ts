import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ConnectionTargetInput } from '../../shared/model';
import { ConnectionOAuth } from '../core/auth/connection-oauth';
import type { AuthorizeMode } from '../core/auth/authorization-handlers';
import { MemoryOAuthStore, VaultOAuthStore, type OAuthStore } from '../core/auth/oauth-store';
import type { OAuthGrant, OAuthSettings } from '../core/auth/oauth-settings';
import { PeriscopeError } from '../core/diagnostics/periscope-error';
import { KeytarVault } from '../core/secrets/keytar-vault';
import type { SecretVault } from '../core/secrets/secret-vault';
import { remoteClientSecretAccount, remoteOAuthStore } from '../core/auth/remote-sign-in';
import type { RemoteOAuth } from '../../shared/model/remote-oauth';
import type { CliContext, SavedRemoteAuth } from './cli-context';

/** The OAuth options of every connecting command, as commander hands them over. */
export interface AuthOptions {
  authorize?: AuthorizeMode;
  clientId?: string;
  clientSecretStdin?: boolean;
  clientMetadataUrl?: string;
  scope?: string;
  grant?: OAuthGrant;
  privateKeyFile?: string;
  signingAlg?: string;
  tokenStore?: 'keychain' | 'memory';
  idpTokenEndpoint?: string;
  idpClientId?: string;
  idpIdTokenFile?: string;
  assertionFile?: string;
  dpop?: boolean;
  /** Commander's name for --no-oauth. */
  oauth?: boolean;
}

function httpsUrl(value: string): string {
  try {
    return new URL(value).toString();
  } catch {
    throw new InvalidArgumentError(`"${value}" is not a URL.`);
  }
}

/** Adds the OAuth options (one definition, so every connecting command agrees). Secrets never come from argv: stdin or a file. */
export function withAuthOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--authorize <how>', 'OAuth: how the authorization URL is opened: browser (system browser), print (print it and wait), follow (fetch it and follow its redirects; for servers that approve without a login page). Default: browser on a terminal, else print').choices(['browser', 'print', 'follow']))
    .option('--client-id <id>', 'OAuth: a pre-registered client id (otherwise --client-metadata-url, then dynamic registration)')
    .option('--client-secret-stdin', 'OAuth: read the client secret from stdin (never from the command line)')
    .addOption(new Option('--client-metadata-url <url>', 'OAuth: HTTPS URL of this client\'s metadata document, used as client_id where the server supports it (CIMD)').argParser(httpsUrl))
    .option('--scope <scopes>', 'OAuth: space-separated scopes to ask for (default: what the server\'s challenge or metadata names)')
    .addOption(new Option('--grant <grant>', 'OAuth grant: authorization_code (default), client_credentials, jwt_bearer (with --assertion-file), enterprise (with --idp-*)').choices(['authorization_code', 'client_credentials', 'jwt_bearer', 'enterprise']))
    .option('--private-key-file <pem>', 'OAuth: authenticate the client with private_key_jwt signed by this PEM key (with --client-id)')
    .option('--signing-alg <alg>', 'OAuth: JWS algorithm for --private-key-file (default ES256 for EC keys, RS256 for RSA)')
    .addOption(new Option('--token-store <where>', 'OAuth: where tokens are kept: keychain (the OS keychain, default) or memory (this run only)').choices(['keychain', 'memory']))
    .option('--idp-token-endpoint <url>', 'OAuth enterprise-managed authorization: the IdP token endpoint for the ID-JAG token exchange')
    .option('--idp-client-id <id>', 'OAuth enterprise-managed authorization: this client\'s id at the IdP')
    .option('--idp-id-token-file <file>', 'OAuth enterprise-managed authorization: a file holding the user\'s ID token from the IdP')
    .option('--assertion-file <file>', 'OAuth jwt_bearer grant: a file holding the JWT assertion (e.g. a workload identity token)')
    .option('--dpop', 'OAuth: ask for DPoP sender-constrained tokens (RFC 9449)')
    .option('--no-oauth', 'never start OAuth on a 401 challenge');
}

/**
 * The connection's OAuth, or undefined when it does not apply: stdio and WebSocket targets, an
 * Authorization header given (-H or the saved remote), --no-oauth, or a saved remote whose
 * Authorization group turns OAuth off. A saved remote's settings (grant, client id, its client
 * secret from the keychain, scopes, client metadata document) apply where no option says
 * otherwise, and its tokens are kept under the remote, where the app keeps them: a sign-in in
 * either serves both. Reads the secrets the options point at (stdin, files) now, so a missing
 * file fails before anything is sent.
 * Errors: `invalid-input` for options that do not fit together or a file that cannot be read;
 * the keychain's errors when the remote's client secret cannot be read.
 */
export async function oauthForTarget(
  target: ConnectionTargetInput,
  options: AuthOptions,
  ctx: Pick<CliContext, 'stdin' | 'stderr'>,
  note: (line: string) => void,
  saved?: SavedRemoteAuth,
): Promise<ConnectionOAuth | undefined> {
  if (options.oauth === false || !target.url || target.transport === 'stdio' || target.transport === 'websocket') return undefined;
  if (saved?.oauth?.enabled === false) return undefined;
  if ((target.headers ?? []).some((h) => h.name.toLowerCase() === 'authorization')) return undefined;
  const vault = new KeytarVault();
  const settings = await oauthSettings(options, ctx, saved ? await savedDefaults(saved, options, vault) : undefined);
  const store: OAuthStore = options.tokenStore === 'memory' ? new MemoryOAuthStore() : tokenStoreFor(vault, saved);
  return new ConnectionOAuth({ settings, store, note });
}

/** Where the CLI keeps OAuth tokens in the keychain: under a saved remote as the app does, else under the server URL. */
export function tokenStoreFor(vault: SecretVault, saved: SavedRemoteAuth | undefined): VaultOAuthStore {
  return saved ? remoteOAuthStore(vault, saved.id) : new VaultOAuthStore(vault);
}

/** A saved remote's OAuth settings; its client secret is read only for its own client id, and only when stdin gives none. */
async function savedDefaults(saved: SavedRemoteAuth, options: AuthOptions, vault: SecretVault): Promise<SavedOAuthDefaults> {
  const oauth = saved.oauth;
  const clientId = options.clientId ?? oauth?.clientId;
  const ownClient = oauth?.clientId !== undefined && clientId === oauth.clientId;
  const clientSecret = ownClient && !options.clientSecretStdin ? await vault.get(remoteClientSecretAccount(saved.id)) : undefined;
  return { ...(oauth ? { oauth } : {}), ...(clientSecret ? { clientSecret } : {}) };
}

/** What a saved remote adds to the options: its Authorization group and its stored client secret. */
export interface SavedOAuthDefaults {
  oauth?: RemoteOAuth;
  clientSecret?: string;
}

export async function oauthSettings(options: AuthOptions, ctx: Pick<CliContext, 'stdin' | 'stderr'>, saved: SavedOAuthDefaults = {}): Promise<OAuthSettings> {
  const grant: OAuthGrant = options.grant ?? (options.assertionFile ? 'jwt_bearer' : options.idpTokenEndpoint ? 'enterprise' : saved.oauth?.grant ?? 'authorization_code');
  const interactive = Boolean((ctx.stderr as { isTTY?: boolean }).isTTY);
  const settings: OAuthSettings = { grant, authorize: options.authorize ?? (interactive ? 'browser' : 'print') };
  const clientId = options.clientId ?? saved.oauth?.clientId;
  const clientMetadataUrl = options.clientMetadataUrl ?? saved.oauth?.clientMetadataUrl;
  const scope = options.scope ?? saved.oauth?.scope;
  if (clientId) settings.clientId = clientId;
  if (clientMetadataUrl) settings.clientMetadataUrl = clientMetadataUrl;
  if (scope) settings.scope = scope;
  if (options.signingAlg) settings.signingAlgorithm = options.signingAlg;
  if (options.dpop) settings.dpop = true;
  if (saved.clientSecret) settings.clientSecret = saved.clientSecret;
  if (options.clientSecretStdin) settings.clientSecret = await readStdinSecret(ctx.stdin);
  if (options.privateKeyFile) settings.privateKeyPem = await readSecretFile(options.privateKeyFile, '--private-key-file');
  if (options.assertionFile) settings.assertion = (await readSecretFile(options.assertionFile, '--assertion-file')).trim();
  if (grant === 'client_credentials' && (!settings.clientId || (!settings.clientSecret && !settings.privateKeyPem))) {
    throw invalid('--grant client_credentials needs a client: --client-id with --client-secret-stdin or --private-key-file.', 'Add --client-id ID and pipe the secret: `printf %s "$SECRET" | periscope tools URL --grant client_credentials --client-id ID --client-secret-stdin`.');
  }
  if (settings.privateKeyPem && !settings.clientId) throw invalid('--private-key-file needs --client-id.', 'Add --client-id with the client id the key is registered for.');
  if (grant === 'jwt_bearer' && !settings.assertion) throw invalid('--grant jwt_bearer needs --assertion-file.', 'Add --assertion-file FILE with the JWT assertion.');
  if (grant === 'enterprise') {
    if (!options.idpTokenEndpoint || !options.idpClientId || !options.idpIdTokenFile || !settings.clientId) {
      throw invalid('Enterprise-managed authorization needs --idp-token-endpoint, --idp-client-id, --idp-id-token-file and --client-id.', 'Add the missing options; the MCP server\'s client secret comes from --client-secret-stdin.');
    }
    settings.idp = { tokenEndpoint: options.idpTokenEndpoint, clientId: options.idpClientId, idToken: (await readSecretFile(options.idpIdTokenFile, '--idp-id-token-file')).trim() };
  }
  return settings;
}

/** Read once per stdin: `fanout` connects to several instances with the one secret. */
const stdinSecrets = new WeakMap<object, Promise<string>>();

function readStdinSecret(stdin: NodeJS.ReadableStream): Promise<string> {
  let secret = stdinSecrets.get(stdin);
  if (!secret) stdinSecrets.set(stdin, (secret = readAll(stdin)));
  return secret;
}

async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const secret = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!secret) throw invalid('--client-secret-stdin read nothing from stdin.', 'Pipe the secret in, e.g. `printf %s "$SECRET" | periscope ...`.');
  return secret;
}

async function readSecretFile(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw invalid(`${flag}: cannot read ${path}: ${(error as Error).message}`, `Check the path given to ${flag}.`);
  }
}

function invalid(message: string, hint: string): PeriscopeError {
  return new PeriscopeError({ kind: 'invalid-input', message, hint });
}
