/**
 * The rules for header names and values and for environment variable names, shared by the main
 * process (store, CLI, connect) and the renderer (editor form). Pure functions: no Node, no Electron.
 */

/** RFC 9110 `token`: the characters an HTTP header name may use. */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Names that carry credentials even when nobody ticked "secret". */
const CREDENTIAL_NAME = /(^authorization$|^proxy-authorization$|^cookie$|api[-_]?key|token|secret|password|passwd|credential|session|^x-auth)/i;

export function isValidHeaderName(name: string): boolean {
  return HTTP_TOKEN.test(name);
}

export function looksLikeCredentialHeader(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

/**
 * The longest header value accepted, in characters: 16 KiB is Node's default limit for a
 * request's whole header section (`--max-http-header-size`), so a longer value can never reach a
 * default Node server, and nginx refuses header lines over 8 KiB by default.
 */
export const MAX_HEADER_VALUE_CHARS = 16 * 1024;

/**
 * Why a header value cannot go on the wire, or undefined when it can: a control character (NUL,
 * CR, LF...; RFC 9110 §5.5 allows only VCHAR, obs-text, SP and HTAB), a character outside
 * Latin-1 (fetch sends header values as bytes, a WebIDL ByteString, and refuses those), or a value
 * over MAX_HEADER_VALUE_CHARS. Names the character and its 1-based position, never the value
 * itself (it may be a secret).
 */
export function headerValueProblem(value: string): string | undefined {
  if (value.length > MAX_HEADER_VALUE_CHARS) {
    return `is ${value.length.toLocaleString('en-US')} characters long, over the ${MAX_HEADER_VALUE_CHARS / 1024} KiB that HTTP servers accept for a header (16 KiB is Node's default for all headers together)`;
  }
  for (let index = 0; index < value.length; index++) {
    const code = value.codePointAt(index)!;
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) {
      const lineBreak = code === 0x0a || code === 0x0d;
      const what = code === 0 ? 'a NUL character' : lineBreak ? `a line break (${code === 0x0a ? 'LF' : 'CR'})` : 'a control character';
      const why = lineBreak ? ', which would split the HTTP request' : '; HTTP header values may not contain control characters';
      return `contains ${what} (${codePoint(code)}) at character ${index + 1}${why}`;
    }
    if (code > 0xff) {
      return `contains "${String.fromCodePoint(code)}" (${codePoint(code)}) at character ${index + 1}, outside Latin-1: header values travel as bytes, so only characters up to U+00FF can be sent (percent-encode or base64 the value)`;
    }
  }
  return undefined;
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Environment variable name parts that mark a credential: GITHUB_TOKEN, DB_PASSWORD, STRIPE_KEY... */
const CREDENTIAL_ENV_PARTS = new Set(['TOKEN', 'SECRET', 'PASSWORD', 'PASSWD', 'PASS', 'PASSPHRASE', 'PWD', 'APIKEY', 'KEY', 'CREDENTIAL', 'CREDENTIALS', 'AUTH', 'COOKIE', 'PAT']);
/** Words inside a name part: PGPASSWORD, CLIENTSECRET, OPENAIAPIKEY, GHTOKEN. */
const CREDENTIAL_ENV_WORDS = /PASSWORD|SECRET|APIKEY|TOKEN$/;
/** The shell's own variables that only look like credentials. */
const NOT_CREDENTIAL_ENV = new Set(['PWD', 'OLDPWD']);

/**
 * A stdio server's environment variable that holds a credential, by its name: API_KEY,
 * OPENAI_API_KEY, *_TOKEN, *_SECRET, *_PASSWORD, PGPASSWORD, AWS_SECRET_ACCESS_KEY, *_KEY,
 * *_AUTH... Such values are secrets like secret headers: kept in the keychain, shown as "set",
 * masked in all output, left out of exports. TOKENIZERS_PARALLELISM or AUTHOR are not.
 */
export function looksLikeCredentialEnv(name: string): boolean {
  const upper = name.toUpperCase().replace(/-/g, '_');
  if (NOT_CREDENTIAL_ENV.has(upper)) return false;
  return upper.split('_').some((part) => CREDENTIAL_ENV_PARTS.has(part) || CREDENTIAL_ENV_WORDS.test(part));
}
