import { isSensitiveQueryName } from './sensitive-names';

/**
 * A URL with the credentials its structure shows masked: the password of its userinfo
 * (RFC 3986 section 3.2.1) and the values of query parameters with credential names
 * (`?api_key=`, `?access_token=`, `?key=`). Works on the text as written (no normalization, so
 * the rest reads exactly as sent) and returns the decoded values it masked, for learning.
 */
export function maskUrlCredentials(raw: string, mark: string): { text: string; secrets: string[] } {
  const secrets: string[] = [];
  let text = raw;
  const userinfo = /^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)([^/?#@]*)@/i.exec(text);
  if (userinfo && userinfo[2]) {
    secrets.push(safeDecode(userinfo[2]));
    text = `${userinfo[1]}${mark}@${text.slice(userinfo[0].length)}`;
  }
  const query = text.indexOf('?');
  if (query < 0) return { text, secrets };
  const hash = text.indexOf('#', query);
  const end = hash < 0 ? text.length : hash;
  const params = text.slice(query + 1, end).split('&').map((param) => {
    const eq = param.indexOf('=');
    if (eq <= 0) return param;
    const value = param.slice(eq + 1);
    if (!value || !isSensitiveQueryName(safeDecode(param.slice(0, eq)))) return param;
    secrets.push(safeDecode(value));
    return `${param.slice(0, eq + 1)}${mark}`;
  });
  return { text: `${text.slice(0, query + 1)}${params.join('&')}${text.slice(end)}`, secrets };
}

/** application/x-www-form-urlencoded decoding that never throws (a stray `%` stays as it is). */
function safeDecode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
