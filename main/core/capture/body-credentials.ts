/**
 * The credential values an OAuth exchange carries in its body, found by field name so they are
 * learned as secrets (and masked in every encoding) before the body is stored or printed:
 * token requests (RFC 6749 section 4.1.3 `code`, RFC 7636 section 4.5 `code_verifier`,
 * section 2.3.1 `client_secret`, RFC 7523 section 2.2 `client_assertion` and section 2.1
 * `assertion`, RFC 8693 section 2.1 `subject_token`/`actor_token`, section 6 `refresh_token`),
 * token responses (section 5.1 `access_token`, `refresh_token`, OpenID `id_token`, RFC 8693
 * `issued_token`), revocation (RFC 7009 section 2.1 `token`) and registration responses
 * (RFC 7591 section 3.2.1 `client_secret`, `registration_access_token`).
 */

/** Names that are credentials in a form-encoded body (and in a redirect's query). */
const FORM_NAMES = new Set([
  'code', 'code_verifier', 'client_secret', 'client_assertion', 'assertion', 'subject_token', 'actor_token',
  'refresh_token', 'access_token', 'id_token', 'token', 'device_code', 'password',
]);

/**
 * Names that are credentials in a JSON body. Narrower than the form names: `code` and `token`
 * are everyday words in JSON-RPC messages and tool arguments.
 */
const JSON_NAMES = new Set([
  'access_token', 'refresh_token', 'id_token', 'issued_token', 'client_secret', 'client_assertion', 'code_verifier',
  'subject_token', 'actor_token', 'registration_access_token', 'device_code',
]);

const MENTIONS = /(?:^|[&"{,\s])(?:code|code_verifier|client_secret|client_assertion|assertion|subject_token|actor_token|refresh_token|access_token|id_token|issued_token|token|device_code|password|registration_access_token)["=]/;
const FORM_LIKE = /^[\w.~%+-]+=[^&\s]*(?:&[\w.~%+-]+=[^&\s]*)*$/;
/** Bodies past this size are not parsed for names (they are still masked by value). */
const MAX_PARSED_CHARS = 256 * 1024;

/** True when `name` is an OAuth credential parameter in a form body or a URL query. */
export function isOAuthCredentialParam(name: string): boolean {
  return FORM_NAMES.has(name.toLowerCase());
}

/** The string values of credential fields in a JSON or form-encoded body (empty when none or unparsable). */
export function bodyCredentials(text: string): string[] {
  if (text.length > MAX_PARSED_CHARS || !MENTIONS.test(text)) return [];
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return jsonCredentials(trimmed);
  if (!FORM_LIKE.test(trimmed)) return [];
  const out: string[] = [];
  for (const [name, value] of new URLSearchParams(trimmed)) if (value && FORM_NAMES.has(name.toLowerCase())) out.push(value);
  return out;
}

function jsonCredentials(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const out: string[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (typeof item === 'string' && item && JSON_NAMES.has(key.toLowerCase())) out.push(item);
      else walk(item, depth + 1);
    }
  };
  walk(parsed, 0);
  return out;
}
