import { isIP } from 'node:net';
import { checkServerIdentity, connect, type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';

/** What a user needs to judge a certificate problem, in plain values (safe for IPC and files). */
export interface CertificateSummary {
  subject: string;
  issuer: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  subjectAltNames: string[];
  selfSigned: boolean;
  fingerprint256: string;
  expired: boolean;
  notYetValid: boolean;
  /** OpenSSL's verdict against this machine's trusted CAs (plus `ca` if given), e.g. DEPTH_ZERO_SELF_SIGNED_CERT. */
  authorizationError?: string;
  /** Set when the certificate does not cover the host name we connected to. */
  hostnameMismatch?: string;
}

/**
 * Connects with verification OFF only to look at the certificate, never to send data, so a
 * TLS failure can be explained with the certificate's actual subject, issuer and dates.
 * Resolves undefined when no TLS handshake is possible (not https/wss, unreachable, timeout).
 */
export function probeCertificate(
  url: string,
  timeoutMs = 5_000,
  options: { ca?: string | Buffer | Array<string | Buffer> } = {},
): Promise<CertificateSummary | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.resolve(undefined);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'wss:') return Promise.resolve(undefined);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const port = Number(parsed.port || 443);

  return new Promise((resolve) => {
    const socket = connect({
      host,
      port,
      // SNI must not be an IP address (RFC 6066); servers then pick their default certificate.
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      timeout: timeoutMs,
      ca: options.ca,
    });
    const finish = (summary: CertificateSummary | undefined): void => {
      socket.destroy();
      resolve(summary);
    };
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      if (!cert || Object.keys(cert).length === 0) return finish(undefined);
      const authorizationError = socket.authorizationError;
      finish(summarizeCertificate(cert, host, authorizationError ? String(authorizationError) : undefined));
    });
    socket.once('timeout', () => finish(undefined));
    socket.once('error', () => finish(undefined));
  });
}

export function summarizeCertificate(
  cert: PeerCertificate | DetailedPeerCertificate,
  host?: string,
  authorizationError?: string,
): CertificateSummary {
  const validFrom = new Date(cert.valid_from);
  const validTo = new Date(cert.valid_to);
  const now = Date.now();
  const subject = distinguishedName(cert.subject);
  const issuer = distinguishedName(cert.issuer);
  const mismatch = host ? checkServerIdentity(host, cert) : undefined;
  const summary: CertificateSummary = {
    subject,
    issuer,
    validFrom: isoOrRaw(validFrom, cert.valid_from),
    validTo: isoOrRaw(validTo, cert.valid_to),
    subjectAltNames: cert.subjectaltname ? cert.subjectaltname.split(/,\s*/).filter(Boolean) : [],
    // Same subject and issuer is how OpenSSL itself spots a self-issued certificate.
    selfSigned: subject === issuer,
    fingerprint256: cert.fingerprint256,
    expired: validTo.getTime() < now,
    notYetValid: validFrom.getTime() > now,
  };
  if (authorizationError) summary.authorizationError = authorizationError;
  if (mismatch) summary.hostnameMismatch = mismatch.message;
  return summary;
}

function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

function isoOrRaw(date: Date, raw: string): string {
  return Number.isNaN(date.getTime()) ? raw : date.toISOString();
}
