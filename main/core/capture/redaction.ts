import type { ConnectionTargetInput, WireHeader } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { looksLikeCredentialEnv } from '../../../shared/model/remote-rules';
import { bodyCredentials } from './body-credentials';
import { credentialValues, maskedHeaderValue } from './credential-values';
import { redactValue } from './redact-value';
import { REDACTED, SecretScanner } from './secret-scan';
import { isSensitiveHeaderName } from './sensitive-names';
import { maskUrlCredentials } from './url-redaction';

export { REDACTED } from './secret-scan';

type HeaderSource = Headers | Record<string, string> | [string, string][] | undefined;

/** Trace entry fields that hold header maps and URLs: masked by name as well as by value. */
const HEADER_FIELDS = new Set(['requestHeaders', 'responseHeaders']);
/** Response headers whose value is a URL a server chose (a redirect, RFC 9110 section 10.2.2). */
const URL_HEADERS = new Set(['location', 'content-location']);
/** Header names remembered with their masked line (see Redactor.recentHeaders). */
const RECENT_HEADER_NAMES = 128;

interface RememberedHeader {
  value: string;
  generation: number;
  maskedName: string;
  maskedValue: string;
}

/**
 * Masks secrets in everything the engine stores, prints or hands out. It knows sensitive header
 * names, and the secret values themselves (learned from headers, URLs and stdio environments),
 * and finds a value in every form a server can echo it in: raw, JSON-escaped, percent-encoded,
 * base64, and mixes of these (see secret-forms.ts and decoded-view.ts). The real value still
 * goes on the wire: only copies for the trace and for output pass through here.
 */
export class Redactor {
  private readonly extraSensitive = new Set<string>();
  private readonly scanner = new SecretScanner();
  private readonly redactText = (text: string): string => this.scanner.redact(text);
  /**
   * Header maps this redactor produced, with the scanner generation they were redacted at: the
   * trace bus redacts every entry again, and a map made since the last secret was learned is
   * already clean (every request's headers would otherwise be scanned twice).
   */
  private readonly redactedHeaderMaps = new WeakMap<object, number>();
  /**
   * Each header name's last value and what it became, at the scanner generation it was masked
   * at. The same headers go out with every request (and mostly come back with every answer):
   * while no secret has been learned since, a value seen last time is masked the same way.
   */
  private readonly recentHeaders = new Map<string, RememberedHeader>();

  constructor(opts: { secretHeaderNames?: string[]; secretValues?: string[] } = {}) {
    for (const name of opts.secretHeaderNames ?? []) this.extraSensitive.add(name.toLowerCase());
    for (const value of opts.secretValues ?? []) this.addSecretValue(value);
    this.scanner.pinAll();
  }

  /** False while no secret value is known: text and values then pass through untouched. */
  get hasSecretValues(): boolean {
    return !this.scanner.isEmpty;
  }

  /** Characters one encoded occurrence of a known secret can span; see SecretScanner. */
  get maxEncodedLength(): number {
    return this.scanner.maxEncodedLength;
  }

  isSensitiveHeader(name: string): boolean {
    return this.extraSensitive.has(name.toLowerCase()) || isSensitiveHeaderName(name);
  }

  /**
   * A redacted copy of the headers. Values of sensitive headers are also learned as secrets
   * (an OAuth token the SDK added on its own, a Set-Cookie from the server), so they cannot
   * leak later through a body or a message. A redirect's Location has its URL credentials masked
   * and learned.
   */
  headers(h: HeaderSource): Record<string, string> {
    const out: Record<string, string> = {};
    if (!h) return out;
    // Taken first: a secret learned from these very headers makes the map count as older.
    const generation = this.scanner.generation;
    const pairs: Iterable<[string, string]> = Array.isArray(h) ? h : isHeaders(h) ? h.entries() : Object.entries(h);
    for (const [name, value] of pairs) {
      const known = this.recentHeaders.get(name);
      if (known !== undefined && known.value === value && known.generation === this.scanner.generation) {
        out[known.maskedName] = known.maskedValue;
        continue;
      }
      let maskedValue: string;
      if (this.isSensitiveHeader(name)) {
        for (const secret of credentialValues(name, value)) this.addSecretValue(secret);
        maskedValue = maskedHeaderValue(name, value, REDACTED);
      } else {
        // Learned: an authorization response's `code` in a redirect (RFC 6749 section 4.1.2) is also
        // in the redirect's body ("Redirecting to ...?code=") and must be masked there too.
        maskedValue = URL_HEADERS.has(name.toLowerCase()) ? this.url(value) : this.text(value);
      }
      const maskedName = this.text(name);
      out[maskedName] = maskedValue;
      this.rememberHeader(name, { value, generation: this.scanner.generation, maskedName, maskedValue });
    }
    this.redactedHeaderMaps.set(out, generation);
    return out;
  }

  /**
   * headers()'s learning alone (the values of sensitive headers, credentials in a Location URL),
   * for headers whose masked copy is made later (see LaterWork).
   */
  learnFromHeaders(h: Headers): void {
    for (const [name, value] of h.entries()) {
      if (this.isSensitiveHeader(name)) for (const secret of credentialValues(name, value)) this.addSecretValue(secret);
      else if (URL_HEADERS.has(name.toLowerCase())) this.url(value);
    }
  }

  /** The text with every known secret, in every encoding, replaced by `[redacted]`. */
  text(s: string): string {
    return this.scanner.redact(s);
  }

  /**
   * An HTTP body for the trace: the values of OAuth credential fields in it (form-encoded or
   * JSON: code, code_verifier, client_secret, client_assertion, tokens...; see body-credentials.ts)
   * are learned as secrets first, then every known secret is masked, here and from now on.
   */
  body(s: string): string {
    this.learnFromBody(s);
    return this.text(s);
  }

  /** body()'s learning alone: for a body whose masked copy is made later (see LaterWork). */
  learnFromBody(s: string): void {
    for (const secret of bodyCredentials(s)) this.addSecretValue(secret);
  }

  /** True when the text holds a known secret in some form. */
  contains(s: string): boolean {
    return this.scanner.contains(s);
  }

  /**
   * A place at or before `at` to cut `text` without cutting through a known secret (the start of
   * the secret that `at` falls in, or `at`). Lets text be split into pieces that are redacted one
   * by one, like an over-long stderr line.
   */
  safeCut(text: string, at: number): number {
    const ranges = this.scanner.isEmpty ? [] : this.scanner.find(text);
    for (let k = 0; k < ranges.length; k += 2) if (ranges[k]! < at && at < ranges[k + 1]!) return ranges[k]!;
    return at;
  }

  /** A copy of a JSON-like value with every string (keys too) redacted; the same value when clean. */
  value<T>(v: T): T {
    return this.scanner.isEmpty ? v : redactValue(v, this.redactText);
  }

  /**
   * One trace entry (or draft) made safe: every string redacted by value, header maps also by
   * name, URLs also by their credential query parameters. This is what the trace bus applies to
   * every entry, so no producer can forget it.
   */
  entry<T extends object>(draft: T): T {
    const source = draft as Record<string, unknown>;
    const keys = Object.keys(source);
    let out: Record<string, unknown> | undefined;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const item = source[key];
      let next = item;
      if (HEADER_FIELDS.has(key) && isRecord(item)) next = this.isCleanHeaderMap(item) ? item : sameIfEqual(item, this.headers(item as Record<string, string>));
      else if (key === 'url' && typeof item === 'string') next = this.url(item, { learn: false });
      else if (!this.scanner.isEmpty) next = redactValue(item, this.redactText);
      if (next !== item && out === undefined) out = { ...source };
      if (out !== undefined) out[key] = next;
    }
    return (out ?? draft) as T;
  }

  /**
   * Keeps the line a header became (see recentHeaders); a server sending ever new header names
   * empties the memory rather than growing it.
   */
  private rememberHeader(name: string, masked: RememberedHeader): void {
    if (this.recentHeaders.size >= RECENT_HEADER_NAMES && !this.recentHeaders.has(name)) this.recentHeaders.clear();
    this.recentHeaders.set(name, masked);
  }

  private isCleanHeaderMap(map: object): boolean {
    return this.redactedHeaderMaps.get(map) === this.scanner.generation;
  }

  /**
   * An error's words come partly from the server (a body excerpt, an echoed token) and go into
   * the trace, the connection info and the UI: mask every known secret anywhere in it.
   */
  errorInfo<T extends ErrorInfo>(info: T): T {
    return this.value(info);
  }

  /**
   * Keeps every secret known now for the connection's whole life (its configuration); secrets
   * learned later are kept up to MAX_LEARNED_SECRETS, the oldest dropped first.
   */
  pinKnownSecrets(): void {
    this.scanner.pinAll();
  }

  /** Learns a secret value (ignored when empty); surrounding whitespace is not part of it. */
  addSecretValue(v: string): void {
    if (!v) return;
    this.scanner.add(v);
    const trimmed = v.trim();
    if (trimmed !== v) this.scanner.add(trimmed);
  }

  /**
   * Masks a URL's userinfo password and credential query parameters (`?api_key=...`), then known
   * secret values anywhere in it. With `learn` (our own request URLs), the masked values become
   * known secrets, so they are masked wherever else they show up.
   */
  url(raw: string, { learn = true }: { learn?: boolean } = {}): string {
    const masked = maskUrlCredentials(raw, REDACTED);
    if (learn) for (const secret of masked.secrets) this.addSecretValue(secret);
    return this.text(masked.text);
  }
}

function isHeaders(h: object): h is Headers {
  return typeof (h as Headers).entries === 'function' && typeof (h as Headers).get === 'function';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameIfEqual(before: Record<string, unknown>, after: Record<string, string>): Record<string, unknown> {
  const keys = Object.keys(before);
  if (keys.length !== Object.keys(after).length) return after;
  for (const key of keys) if (after[key] !== before[key]) return after;
  return before;
}

/**
 * The redactor for one connection: its secret-flagged headers are sensitive by name, and every
 * sensitive header's value is registered up front so bodies and messages are scrubbed from the
 * first byte.
 */
export function redactorForHeaders(headers: WireHeader[]): Redactor {
  const redactor = new Redactor({ secretHeaderNames: headers.filter((h) => h.secret).map((h) => h.name) });
  // headers() learns the value of every sensitive header as a side effect.
  redactor.headers(headers.map((h) => [h.name, h.value] as [string, string]));
  redactor.pinKnownSecrets();
  return redactor;
}

/**
 * Every secret a connection target carries, known before the first byte is sent: its secret and
 * credential-looking headers, its URL's credentials (userinfo password, `?api_key=`...) and the
 * values of its stdio environment variables whose names look like credentials (API_KEY,
 * *_TOKEN, *_SECRET, PASSWORD... see looksLikeCredentialEnv).
 */
export function redactorForTarget(target: Pick<ConnectionTargetInput, 'headers' | 'url' | 'env'>): Redactor {
  const redactor = redactorForHeaders(target.headers ?? []);
  if (target.url) redactor.url(target.url);
  for (const [name, value] of Object.entries(target.env ?? {})) {
    if (value && looksLikeCredentialEnv(name)) redactor.addSecretValue(value);
  }
  redactor.pinKnownSecrets();
  return redactor;
}
