import { decodeJwt } from 'jose/jwt/decode';
import { epochSecondsIso } from '../../../shared/text/epoch-seconds';

/** A bearer token as far as it can be read without its key: never the token itself. */
export interface TokenFacts {
  /** `jwt` when the token is a JWT whose payload decodes; `opaque` otherwise (only the issuer can read it). */
  format: 'jwt' | 'opaque';
  /** The registered claims worth showing (RFC 7519 section 4.1, `scope` per RFC 8693 section 4.2), as the token has them. */
  claims?: Partial<Record<'iss' | 'sub' | 'aud' | 'azp' | 'client_id' | 'scope' | 'exp' | 'nbf' | 'iat', unknown>>;
  /** Names of the token's other claims (their values are not shown). */
  otherClaims?: string[];
  /** `exp`, `nbf` and `iat` in words, relative to now: "expired 3 h ago", "valid for 2 h more". */
  times?: { exp?: string; nbf?: string; iat?: string };
  /** What is wrong with it, in words, most decisive first (expired, not yet valid, another audience, a missing scope). */
  problems: string[];
  /** Always said: the signature was not checked (the key is the issuer's). */
  signature: 'not checked';
}

const SHOWN = ['iss', 'sub', 'aud', 'azp', 'client_id', 'scope', 'exp', 'nbf', 'iat'] as const;
/** Clocks disagree a little; within this much an expiry is not called a problem (RFC 7519 section 4.1.4 allows leeway). */
const LEEWAY_S = 60;

/**
 * Reads the bearer token of an Authorization value (`Bearer <token>`) for the 401/403 explainer:
 * decodes a JWT's payload with `jose` (the signature is NOT checked, and it says so), shows the
 * registered claims, puts `exp`/`nbf`/`iat` in words relative to `now`, and names what is wrong:
 * expired, not yet valid, an audience (`aud`) that is neither the server's URL nor its origin
 * (RFC 8707 resource indicators), a scope the challenge asks for that the token lacks.
 * Undefined when the value is not a bearer token. Never returns the token or a part of it.
 */
export function describeBearerToken(authorization: string | undefined, options: { now?: number; resource?: string; requiredScope?: string } = {}): TokenFacts | undefined {
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(match[1]!) as Record<string, unknown>;
  } catch {
    return { format: 'opaque', problems: [], signature: 'not checked' };
  }
  const now = (options.now ?? Date.now()) / 1000;
  const claims = Object.fromEntries(SHOWN.filter((name) => payload[name] !== undefined).map((name) => [name, payload[name]]));
  const otherClaims = Object.keys(payload).filter((name) => !(SHOWN as readonly string[]).includes(name));
  const times: NonNullable<TokenFacts['times']> = {};
  const problems: string[] = [];
  if (typeof payload.exp === 'number') {
    const left = payload.exp - now;
    times.exp = left < 0 ? `expired ${span(-left)} ago` : `valid for ${span(left)} more`;
    if (left < -LEEWAY_S) problems.push(`the token expired ${span(-left)} ago (${epochSecondsIso(payload.exp)})`);
  }
  if (typeof payload.nbf === 'number') {
    const until = payload.nbf - now;
    times.nbf = until > 0 ? `not valid until ${span(until)} from now` : `valid since ${span(-until)} ago`;
    if (until > LEEWAY_S) problems.push(`the token is not valid until ${span(until)} from now (${epochSecondsIso(payload.nbf)}); check both clocks`);
  }
  if (typeof payload.iat === 'number') times.iat = payload.iat - now > LEEWAY_S ? `issued ${span(payload.iat - now)} in the future` : `issued ${span(now - payload.iat)} ago`;
  const audience = audienceProblem(payload.aud, options.resource);
  if (audience) problems.push(audience);
  const scope = scopeProblem(payload.scope ?? payload.scp, options.requiredScope);
  if (scope) problems.push(scope);
  return { format: 'jwt', claims, ...(otherClaims.length ? { otherClaims } : {}), times, problems, signature: 'not checked' };
}

/** An audience that names neither this server's URL nor its origin: the token was issued for another resource. */
function audienceProblem(aud: unknown, resource: string | undefined): string | undefined {
  if (aud === undefined || !resource) return undefined;
  const audiences = (Array.isArray(aud) ? aud : [aud]).filter((a): a is string => typeof a === 'string');
  if (audiences.length === 0) return undefined;
  let origin: string;
  try {
    origin = new URL(resource).origin;
  } catch {
    return undefined;
  }
  const fits = audiences.some((a) => a === resource || a.replace(/\/+$/, '') === resource.replace(/\/+$/, '') || a === origin || a.replace(/\/+$/, '') === origin);
  return fits ? undefined : `the token is for ${audiences.map((a) => `"${a}"`).join(', ')}, not for this server (${resource})`;
}

/** The scopes the challenge asks for that the token does not carry (space-separated, RFC 6749 section 3.3). */
function scopeProblem(tokenScope: unknown, required: string | undefined): string | undefined {
  if (!required) return undefined;
  const held = new Set(Array.isArray(tokenScope) ? tokenScope.map(String) : typeof tokenScope === 'string' ? tokenScope.split(/\s+/) : []);
  const missing = required.split(/\s+/).filter((s) => s && !held.has(s));
  if (missing.length === 0) return undefined;
  return `the token's scope (${held.size ? [...held].join(' ') : 'none'}) lacks ${missing.join(' ')}, which the server asks for`;
}

/** 45 s, 12 min, 3 h, 2 d: the largest unit that fits, rounded down. */
export function span(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}
