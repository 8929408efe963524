/**
 * The userinfo of a URL's authority (RFC 3986 section 3.2.1: `scheme://user:password@host`).
 * HTTP clients do not send it (fetch refuses such a URL), and a password in it is a secret in
 * plain sight: remotes never keep one, and text that echoes a URL back masks the password.
 * Works on the text as written, so a URL too broken to parse is masked all the same.
 */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/*)([^/?#@\s]*)@/i;
/**
 * Every `scheme://user:password@` in running text (an error message quoting what was typed),
 * and the scheme-less `user:password@host` someone may type.
 */
const PASSWORD_IN_TEXT = /((?:[a-z][a-z0-9+.-]*:\/*)?[^\s/?#@:"'`]*:)([^\s/?#@"'`]+)@/gi;

export const MASKED_PASSWORD = '[redacted]';

/** The URL without its userinfo, and the user name and password it had (percent-decoded; undefined when absent). */
export function splitUserinfo(text: string): { url: string; user?: string; password?: string } {
  const match = USERINFO.exec(text);
  if (!match) return { url: text };
  const userinfo = match[2]!;
  const colon = userinfo.indexOf(':');
  const user = decoded(colon < 0 ? userinfo : userinfo.slice(0, colon));
  const password = colon < 0 ? undefined : decoded(userinfo.slice(colon + 1));
  return { url: match[1]! + text.slice(match[0].length), ...(user ? { user } : {}), ...(password ? { password } : {}) };
}

/** True when the URL text carries a user name or a password before its host. */
export function hasUserinfo(text: string): boolean {
  const { user, password } = splitUserinfo(text.trim());
  return user !== undefined || password !== undefined;
}

/** The text with the password of every URL in it replaced by `[redacted]`; the rest reads as written. */
export function maskUrlPasswords(text: string): string {
  return text.replace(PASSWORD_IN_TEXT, `$1${MASKED_PASSWORD}@`);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
