/** What the environment's proxy variables say about one URL. */
export interface ProxyFinding {
  /** The variables set, name → value (credentials in a proxy URL are masked by the report's redactor). */
  variables: Record<string, string>;
  /** The proxy URL that would apply to this URL, if any. */
  proxy?: string;
  /** The variable it came from, e.g. HTTPS_PROXY. */
  from?: string;
  /** The NO_PROXY entry that exempts this URL, if one does. */
  exemptBy?: string;
}

const NAMES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY'];

/**
 * The conventional proxy variables (as curl and most HTTP clients read them): HTTPS_PROXY for
 * https:// and wss://, HTTP_PROXY for http:// and ws://, ALL_PROXY for both; lower-case names
 * win over upper-case ones, as in curl. NO_PROXY lists host names (a leading dot or `*.` covers
 * subdomains), IP addresses, optional `:port`, or `*` for every host.
 */
export function proxyForUrl(url: URL, env: Record<string, string | undefined>): ProxyFinding {
  const read = (name: string): [string, string] | undefined => {
    const lower = env[name.toLowerCase()];
    if (lower) return [name.toLowerCase(), lower];
    const upper = env[name];
    return upper ? [name, upper] : undefined;
  };
  const variables: Record<string, string> = {};
  for (const name of NAMES) {
    const found = read(name);
    if (found) variables[found[0]] = found[1];
  }
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  const chosen = read(secure ? 'HTTPS_PROXY' : 'HTTP_PROXY') ?? read('ALL_PROXY');
  if (!chosen) return { variables };
  const exemptBy = noProxyMatch(url, read('NO_PROXY')?.[1] ?? '');
  return { variables, proxy: chosen[1], from: chosen[0], ...(exemptBy ? { exemptBy } : {}) };
}

function noProxyMatch(url: URL, list: string): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? '443' : '80');
  for (const raw of list.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return raw;
    const [name, entryPort] = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(entry)?.slice(1) ?? [entry];
    if (entryPort && entryPort !== port) continue;
    const bare = name!.replace(/^\*?\./, '');
    if (host === bare || host.endsWith(`.${bare}`)) return raw;
  }
  return undefined;
}
