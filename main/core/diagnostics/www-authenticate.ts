/**
 * RFC 7235 `WWW-Authenticate` parsing. Servers send one header or several joined by commas,
 * each challenge being `scheme [token68 | name=value, name="quoted, value", ...]`; a comma
 * therefore separates both params and challenges, so we look ahead to tell which one follows.
 */
export interface AuthChallenge {
  /** As the server spelled it (compare case-insensitively). */
  scheme: string;
  /** Param names lower-cased (they are case-insensitive); quoted values unescaped. */
  params: Record<string, string>;
  /** The token68 form, e.g. `Negotiate YIIB...`, when the challenge uses it instead of params. */
  token68?: string;
}

const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const PARAM = new RegExp(`^(${TOKEN})[ \\t]*=[ \\t]*("(?:[^"\\\\]|\\\\.)*"|${TOKEN})`);
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/;
const SCHEME = new RegExp(`^${TOKEN}`);

export function parseWwwAuthenticate(value: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let rest = value;
  let current: AuthChallenge | undefined;

  const skip = (pattern: RegExp): void => {
    rest = rest.replace(pattern, '');
  };

  while (rest.length > 0) {
    skip(/^[\s,]+/);
    if (rest.length === 0) break;

    // Inside a challenge, `name=value` continues it; anything else starts the next challenge.
    const param = current ? PARAM.exec(rest) : null;
    if (current && param) {
      current.params[param[1]!.toLowerCase()] = unquote(param[2]!);
      rest = rest.slice(param[0].length);
      continue;
    }

    const scheme = SCHEME.exec(rest);
    if (!scheme) {
      // Garbage we cannot tokenise: skip one character rather than loop forever or throw.
      rest = rest.slice(1);
      continue;
    }
    current = { scheme: scheme[0], params: {} };
    challenges.push(current);
    rest = rest.slice(scheme[0].length);
    skip(/^[ \t]+/);

    const firstParam = PARAM.exec(rest);
    if (firstParam) continue; // handled by the param branch on the next turn
    const token68 = TOKEN68.exec(rest);
    if (token68 && /^[ \t]*(,|$)/.test(rest.slice(token68[0].length))) {
      current.token68 = token68[0];
      rest = rest.slice(token68[0].length);
    }
  }
  return challenges;
}

function unquote(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  return raw.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** One readable line, e.g. `Bearer (realm "mcp", error "invalid_token": "expired")`. */
export function describeChallenge(challenge: AuthChallenge): string {
  const { realm, error, error_description: description, scope } = challenge.params;
  const parts: string[] = [];
  if (realm) parts.push(`realm "${realm}"`);
  if (error) parts.push(`error "${error}"${description ? `: ${description}` : ''}`);
  if (scope) parts.push(`scope "${scope}"`);
  return parts.length > 0 ? `${challenge.scheme} (${parts.join(', ')})` : challenge.scheme;
}
