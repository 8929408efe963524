import type { WireHeader } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';

export const REDACTED = '[redacted]';

type HeaderSource = Headers | Record<string, string> | [string, string][] | undefined;

/** Always secret, whatever the remote's configuration says. */
const ALWAYS_SENSITIVE = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/**
 * API-key-like names: x-api-key, api-key, apikey, x-auth-token, x-auth-user, private-token,
 * client-secret, x-password... Matched on word parts so `mcp-session-id` or `x-tokenizer-mode`
 * are not masked for nothing.
 */
const API_KEY_LIKE =
  /^(?:x-)?api[-_]?key$|^x-auth(?:[-_].*)?$|(?:^|[-_])(?:api[-_]?key|apikey|token|secret|password|passwd|credentials?)$/i;

/** Headers whose value is `<scheme> <credentials>`: the scheme is useful to see, the rest is not. */
const SCHEME_HEADERS = new Set(['authorization', 'proxy-authorization']);
const SENSITIVE_QUERY = /^(?:key|access[-_]?token|auth)$/i;
const SCHEME_VALUE = /^([A-Za-z][A-Za-z0-9._~+-]*) +(\S.*)$/;

/**
 * Masks secrets in everything the capture layer stores or prints. It knows sensitive header
 * names, and the secret values themselves, so a token echoed in a body or an error message is
 * scrubbed too. The real value still goes on the wire: only copies for the trace pass through here.
 */
export class Redactor {
  private readonly extraSensitive = new Set<string>();
  /** Longest first, so a secret that contains another is replaced whole. */
  private secrets: string[] = [];

  constructor(opts: { secretHeaderNames?: string[]; secretValues?: string[] } = {}) {
    for (const name of opts.secretHeaderNames ?? []) this.extraSensitive.add(name.toLowerCase());
    for (const value of opts.secretValues ?? []) this.addSecretValue(value);
  }

  /** True when nothing needs scrubbing from text: callers may skip serializing for redaction. */
  get hasSecretValues(): boolean {
    return this.secrets.length > 0;
  }

  isSensitiveHeader(name: string): boolean {
    const lower = name.toLowerCase();
    return ALWAYS_SENSITIVE.has(lower) || this.extraSensitive.has(lower) || API_KEY_LIKE.test(lower);
  }

  /**
   * A redacted copy of the headers. Values of sensitive headers are also learned as secrets
   * (an OAuth token the SDK added on its own, a Set-Cookie from the server), so they cannot
   * leak later through a body or a message.
   */
  headers(h: HeaderSource): Record<string, string> {
    const out: Record<string, string> = {};
    if (!h) return out;
    const pairs: Iterable<[string, string]> = Array.isArray(h)
      ? h
      : isHeaders(h)
        ? h.entries()
        : Object.entries(h);
    for (const [name, value] of pairs) {
      if (this.isSensitiveHeader(name)) {
        this.learnHeaderValue(name, value);
        out[name] = this.maskHeaderValue(name, value);
      } else {
        out[name] = this.text(value);
      }
    }
    return out;
  }

  text(s: string): string {
    if (this.secrets.length === 0) return s;
    let result = s;
    for (const secret of this.secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result;
  }

  /**
   * An error's words come partly from the server (a body excerpt, an echoed token) and go into
   * the trace, the connection info and the UI: mask every known secret anywhere in it.
   */
  errorInfo<T extends ErrorInfo>(info: T): T {
    if (!this.hasSecretValues) return info;
    try {
      return JSON.parse(this.text(JSON.stringify(info))) as T;
    } catch {
      return { ...info, message: this.text(info.message), hint: this.text(info.hint), detail: undefined };
    }
  }

  addSecretValue(v: string): void {
    this.addOne(v);
    // A value inside JSON text is escaped: `a"b` appears as `a\"b`. Register that form too, so
    // scrubbing serialized messages works without parsing them.
    const escaped = JSON.stringify(v).slice(1, -1);
    if (escaped !== v) this.addOne(escaped);
  }

  /** Masks query parameters with API-key-like names (`?api_key=...`) and known secret values. */
  url(raw: string): string {
    if (raw.includes('?')) {
      try {
        for (const [name, value] of new URL(raw).searchParams) {
          if (value && (this.isSensitiveHeader(name.replace(/_/g, '-')) || SENSITIVE_QUERY.test(name))) {
            // Learned as secrets, so text() below masks them here and anywhere else they show up.
            this.addSecretValue(value);
            this.addSecretValue(encodeURIComponent(value));
          }
        }
      } catch {
        // Not a parseable URL: plain value scrubbing still applies.
      }
    }
    return this.text(raw);
  }

  private addOne(v: string): void {
    if (!v || this.secrets.includes(v)) return;
    this.secrets = [...this.secrets, v].sort((a, b) => b.length - a.length);
  }

  private learnHeaderValue(name: string, value: string): void {
    const scheme = SCHEME_HEADERS.has(name.toLowerCase()) ? SCHEME_VALUE.exec(value) : null;
    // With a scheme, learn only the credentials: text then reads `Bearer [redacted]`.
    this.addSecretValue(scheme ? scheme[2]!.trim() : value);
  }

  private maskHeaderValue(name: string, value: string): string {
    if (!value) return value;
    const scheme = SCHEME_HEADERS.has(name.toLowerCase()) ? SCHEME_VALUE.exec(value) : null;
    return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
  }
}

function isHeaders(h: object): h is Headers {
  return typeof (h as Headers).entries === 'function' && typeof (h as Headers).get === 'function';
}

/**
 * The redactor for one connection: its secret-flagged headers are sensitive by name, and every
 * sensitive header's value is registered up front so bodies and messages are scrubbed from the
 * first byte.
 */
export function redactorForHeaders(headers: WireHeader[]): Redactor {
  const redactor = new Redactor({
    secretHeaderNames: headers.filter((h) => h.secret).map((h) => h.name),
  });
  // headers() learns the value of every sensitive header as a side effect.
  redactor.headers(headers.map((h) => [h.name, h.value] as [string, string]));
  return redactor;
}
