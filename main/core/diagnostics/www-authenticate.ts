/**
 * `WWW-Authenticate` parsing (RFC 9110 section 11.6.1, with the auth-param grammar of section
 * 11.2 and quoted-string of section 5.6.4). Servers send one header or several joined by commas,
 * each challenge being `scheme [token68 | name=value, name="quoted, value", ...]`; a comma
 * therefore separates both params and challenges, so we look ahead to tell which one follows.
 *
 * A broken header must not turn into invented schemes: inside a challenge, `name=` always starts
 * a parameter of that challenge (its value may be broken), and whatever cannot be read is kept
 * as that challenge's `malformed` text. An unterminated quoted string has no end the reader can
 * find, so the rest of the header belongs to it: one malformed piece of the same challenge.
 */
export interface AuthChallenge {
  /** As the server spelled it (compare case-insensitively). */
  scheme: string;
  /** Param names lower-cased (they are case-insensitive); quoted values unescaped. */
  params: Record<string, string>;
  /** The token68 form, e.g. `Negotiate YIIB...`, when the challenge uses it instead of params. */
  token68?: string;
  /** The parts of this challenge that break the grammar, as sent (each cut at 120 characters): e.g. `error=` without a value. */
  malformed?: string[];
}

const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
/** `name BWS "=" BWS`: a parameter starts here, whatever its value turns out to be. */
const PARAM_START = new RegExp(`^(${TOKEN})[ \\t]*=[ \\t]*`);
const TOKEN_VALUE = new RegExp(`^${TOKEN}`);
/** A scheme is a token followed by a space, a comma or the end (never by `=`, which makes it a param). */
const SCHEME = new RegExp(`^(${TOKEN})(?=[ \\t]|,|$)`);
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*(?=[ \t]*(,|$))/;
const MALFORMED_PIECE_MAX = 120;

export function parseWwwAuthenticate(value: string): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  let current: AuthChallenge | undefined;
  let at = 0;
  const broken = (text: string): void => {
    const piece = text.trim();
    if (current && piece) (current.malformed ??= []).push(piece.slice(0, MALFORMED_PIECE_MAX));
  };

  while (at < value.length) {
    at = skip(value, at, /[\s,]/);
    if (at >= value.length) break;
    const rest = value.slice(at);

    // Inside a challenge, `name=` continues it, even when the value is missing or broken.
    const param = current ? PARAM_START.exec(rest) : null;
    if (current && param) {
      const read = readValue(value, at + param[0].length);
      if (read.unterminated) {
        broken(rest);
        break;
      }
      if (read.value === undefined) {
        const end = nextComma(value, at);
        broken(value.slice(at, end));
        at = end;
        continue;
      }
      current.params[param[1]!.toLowerCase()] = read.value;
      at = afterItem(value, read.end, broken);
      continue;
    }

    const scheme = SCHEME.exec(rest);
    if (scheme) {
      current = { scheme: scheme[1]!, params: {} };
      challenges.push(current);
      at = skip(value, at + scheme[0].length, /[ \t]/);
      const token68 = PARAM_START.test(value.slice(at)) && !isToken68Only(value.slice(at)) ? null : TOKEN68.exec(value.slice(at));
      if (token68) {
        current.token68 = token68[0];
        at += token68[0].length;
      }
      continue;
    }

    // Neither a parameter nor a scheme (a stray quoted string, a lone "="): broken, of the current challenge.
    if (rest.startsWith('"')) {
      const read = readValue(value, at);
      if (read.unterminated) {
        broken(rest);
        break;
      }
      broken(value.slice(at, read.end));
      at = afterItem(value, read.end, broken);
      continue;
    }
    const end = nextComma(value, at);
    broken(value.slice(at, end));
    at = Math.max(end, at + 1);
  }
  return challenges;
}

/** `abc==` is a token68 (it also reads as `abc=` with a broken value): taken as the token68 when nothing follows it. */
function isToken68Only(text: string): boolean {
  return /^[A-Za-z0-9\-._~+/]+=+[ \t]*(,|$)/.test(text);
}

/** A parameter value at `start`: a token or a quoted string (unescaped); `unterminated` when the quote never closes. */
function readValue(text: string, start: number): { value?: string; end: number; unterminated?: boolean } {
  if (text[start] === '"') {
    let out = '';
    for (let i = start + 1; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\\' && i + 1 < text.length) out += text[++i];
      else if (ch === '"') return { value: out, end: i + 1 };
      else out += ch;
    }
    return { end: text.length, unterminated: true };
  }
  const token = TOKEN_VALUE.exec(text.slice(start));
  return token ? { value: token[0], end: start + token[0].length } : { end: start };
}

/** After a parameter: a comma, the end, or (leniently) another `name=`; anything else up to the next comma is broken. */
function afterItem(text: string, start: number, broken: (piece: string) => void): number {
  const at = skip(text, start, /[ \t]/);
  if (at >= text.length || text[at] === ',' || PARAM_START.test(text.slice(at))) return at;
  const end = nextComma(text, at);
  broken(text.slice(at, end));
  return end;
}

/** The next comma outside a quoted string, or the end. */
function nextComma(text: string, start: number): number {
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '\\') i++;
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) return i;
  }
  return text.length;
}

function skip(text: string, start: number, chars: RegExp): number {
  let at = start;
  while (at < text.length && chars.test(text[at]!)) at++;
  return at;
}

/** One readable line, e.g. `Bearer (realm "mcp", error "invalid_token": "expired")`. */
export function describeChallenge(challenge: AuthChallenge): string {
  const { realm, error, error_description: description, scope } = challenge.params;
  const parts: string[] = [];
  if (realm) parts.push(`realm "${realm}"`);
  if (error) parts.push(`error "${error}"${description ? `: ${description}` : ''}`);
  if (scope) parts.push(`scope "${scope}"`);
  if (challenge.malformed) parts.push(`unreadable: ${challenge.malformed.join(', ')}`);
  return parts.length > 0 ? `${challenge.scheme} (${parts.join(', ')})` : challenge.scheme;
}
