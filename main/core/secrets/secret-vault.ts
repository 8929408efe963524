/**
 * Where secret header values live. The app and the CLI use the keytar backend (the OS keychain);
 * unit tests use an in-memory one. There is deliberately no plain-text backend.
 */
export interface SecretVault {
  get(account: string): Promise<string | undefined>;
  set(account: string, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
  /** Every account this vault holds for MCP Periscope. */
  list(): Promise<string[]>;
}

export const KEYCHAIN_SERVICE = 'mcp-periscope';

/** Keychain account of one secret header (ARCHITECTURE.md rule 5). */
export function secretAccount(remoteId: string, headerName: string): string {
  return `${remoteId}:${headerName}`;
}

/**
 * Keychain account of one stdio environment secret: `${remoteId}:env:${NAME}`. Header names
 * cannot hold a colon (RFC 9110 token), so this never collides with a header's account.
 */
export function envSecretAccount(remoteId: string, envName: string): string {
  return `${remoteId}:env:${envName}`;
}

/** The accounts that belong to a remote (headers and env secrets), whatever the case of their names. */
export function accountsOfRemote(accounts: string[], remoteId: string): string[] {
  const prefix = `${remoteId}:`;
  return accounts.filter((a) => a.startsWith(prefix));
}
