import { splitUserinfo } from '../../../shared/model/url-userinfo';
import { secretAccount } from '../secrets/secret-vault';
import type { MigratedSecret } from './remotes-file';

type RawRemote = Record<string, unknown> & { id?: unknown; url?: unknown; instances?: unknown; headers?: unknown };

/**
 * Takes the userinfo out of every URL of a remotes file (v1 shape, before its schema check):
 * remotes never keep `user:password@` (shared/model/url-userinfo.ts), but a file written by an
 * older build or edited by hand may. The credentials become what they meant on the wire, an
 * `Authorization: Basic` header (RFC 7617) whose value goes to the keychain, unless the remote
 * already sets Authorization (then they are dropped: that header is what was sent). Returns the
 * same object when nothing had userinfo. Never throws: shapes it does not know are left alone.
 */
export function sweepUrlCredentials(file: unknown): { file: unknown; secrets: MigratedSecret[]; changed: boolean } {
  const remotes = (file as { remotes?: unknown } | null)?.remotes;
  if (!Array.isArray(remotes)) return { file, secrets: [], changed: false };
  const secrets: MigratedSecret[] = [];
  let changed = false;
  const swept = remotes.map((remote: unknown) => {
    if (!remote || typeof remote !== 'object') return remote;
    const result = sweepRemote(remote as RawRemote);
    if (result.remote !== remote) changed = true;
    if (result.secret) secrets.push(result.secret);
    return result.remote;
  });
  return changed ? { file: { ...(file as object), remotes: swept }, secrets, changed } : { file, secrets, changed };
}

function sweepRemote(remote: RawRemote): { remote: RawRemote; secret?: MigratedSecret } {
  const urls = [remote.url, ...(Array.isArray(remote.instances) ? remote.instances : [])];
  const split = urls.map((url) => (typeof url === 'string' ? splitUserinfo(url.trim()) : undefined));
  const credentials = split.find((s) => s && (s.user !== undefined || s.password !== undefined));
  if (!credentials) return { remote };
  const headers = Array.isArray(remote.headers) ? (remote.headers as Array<Record<string, unknown>>) : [];
  const next: RawRemote = {
    ...remote,
    ...(typeof remote.url === 'string' ? { url: split[0]!.url } : {}),
    ...(Array.isArray(remote.instances) ? { instances: remote.instances.map((url, i) => (typeof url === 'string' ? split[i + 1]!.url : url)) } : {}),
  };
  const hasAuthorization = headers.some((h) => typeof h?.name === 'string' && h.name.toLowerCase() === 'authorization');
  if (hasAuthorization || typeof remote.id !== 'string') return { remote: next };
  next.headers = [...headers, { name: 'Authorization', value: '', description: 'Moved here from the URL (user:password then @)', is_required: false, is_secret: true }];
  const basic = Buffer.from(`${credentials.user ?? ''}:${credentials.password ?? ''}`, 'utf8').toString('base64');
  return { remote: next, secret: { account: secretAccount(remote.id, 'Authorization'), value: `Basic ${basic}` } };
}
