import type { StoredOAuthClientInformation, StoredOAuthTokens } from '@modelcontextprotocol/client';
import type { SecretVault } from '../secrets/secret-vault';

/** What is kept per authorization server (issuer) for one MCP server URL. */
export interface IssuerRecord {
  tokens?: StoredOAuthTokens;
  /** Client information from dynamic registration (may hold a client_secret). */
  client?: StoredOAuthClientInformation;
  /** The client id the tokens were issued to when it was pre-registered (no secret kept): for revocation. */
  clientId?: string;
  /** When `tokens` were obtained (ms since the epoch): with `expires_in` (RFC 6749 section 5.1), when the access token expires. */
  obtainedAt?: number;
}

/** Everything kept for one MCP server URL: one entry per issuer, and the issuer used last. */
export interface OAuthRecord {
  lastIssuer?: string;
  byIssuer: Record<string, IssuerRecord>;
}

/**
 * Where OAuth tokens and registered clients live between runs. There is deliberately no file
 * backend: `keychain` (the OS keychain through the SecretVault) or `memory` (this process only).
 */
export interface OAuthStore {
  readonly kind: 'keychain' | 'memory';
  load(serverUrl: string): Promise<OAuthRecord | undefined>;
  save(serverUrl: string, record: OAuthRecord): Promise<void>;
  /** True when something was forgotten. */
  forget(serverUrl: string): Promise<boolean>;
}

/** Keychain account of one server's OAuth record: `oauth:<server URL>` (header accounts never start so: a remote id has no colon). */
export function oauthAccount(serverUrl: string): string {
  return `oauth:${serverUrl}`;
}

export class MemoryOAuthStore implements OAuthStore {
  readonly kind = 'memory' as const;
  private readonly records = new Map<string, OAuthRecord>();
  async load(serverUrl: string): Promise<OAuthRecord | undefined> {
    const record = this.records.get(serverUrl);
    return record ? structuredClone(record) : undefined;
  }
  async save(serverUrl: string, record: OAuthRecord): Promise<void> {
    this.records.set(serverUrl, structuredClone(record));
  }
  async forget(serverUrl: string): Promise<boolean> {
    return this.records.delete(serverUrl);
  }
}

/**
 * The record as one JSON secret in the OS keychain (ARCHITECTURE.md rule 5: secrets never in
 * plain-text files). Errors are the vault's `keychain` PeriscopeErrors.
 */
export class VaultOAuthStore implements OAuthStore {
  readonly kind = 'keychain' as const;
  /** `account`: the keychain account of a server URL (default `oauth:<server URL>`; the app keys it by remote too). */
  constructor(
    private readonly vault: SecretVault,
    private readonly account: (serverUrl: string) => string = oauthAccount,
  ) {}

  async load(serverUrl: string): Promise<OAuthRecord | undefined> {
    const text = await this.vault.get(this.account(serverUrl));
    if (!text) return undefined;
    try {
      const parsed = JSON.parse(text) as OAuthRecord;
      return parsed && typeof parsed.byIssuer === 'object' ? parsed : undefined;
    } catch {
      // A damaged entry is as good as none: a new authorization replaces it.
      return undefined;
    }
  }

  async save(serverUrl: string, record: OAuthRecord): Promise<void> {
    await this.vault.set(this.account(serverUrl), JSON.stringify(record));
  }

  forget(serverUrl: string): Promise<boolean> {
    return this.vault.delete(this.account(serverUrl));
  }
}
