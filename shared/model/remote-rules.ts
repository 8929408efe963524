import { effectiveEraChoice, ProtocolEraChoice, ProtocolRevision } from './protocol-era';
import { BLOCKED_PORT_HINT, fetchBlockedPort, PORT_RANGE_HINT, unreachablePort } from './endpoint-port';
import { hasUserinfo, maskUrlPasswords } from './url-userinfo';
import { headerValueProblem, isValidHeaderName, looksLikeCredentialHeader } from './header-rules';
import { transportName } from './transport-names';

// The header and environment rules live in header-rules.ts; importers of this module keep them.
export { headerValueProblem, isValidHeaderName, looksLikeCredentialEnv, looksLikeCredentialHeader, MAX_HEADER_VALUE_CHARS } from './header-rules';

/**
 * Validation rules for saved remotes, shared by the main process (store, CLI) and the renderer
 * (editor form). Pure functions over plain data: no Node, no Electron.
 */

export interface RuleIssue {
  /** Where the problem is, e.g. ['headers', 1, 'name']; empty for the whole remote. */
  path: (string | number)[];
  message: string;
}

export interface HeaderLike {
  name: string;
  value?: string;
  is_secret?: boolean;
}

export interface RemoteLike {
  name: string;
  transport: string;
  url?: string;
  /** A group's other instances' URLs. */
  instances?: string[];
  command?: string;
  headers: HeaderLike[];
  protocolEra?: string;
  protocolVersion?: string;
}

const SCHEMES_BY_TRANSPORT: Record<string, string[]> = {
  streamable: ['http:', 'https:'],
  sse: ['http:', 'https:'],
  websocket: ['ws:', 'wss:'],
  auto: ['http:', 'https:', 'ws:', 'wss:'],
};

/** Says what is wrong with an endpoint URL for a transport, or undefined when it fits. */
export function checkEndpointUrl(raw: string, transport: string): string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return 'URL is empty';
  // Every message below quotes what was typed: never with a password in it.
  const shown = maskUrlPasswords(raw);
  if (/\s/.test(trimmed)) {
    // Spaces in a URL with its scheme are a path or query to encode; without one, words are no URL.
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return `"${shown}" is not a URL; write it in full, e.g. https://api.example.com/v1/mcp`;
    // In the host no encoding helps: a host name has no spaces.
    if (/\s/.test(/^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(trimmed)?.[1] ?? '')) return `URL "${shown}" has a space in its host name, which cannot have one: remove it`;
    return `URL "${shown}" contains spaces; encode them as %20`;
  }
  const suggestion = suggestEndpointUrl(raw, transport);
  if (suggestion) return `"${shown}" has no scheme: did you mean ${maskUrlPasswords(suggestion)}?`;
  if (hasUserinfo(trimmed)) {
    return 'URL carries a user name or password before the host (user:password then @), which is not sent and would be kept in plain text: remove it, and set the Authorization header to Basic <base64 of user:password> instead';
  }
  const port = unreachablePort(trimmed);
  if (port !== undefined) return `The port ${port} in "${shown}" is out of range: ${PORT_RANGE_HINT}`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `"${shown}" is not a valid URL; write it in full, e.g. https://api.example.com/v1/mcp`;
  }
  const allowed = SCHEMES_BY_TRANSPORT[transport];
  if (allowed && !allowed.includes(url.protocol)) return schemeMismatch(url.protocol, transport, allowed);
  if (!url.hostname) return `URL "${shown}" has no host name`;
  const blocked = fetchBlockedPort(url);
  if (blocked !== undefined) return `Port ${blocked} is on the Fetch standard's list of blocked ports, so HTTP clients refuse to connect to it: ${BLOCKED_PORT_HINT}`;
  return undefined;
}

/**
 * A scheme the transport does not speak, said with the transport's name as the Transport field
 * shows it, the schemes to use, and which transport the given scheme is for, if any.
 */
function schemeMismatch(scheme: string, transport: string, allowed: string[]): string {
  if (transport === 'auto') return `URL scheme "${scheme}" fits no transport: use http:// or https:// (${transportName('streamable')}, ${transportName('sse')}) or ws:// or wss:// (${transportName('websocket')})`;
  const others = Object.keys(SCHEMES_BY_TRANSPORT).filter((t) => t !== 'auto' && SCHEMES_BY_TRANSPORT[t]!.includes(scheme));
  const forOthers = others.length ? `; ${scheme}// is for ${others.map(transportName).join(' or ')}` : '';
  return `URL scheme "${scheme}" does not fit the ${transportName(transport)} transport: use ${allowed.map((s) => `${s}//`).join(' or ')}${forOthers}`;
}

/**
 * The full URL someone most likely meant when they left out the scheme ("localhost:3000/mcp",
 * "api.example.com/mcp"): http:// for this computer, https:// elsewhere (ws/wss for WebSocket);
 * or mistyped its separator ("http//host/mcp", "https:/host/mcp"): the same scheme with "://".
 * Undefined when the text has a scheme, or adding one would not make it valid.
 */
export function suggestEndpointUrl(raw: string, transport: string): string | undefined {
  const text = raw.trim();
  if (text === '' || /\s/.test(text) || /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || transport === 'stdio') return undefined;
  const misspelt = /^(https?|wss?)(?::\/?|\/\/)([^/].*)$/i.exec(text);
  if (misspelt) return validUrl(`${misspelt[1].toLowerCase()}://${misspelt[2]}`);
  const hostPart = /^\/*([^/?#]+)/.exec(text)?.[1] ?? '';
  let host: string;
  try {
    host = new URL(`http://${hostPart}`).hostname;
  } catch {
    return undefined;
  }
  if (!host.includes('.') && !isLoopbackHost(host)) return undefined;
  const secure = isLoopbackHost(host) ? '' : 's';
  return validUrl(`${transport === 'websocket' ? 'ws' : 'http'}${secure}://${text.replace(/^\/+/, '')}`);
}

function validUrl(candidate: string): string | undefined {
  try {
    new URL(candidate);
  } catch {
    return undefined;
  }
  return candidate;
}

/** Errors that make a remote unusable. An empty array means the remote is valid. */
export function remoteRuleIssues(remote: RemoteLike): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (remote.name.trim() === '') issues.push({ path: ['name'], message: 'Name is empty' });
  if (remote.transport === 'stdio') {
    if (!remote.command || remote.command.trim() === '') {
      issues.push({ path: ['command'], message: 'A stdio remote needs a command to run' });
    }
  } else if (!remote.url) {
    issues.push({ path: ['url'], message: remote.transport === 'auto' ? 'A remote needs a URL' : `The ${transportName(remote.transport)} transport needs a URL` });
  } else {
    const problem = checkEndpointUrl(remote.url, remote.transport);
    if (problem) issues.push({ path: ['url'], message: problem });
  }

  issues.push(...instanceIssues(remote));

  const era = protocolEraIssue(remote.protocolEra, remote.protocolVersion);
  if (era) issues.push(era);

  const seen = new Map<string, number>();
  remote.headers.forEach((header, index) => {
    if (!isValidHeaderName(header.name)) {
      issues.push({
        path: ['headers', index, 'name'],
        message:
          header.name === ''
            ? `Header ${index + 1} name is empty`
            : `"${header.name}" is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~ only; no spaces or colons)`,
      });
    }
    const valueProblem = header.value === undefined ? undefined : headerValueProblem(header.value);
    if (valueProblem) issues.push({ path: ['headers', index, 'value'], message: `Value of header "${header.name}" ${valueProblem}` });
    const key = header.name.toLowerCase();
    // An empty name is said once, as empty: two empty rows are not "the same header twice".
    const first = header.name === '' ? undefined : seen.get(key);
    if (first !== undefined) {
      issues.push({
        path: ['headers', index, 'name'],
        message: `Header "${header.name}" appears twice (also as header ${first + 1}); header names are case-insensitive`,
      });
    } else if (header.name !== '') {
      seen.set(key, index);
    }
  });
  return issues;
}

/** A group's instances at most, its own URL included: each one is a connection of its own. */
export const MAX_GROUP_INSTANCES = 32;

/**
 * A group's other instances: each URL checked like the main one (path ['instances', i], the
 * message naming the 1-based position), none twice nor equal to the main URL, at most
 * MAX_GROUP_INSTANCES in all; a stdio remote has none.
 */
export function instanceIssues(remote: RemoteLike): RuleIssue[] {
  const instances = remote.instances ?? [];
  if (instances.length === 0) return [];
  if (remote.transport === 'stdio') return [{ path: ['instances'], message: 'A stdio remote runs one local process: it cannot have other instances' }];
  const issues: RuleIssue[] = [];
  if (instances.length + 1 > MAX_GROUP_INSTANCES) {
    issues.push({ path: ['instances'], message: `A group has at most ${MAX_GROUP_INSTANCES} instances with its own URL (${instances.length + 1} given)` });
  }
  const seen = new Map<string, number>();
  if (remote.url) seen.set(sameUrlKey(remote.url), -1);
  instances.forEach((raw, index) => {
    const problem = checkEndpointUrl(raw, remote.transport);
    if (problem) return void issues.push({ path: ['instances', index], message: `Instance ${index + 1}: ${problem}` });
    const key = sameUrlKey(raw);
    const first = seen.get(key);
    if (first === undefined) return void seen.set(key, index);
    const twin = first === -1 ? 'the remote\'s own URL' : `instance ${first + 1}`;
    issues.push({ path: ['instances', index], message: `Instance ${index + 1}: ${raw.trim()} is the same as ${twin}; list each instance once` });
  });
  return issues;
}

/**
 * Two spellings of one endpoint compare alike: host case and default port (the URL parser), a
 * fragment (never sent) and percent-encoded unreserved characters (`%6D` is `m`; RFC 3986
 * section 6.2.2.2).
 */
function sameUrlKey(raw: string): string {
  try {
    const url = new URL(raw.trim());
    url.hash = '';
    return url.href.replace(/%([0-9a-f]{2})/gi, (escape, hex: string) => {
      const char = String.fromCharCode(parseInt(hex, 16));
      return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
    });
  } catch {
    return raw.trim();
  }
}

/** A pinned protocol version must be a revision date, and agree with the era setting. */
function protocolEraIssue(era: string | undefined, version: string | undefined): RuleIssue | undefined {
  if (!version) return undefined;
  const parsed = ProtocolRevision.safeParse(version);
  if (!parsed.success) return { path: ['protocolVersion'], message: `"${version}" is not a protocol version: write a revision date such as 2026-07-28 or 2025-11-25` };
  const choice = ProtocolEraChoice.safeParse(era ?? 'auto');
  if (!choice.success) return undefined; // the schema reports an unknown era itself
  const effective = effectiveEraChoice(choice.data, parsed.data);
  return 'error' in effective ? { path: ['protocolVersion'], message: effective.error } : undefined;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Things worth telling the user that do not stop the remote from being saved. */
export function remoteRuleWarnings(remote: RemoteLike): string[] {
  const warnings: string[] = [];
  if (remote.transport === 'stdio' || !remote.url) return warnings;
  let url: URL;
  try {
    url = new URL(remote.url.trim());
  } catch {
    return warnings;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'ws:') return warnings;
  if (isLoopbackHost(url.hostname)) return warnings;
  const credentials = remote.headers
    .filter((h) => h.is_secret || looksLikeCredentialHeader(h.name))
    .map((h) => h.name);
  if (credentials.length > 0) {
    const secure = url.protocol === 'http:' ? 'https://' : 'wss://';
    warnings.push(
      `Credentials (${credentials.join(', ')}) would travel unencrypted over ${url.protocol}// to ${url.hostname}; anyone on the network path can read them. Use ${secure} unless this is a trusted network.`,
    );
  }
  return warnings;
}
