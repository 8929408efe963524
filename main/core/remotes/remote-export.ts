import type { Remote } from '../../../shared/model';
import { envSecretAccount, secretAccount, type SecretVault } from '../secrets/secret-vault';
import { secretEnvNames } from './env-secrets';
import { toSeedHeader, type SeedRemote } from './exchange-format';
import { remoteClientSecretAccount } from '../auth/remote-sign-in';

export interface ExportOptions {
  /** Only when the user explicitly asks: secret values are read from the keychain into the export. */
  includeSecrets?: boolean;
}

/**
 * Remotes in the seed's format, as an array. Secret values (secret headers, credential-looking
 * stdio env variables) are empty unless `includeSecrets`, so an ordinary export can be shared;
 * the vault is not touched at all in that case.
 */
export async function exportRemotes(remotes: Remote[], vault: SecretVault, options: ExportOptions = {}): Promise<SeedRemote[]> {
  const out: SeedRemote[] = [];
  for (const remote of remotes) {
    const headers = [];
    for (const h of remote.headers) {
      const value = h.is_secret ? (options.includeSecrets ? ((await vault.get(secretAccount(remote.id, h.name))) ?? '') : '') : h.value;
      headers.push(toSeedHeader(h, value));
    }
    const entry: SeedRemote = { name: remote.name, transport_type: remote.transport, headers };
    if (remote.transport === 'stdio') {
      entry.command = remote.command;
      entry.args = remote.args;
      if (Object.keys(remote.env).length > 0) entry.env = await exportedEnv(remote, vault, options);
      if (remote.cwd) entry.cwd = remote.cwd;
    } else {
      entry.url = remote.url;
      if (remote.instances.length > 0) entry.instances = remote.instances;
    }
    if (Object.keys(remote.timeouts).length > 0) entry.timeouts = remote.timeouts;
    if (remote.tls.caFiles.length > 0 || remote.tls.acceptInvalidCertificates) entry.tls = remote.tls;
    if (remote.protocolEra !== 'auto') entry.protocol_era = remote.protocolEra;
    if (remote.protocolVersion) entry.protocol_version = remote.protocolVersion;
    if (remote.reinitializeOnSessionExpiry === false) entry.reinitialize_on_session_expiry = false;
    if (remote.maxMessageBytes) entry.max_message_bytes = remote.maxMessageBytes;
    if (remote.notes !== '') entry.notes = remote.notes;
    if (remote.serverRequestPolicy && remote.serverRequestPolicy !== 'ask') entry.server_request_policy = remote.serverRequestPolicy;
    if (remote.roots && remote.roots.length > 0) entry.roots = remote.roots;
    if (remote.oauth) entry.oauth = await exportedOAuth(remote, vault, options);
    out.push(reorder(entry));
  }
  return out;
}

/** The OAuth settings; the client secret (kept in the keychain) only when secret values were asked for, else "". */
async function exportedOAuth(remote: Remote, vault: SecretVault, options: ExportOptions): Promise<NonNullable<SeedRemote['oauth']>> {
  const oauth = remote.oauth!;
  const secret = oauth.clientId ? (options.includeSecrets ? ((await vault.get(remoteClientSecretAccount(remote.id))) ?? '') : '') : undefined;
  return {
    ...(oauth.enabled === false ? { enabled: false } : {}),
    grant: oauth.grant,
    ...(oauth.clientId ? { client_id: oauth.clientId } : {}),
    ...(secret !== undefined ? { client_secret: secret } : {}),
    ...(oauth.scope ? { scope: oauth.scope } : {}),
    ...(oauth.clientMetadataUrl ? { client_metadata_url: oauth.clientMetadataUrl } : {}),
  };
}

async function exportedEnv(remote: Remote, vault: SecretVault, options: ExportOptions): Promise<Record<string, string>> {
  const env = { ...remote.env };
  for (const name of secretEnvNames(remote.env)) {
    env[name] = options.includeSecrets ? ((await vault.get(envSecretAccount(remote.id, name))) ?? '') : '';
  }
  return env;
}

/** The seed's own fields first, so the file reads like the documentation's examples. */
function reorder(entry: SeedRemote): SeedRemote {
  const { name, transport_type, url, headers, ...rest } = entry;
  return { name, transport_type, ...(url !== undefined ? { url } : {}), headers, ...rest };
}

export function serializeExport(entries: SeedRemote[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
