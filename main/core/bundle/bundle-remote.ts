import type { ConnectionTargetInput } from '../../../shared/model/connection';
import { BUNDLE_SECRET_MARKER, type BundleRemote } from '../../../shared/model/repro-bundle';
import { redactorForTarget } from '../capture/redaction';
import { secretEnvNames } from '../remotes/env-secrets';

/**
 * The remote a connection was made to, in the remote configuration format (`transport_type`,
 * `url`, `headers` with `is_secret`), for a repro bundle: the values of secret headers (marked
 * secret, or credential-looking names such as Authorization) and of credential-looking stdio env
 * variables become BUNDLE_SECRET_MARKER, as a remote export leaves them out; every other value
 * passes the target's Redactor, so a secret inside a URL, argument or plain header is masked too.
 */
export function bundleRemote(target: ConnectionTargetInput, label: string): BundleRemote {
  const redactor = redactorForTarget(target);
  const secretHeader = (h: { name: string; secret?: boolean }) => h.secret === true || redactor.isSensitiveHeader(h.name);
  const remote: BundleRemote = {
    name: redactor.text(label),
    transport_type: target.command ? 'stdio' : target.transport,
    headers: (target.headers ?? []).map((h) => ({
      name: h.name,
      value: secretHeader(h) ? BUNDLE_SECRET_MARKER : redactor.text(h.value),
      is_secret: secretHeader(h),
    })),
  };
  if (target.url) remote.url = redactor.url(target.url, { learn: false });
  if (target.command) {
    remote.command = redactor.text(target.command);
    remote.args = (target.args ?? []).map((arg) => redactor.text(arg));
    const env = target.env ?? {};
    if (Object.keys(env).length > 0) {
      const secret = new Set(secretEnvNames(env));
      remote.env = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, secret.has(name) ? BUNDLE_SECRET_MARKER : redactor.text(value)]));
    }
  }
  if (target.protocolEra && target.protocolEra !== 'auto') remote.protocol_era = target.protocolEra;
  if (target.protocolVersion) remote.protocol_version = target.protocolVersion;
  return remote;
}
