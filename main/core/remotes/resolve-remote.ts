import type { ConnectionTargetInput, Remote, WireHeader } from '../../../shared/model';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { secretAccount, type SecretVault } from '../secrets/secret-vault';
import { headerFix } from '../diagnostics/fixes';

/**
 * Turns a saved remote into what the connection engine needs, reading secret values from the
 * vault. Runs before any network traffic: a required header without a value stops here, naming
 * every missing header at once. Secret headers keep their flag so the Redactor masks them.
 */
export async function resolveRemoteForConnection(
  remote: Remote,
  vault: SecretVault,
): Promise<{ target: ConnectionTargetInput; label: string }> {
  const headers: WireHeader[] = [];
  const missing: string[] = [];
  for (const header of remote.headers) {
    const value = header.is_secret ? await vault.get(secretAccount(remote.id, header.name)) : header.value;
    if (value === undefined || value === '') {
      if (header.is_required) missing.push(header.name);
      continue; // an optional header without a value is simply not sent
    }
    headers.push(header.is_secret ? { name: header.name, value, secret: true } : { name: header.name, value });
  }
  if (missing.length > 0) {
    const list = missing.map((n) => `"${n}"`).join(', ');
    throw new PeriscopeError({
      kind: 'missing-secret',
      message: `Remote "${remote.name}" needs a value for required header${missing.length > 1 ? 's' : ''} ${list}; nothing was sent.`,
      hint: `Enter ${missing.length > 1 ? 'their values' : 'its value'} in the remote's settings; a secret value is kept in the system keychain.`,
      fixes: missing.map((name) => headerFix(name, `Set the ${name} header`)),
      detail: { remoteId: remote.id, remoteName: remote.name, missingHeaders: missing },
    });
  }
  const target: ConnectionTargetInput = {
    transport: remote.transport,
    headers,
    timeouts: remote.timeouts as ConnectionTargetInput['timeouts'],
    tls: remote.tls,
    protocolEra: remote.protocolEra,
    ...(remote.protocolVersion ? { protocolVersion: remote.protocolVersion } : {}),
  };
  if (remote.transport === 'stdio') {
    Object.assign(target, { command: remote.command, args: remote.args, env: remote.env, cwd: remote.cwd });
  } else {
    target.url = remote.url;
  }
  return { target, label: remote.name };
}
