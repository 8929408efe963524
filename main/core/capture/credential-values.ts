/** Headers whose value is `<scheme> <credentials>` (RFC 9110 section 11.4): the scheme is worth seeing. */
const SCHEME_HEADERS = new Set(['authorization', 'proxy-authorization']);
const SCHEME_VALUE = /^([A-Za-z][A-Za-z0-9._~+-]*) +(\S.*)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Single cookie values shorter than this are not learned on their own (`lang=en` would mask every "en"). */
const MIN_COOKIE_VALUE = 8;

/**
 * The secret values one sensitive header carries, for the Redactor to learn:
 * - `Authorization: Bearer t` → `t` (so text reads `Bearer [redacted]`);
 * - `Authorization: Basic base64(user:pass)` (RFC 7617) → the token, `user:pass` and `pass`,
 *   so a server echoing the decoded credentials is masked too;
 * - `Cookie: a=1; b=2` / `Set-Cookie: a=1; Path=/` (RFC 6265) → the whole value and each cookie value;
 * - anything else → the value itself.
 */
export function credentialValues(name: string, value: string): string[] {
  const lower = name.toLowerCase();
  const trimmed = value.trim();
  if (SCHEME_HEADERS.has(lower)) {
    const scheme = SCHEME_VALUE.exec(trimmed);
    if (scheme) {
      const credentials = scheme[2]!.trim();
      return scheme[1]!.toLowerCase() === 'basic' ? [credentials, ...basicCredentials(credentials)] : [credentials];
    }
  }
  if (lower === 'cookie') return [trimmed, ...cookieValues(trimmed.split(';'))];
  if (lower === 'set-cookie') return [trimmed, ...cookieValues(trimmed.split(';').slice(0, 1))];
  return [trimmed];
}

/** `[redacted]` in place of the credentials, keeping an Authorization scheme. */
export function maskedHeaderValue(name: string, value: string, mark: string): string {
  if (!value) return value;
  const scheme = SCHEME_HEADERS.has(name.toLowerCase()) ? SCHEME_VALUE.exec(value.trim()) : null;
  return scheme ? `${scheme[1]} ${mark}` : mark;
}

function basicCredentials(token: string): string[] {
  if (!BASE64.test(token)) return [];
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0 || decoded.includes('\uFFFD')) return [];
  const password = decoded.slice(colon + 1);
  return password ? [decoded, password] : [decoded];
}

function cookieValues(pairs: string[]): string[] {
  const values: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const value = eq < 0 ? '' : pair.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (value.length >= MIN_COOKIE_VALUE) values.push(value);
  }
  return values;
}
