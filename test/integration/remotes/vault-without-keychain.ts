/**
 * Child process for the keychain-unavailable test: it starts with a D-Bus address that leads
 * nowhere, tries to store a secret and prints the ErrorInfo it got as JSON.
 */
import { KeytarVault } from '../../../main/core/secrets/keytar-vault';
import { isPeriscopeError } from '../../../main/core/diagnostics/periscope-error';

try {
  await new KeytarVault({ service: 'mcp-periscope-unreachable' }).set('r:Authorization', 'never-stored');
  process.stdout.write(JSON.stringify({ kind: 'none', message: 'stored without a keychain?!' }));
} catch (error) {
  process.stdout.write(JSON.stringify(isPeriscopeError(error) ? error.info : { kind: 'raw', message: String(error) }));
}
