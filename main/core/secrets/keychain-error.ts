import { PeriscopeError } from '../diagnostics/periscope-error';

type Operation = 'read' | 'store' | 'delete' | 'list';

/**
 * Turns whatever keytar or the OS threw into an ErrorInfo of kind 'keychain' that keeps the
 * system's own words and says what to try on this platform.
 */
export function keychainError(error: unknown, operation: Operation, account?: string): PeriscopeError {
  const systemMessage = error instanceof Error ? error.message : String(error);
  const what = account ? `the secret "${account}"` : 'the secrets';
  return new PeriscopeError({
    kind: 'keychain',
    message: `Could not ${operation} ${what} in the system keychain: ${systemMessage}`,
    hint: keychainHint(systemMessage),
    detail: { operation, systemMessage, platform: process.platform },
  }, { cause: error });
}

function keychainHint(systemMessage: string): string {
  const text = systemMessage.toLowerCase();
  if (text.includes('locked')) {
    return 'The keychain is locked. Unlock it (log in to your desktop session or open your keyring manager) and try again.';
  }
  if (text.includes('cannot find module') || text.includes('keytar') || text.includes('.node')) {
    return 'The keychain library could not be loaded. Reinstall MCP Periscope; secrets are never stored in plain text instead.';
  }
  if (process.platform === 'linux') {
    return 'MCP Periscope keeps secret header values in the Secret Service (gnome-keyring, KWallet). Make sure one is running in a D-Bus session (DBUS_SESSION_BUS_ADDRESS set) and unlocked; secrets are never stored in plain text instead.';
  }
  if (process.platform === 'darwin') {
    return 'Open Keychain Access, make sure the login keychain is unlocked, and allow MCP Periscope access when asked.';
  }
  return 'Check that Windows Credential Manager is available for your user account.';
}
