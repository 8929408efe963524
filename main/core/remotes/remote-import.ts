import type { RemoteInput } from '../../../shared/model';
import { looksLikeCredentialEnv, looksLikeCredentialHeader } from '../../../shared/model';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { McpServerEntry, SeedRemote, normalizeTransportName } from './exchange-format';
import { jsonFileText, NotUtf8Error } from './json-file-text';

/** One entry found in an import file, ready to save or already known to be unusable. */
export interface ImportCandidate {
  /** Where it came from, e.g. "entry 2" or "mcpServers.github". */
  source: string;
  name: string;
  /** True when the file gave no name and one was made up from the URL or command. */
  nameDerived: boolean;
  draft?: RemoteInput;
  skipped?: string;
  warnings: string[];
}

export type ImportFormat = 'seed' | 'mcpServers';

/**
 * The text of an import file as read from disk (a byte order mark dropped, UTF-16 decoded: see
 * jsonFileText).
 * @throws PeriscopeError `invalid-input` naming the first byte that is not UTF-8 and its offset.
 */
export function importFileText(bytes: Uint8Array): string {
  try {
    return jsonFileText(bytes);
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `The import file is not UTF-8 text: ${error.message}.`,
      hint: 'Save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8) and import it again.',
      detail: { offset: error.offset, byte: error.byte },
    });
  }
}

/** Recognizes the format of an import file and turns each entry into a candidate. */
export function parseImportText(text: string): { format: ImportFormat; candidates: ImportCandidate[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PeriscopeError({
      kind: 'invalid-input',
      message: `The import file is not valid JSON: ${(error as Error).message}`,
      hint: 'Import a remote configuration (an object or array with transport_type, url, headers) or an MCP client config with "mcpServers".',
    });
  }
  if (Array.isArray(json)) return { format: 'seed', candidates: json.map((e, i) => seedCandidate(e, `entry ${i + 1}`)) };
  if (isObject(json)) {
    for (const key of ['mcpServers', 'servers'] as const) {
      const servers = json[key];
      if (isObject(servers)) {
        return { format: 'mcpServers', candidates: Object.entries(servers).map(([name, e]) => mcpServerCandidate(name, e, `${key}.${name}`)) };
      }
    }
    if ('transport_type' in json || 'url' in json) return { format: 'seed', candidates: [seedCandidate(json, 'entry 1')] };
  }
  throw new PeriscopeError({
    kind: 'invalid-input',
    message: 'The import file is in no format MCP Periscope knows.',
    hint: 'Expected a remote configuration (transport_type, url, headers), an array of them, or an MCP client config with "mcpServers".',
  });
}

function seedCandidate(entry: unknown, source: string): ImportCandidate {
  const parsed = SeedRemote.safeParse(entry);
  const fallbackName = isObject(entry) && typeof entry.name === 'string' ? entry.name : source;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return { source, name: fallbackName, nameDerived: false, skipped: `not a remote configuration (${where}${issue.message})`, warnings: [] };
  }
  const seed = parsed.data;
  const transport = normalizeTransportName(seed.transport_type);
  const derived = deriveName(seed.url, seed.command) ?? source;
  const name = seed.name?.trim() || derived;
  const base = { source, name, nameDerived: !seed.name?.trim(), warnings: envSecretWarnings(seed.env) };
  if (!transport) return { ...base, skipped: `unknown transport_type "${seed.transport_type}" (expected streamable, sse or websocket)` };
  const draft: RemoteInput = {
    name,
    transport,
    url: seed.url,
    ...(seed.instances && seed.instances.length > 0 ? { instances: seed.instances } : {}),
    command: seed.command,
    args: seed.args,
    env: seed.env,
    cwd: seed.cwd,
    headers: seed.headers.map((h) => ({ ...h })),
    timeouts: seed.timeouts,
    tls: seed.tls ? { caFiles: seed.tls.caFiles ?? [], acceptInvalidCertificates: seed.tls.acceptInvalidCertificates ?? false } : undefined,
    notes: seed.notes,
    ...(seed.protocol_era ? { protocolEra: seed.protocol_era as RemoteInput['protocolEra'] } : {}),
    ...(seed.protocol_version ? { protocolVersion: seed.protocol_version } : {}),
    ...(seed.reinitialize_on_session_expiry === false ? { reinitializeOnSessionExpiry: false } : {}),
    // Checked by the draft's schema: a limit out of range skips the entry with its reason.
    ...(seed.max_message_bytes !== undefined ? { maxMessageBytes: seed.max_message_bytes } : {}),
    // Checked by the draft's schema: an unknown policy or a root that is not a URI skips the entry with its reason.
    ...(seed.server_request_policy ? { serverRequestPolicy: seed.server_request_policy as RemoteInput['serverRequestPolicy'] } : {}),
    ...(seed.roots && seed.roots.length > 0 ? { roots: seed.roots } : {}),
    ...(seed.oauth ? oauthFromSeed(seed.oauth) : {}),
  };
  return { ...base, draft };
}

function mcpServerCandidate(name: string, entry: unknown, source: string): ImportCandidate {
  const base = { source, name, nameDerived: false, warnings: [] as string[] };
  const parsed = McpServerEntry.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ...base, skipped: `not a server entry (${issue.path.map(String).join('.') || 'entry'}: ${issue.message})` };
  }
  const server = parsed.data;
  const url = server.url ?? server.serverUrl;
  const declared = server.type ?? server.transport;
  let transport = declared ? normalizeTransportName(declared) : undefined;
  if (declared && !transport) return { ...base, skipped: `unknown transport type "${declared}"` };
  transport ??= server.command ? 'stdio' : url && /^wss?:/i.test(url) ? 'websocket' : 'auto';
  if (transport !== 'stdio' && !url) return { ...base, skipped: server.command ? `type "${declared}" needs a url, but the entry has a command` : 'has neither url nor command' };
  if (transport === 'stdio' && !server.command) return { ...base, skipped: 'type is stdio but there is no command' };

  const headers = Object.entries(server.headers ?? {}).map(([headerName, value]) => ({
    name: headerName,
    value,
    description: '',
    is_required: true,
    is_secret: looksLikeCredentialHeader(headerName),
  }));
  base.warnings.push(...envSecretWarnings(server.env));
  const draft: RemoteInput =
    transport === 'stdio'
      ? { name, transport, command: server.command, args: server.args, env: server.env, cwd: server.cwd, headers: [] }
      : { name, transport, url, headers };
  return { ...base, draft };
}

/** Says where credential-looking env values of an imported entry go (the keychain, see env-secrets.ts). */
function envSecretWarnings(env: Record<string, string> | undefined): string[] {
  const credentials = Object.entries(env ?? {}).filter(([k, v]) => v !== '' && looksLikeCredentialEnv(k)).map(([k]) => k);
  return credentials.length > 0 ? [`Environment variable(s) ${credentials.join(', ')} look like credentials, so their values are kept in the system keychain, not in remotes.json.`] : [];
}

/** "mcp-api.yourcompany.com" from a URL, "npx" from a command. */
function deriveName(url: string | undefined, command: string | undefined): string | undefined {
  if (url) {
    try {
      const parsed = new URL(url);
      return parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
    } catch {
      return undefined;
    }
  }
  return command?.split(/[\\/]/).pop();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The remote's OAuth settings from an entry's `oauth` (checked by the draft's schema: a wrong grant or URL skips the entry with its reason). */
function oauthFromSeed(oauth: NonNullable<SeedRemote['oauth']>): Pick<RemoteInput, 'oauth' | 'oauthClientSecret'> {
  return {
    oauth: {
      ...(oauth.enabled === false ? { enabled: false } : {}),
      ...(oauth.grant ? { grant: oauth.grant as NonNullable<RemoteInput['oauth']>['grant'] } : {}),
      ...(oauth.client_id ? { clientId: oauth.client_id } : {}),
      ...(oauth.scope ? { scope: oauth.scope } : {}),
      ...(oauth.client_metadata_url ? { clientMetadataUrl: oauth.client_metadata_url } : {}),
    },
    ...(oauth.client_secret ? { oauthClientSecret: oauth.client_secret } : {}),
  };
}
