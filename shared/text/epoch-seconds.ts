/**
 * A JWT time claim (`exp`, `nbf`, `iat`: seconds since the epoch, RFC 7519 section 2 NumericDate)
 * as an ISO 8601 UTC time without milliseconds: 1764579600 → "2025-12-01T09:00:00Z".
 */
export function epochSecondsIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
