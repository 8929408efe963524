import { describeCommandReview, reviewCommand, type ConnectionTargetInput, type Remote, type WireHeader } from '../../../shared/model';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { envSecretAccount, secretAccount, type SecretVault } from '../secrets/secret-vault';
import { secretEnvNames } from './env-secrets';
import { FIX, headerFix } from '../diagnostics/fixes';
import { instanceTargets, type InstanceTarget } from './instance-targets';

/**
 * Turns a saved remote into what the connection engine needs, reading secret values from the
 * vault. Runs before any network traffic: a required header without a value stops here, naming
 * every missing header at once. Secret headers keep their flag so the Redactor masks them.
 * A stdio remote's env secrets are read from the keychain too (one without a value is left out of
 * the environment); the Redactor knows them by their credential-looking names.
 */
export async function resolveRemoteForConnection(
  remote: Remote,
  vault: SecretVault,
): Promise<{ target: ConnectionTargetInput; label: string }> {
  if (remote.transport === 'stdio' && remote.commandNeedsConfirmation) throw needsConfirmation(remote);
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
    ...(remote.reinitializeOnSessionExpiry === false ? { reinitializeOnSessionExpiry: false } : {}),
    ...(remote.maxMessageBytes ? { maxMessageBytes: remote.maxMessageBytes } : {}),
    ...(remote.protocolVersion ? { protocolVersion: remote.protocolVersion } : {}),
  };
  if (remote.transport === 'stdio') {
    Object.assign(target, { command: remote.command, args: remote.args, env: await resolveEnv(remote, vault), cwd: remote.cwd });
  } else {
    target.url = remote.url;
  }
  return { target, label: remote.name };
}

async function resolveEnv(remote: Remote, vault: SecretVault): Promise<Record<string, string>> {
  const env = { ...remote.env };
  for (const name of secretEnvNames(remote.env)) {
    const value = await vault.get(envSecretAccount(remote.id, name));
    if (value) env[name] = value;
    else delete env[name];
  }
  return env;
}

/**
 * An imported stdio remote whose command nobody confirmed: nothing runs. The detail carries the
 * command review (command, args, env names, the dangerous ones) so the app can show its dialog
 * and the CLI its prompt without reading the remote again.
 */
export function needsConfirmation(remote: Remote): PeriscopeError {
  const review = reviewCommand(remote);
  return new PeriscopeError({
    kind: 'needs-confirmation',
    message: `Remote "${remote.name}" came from an imported file and runs a command nobody has confirmed yet; nothing was run. ${describeCommandReview(review).join('; ')}.`,
    hint: 'If you trust it, review and confirm the command once; nothing runs until then.',
    fixes: [FIX.confirmCommand],
    detail: { remoteId: remote.id, remoteName: remote.name, ...review },
  });
}

/**
 * Every instance of a remote (its own URL first, then `instances`), each with the remote's
 * transport, headers (secret values read from the vault once), era, timeouts and TLS. A remote
 * that is not a group gives one. Errors: as resolveRemoteForConnection (a missing secret stops
 * before anything is sent).
 */
export async function resolveGroupForConnection(remote: Remote, vault: SecretVault): Promise<InstanceTarget[]> {
  const { target, label } = await resolveRemoteForConnection(remote, vault);
  const urls = remote.transport === 'stdio' || !remote.url ? [] : [remote.url, ...(remote.instances ?? [])];
  return instanceTargets(target, label, urls);
}
