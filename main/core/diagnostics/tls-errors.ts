import type { PeerCertificate } from 'node:tls';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { type CertificateSummary, summarizeCertificate } from './certificate-probe';
import { hostOf, hostPortOf } from './error-text';
import { FIX } from './fixes';

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const UNTRUSTED_ISSUER = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const WRONG_HOST = 'ERR_TLS_CERT_ALTNAME_INVALID';
/** The server does not speak TLS at all (e.g. https:// pointed at a plain-HTTP port). */
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'EPROTO']);

export const TLS_ERROR_CODES: ReadonlySet<string> = new Set([
  ...SELF_SIGNED, ...UNTRUSTED_ISSUER, ...EXPIRED, WRONG_HOST, ...NOT_TLS,
  'CERT_REVOKED', 'CERT_REJECTED', 'INVALID_CA', 'HOSTNAME_MISMATCH', 'ERR_TLS_HANDSHAKE_TIMEOUT',
]);

/** Message fragments for when a code only survives as text (eventsource flattens errors to strings). */
export const TLS_MESSAGE_CODES: Array<[RegExp, string]> = [
  [/self[- ]signed certificate in certificate chain/i, 'SELF_SIGNED_CERT_IN_CHAIN'],
  [/self[- ]signed certificate/i, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  [/certificate has expired/i, 'CERT_HAS_EXPIRED'],
  [/certificate is not yet valid/i, 'CERT_NOT_YET_VALID'],
  [/does not match certificate's altnames/i, WRONG_HOST],
  [/unable to verify the first certificate/i, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  [/unable to get local issuer certificate/i, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
  [/wrong version number/i, 'ERR_SSL_WRONG_VERSION_NUMBER'],
];

const INSECURE = 'for testing only, accepting invalid certificates skips the check';

export function classifyTlsError(
  code: string,
  error: { message?: string; cert?: PeerCertificate; host?: string } | undefined,
  url: string | undefined,
  probed: CertificateSummary | undefined,
): ErrorInfo {
  const target = hostPortOf(url) ?? error?.host ?? 'the server';
  const host = hostOf(url) ?? error?.host;
  const certificate = probed ?? (error?.cert && host ? summarizeCertificate(error.cert, host) : error?.cert ? summarizeCertificate(error.cert) : undefined);
  const detail: Record<string, unknown> = { code, ...(url ? { url } : {}), ...(certificate ? { certificate } : {}) };
  const about = certificate ? ` (subject ${certificate.subject}, issued by ${certificate.issuer}, valid ${day(certificate.validFrom)} to ${day(certificate.validTo)})` : '';

  if (SELF_SIGNED.has(code)) {
    const what = code === 'SELF_SIGNED_CERT_IN_CHAIN' ? 'a certificate chain ending in a self-signed CA this machine does not trust' : 'a self-signed certificate';
    return {
      kind: 'tls',
      message: `The TLS certificate of ${target} was rejected: the server presented ${what}${about}`,
      hint: `add its CA certificate file or, ${INSECURE}`,
      fixes: [FIX.caFile, FIX.acceptInvalid],
      detail,
    };
  }
  if (EXPIRED.has(code)) {
    const expired = code === 'CERT_HAS_EXPIRED';
    const when = certificate ? ` ${expired ? 'on' : 'until'} ${certificate[expired ? 'validTo' : 'validFrom']}` : '';
    return {
      kind: 'tls',
      message: `The TLS certificate of ${target} ${expired ? 'has expired' : 'is not valid yet'}${when}${about}`,
      hint: `the server must renew its certificate; also check this computer's clock (now ${new Date().toISOString()}); ${INSECURE}`,
      fixes: [FIX.acceptInvalid],
      detail,
    };
  }
  if (code === WRONG_HOST) {
    const names = certificate?.subjectAltNames.length ? certificate.subjectAltNames.join(', ') : certificate?.subject;
    return {
      kind: 'tls',
      message: `The TLS certificate of ${target} is not valid for the host name "${host ?? '?'}"${names ? `: it covers ${names}` : ''}${about}`,
      hint: `connect with a host name the certificate covers, or fix the certificate's subjectAltName; ${INSECURE}`,
      fixes: [FIX.url, FIX.acceptInvalid],
      detail,
    };
  }
  if (UNTRUSTED_ISSUER.has(code)) {
    const issuer = certificate ? `, issued by ${certificate.issuer},` : '';
    return {
      kind: 'tls',
      message: `The TLS certificate of ${target}${issuer} is signed by a CA this computer does not trust${about}`,
      hint: `add the issuing CA's certificate file (or set NODE_EXTRA_CA_CERTS); ${INSECURE}`,
      fixes: [FIX.caFile, FIX.acceptInvalid],
      detail,
    };
  }
  if (NOT_TLS.has(code)) {
    return {
      kind: 'tls',
      message: `The TLS handshake with ${target} failed: the server did not answer in TLS (${error?.message ?? code})`,
      hint: 'the port probably serves plain HTTP: try http:// (or ws://) instead of https:// (wss://)',
      fixes: [FIX.url],
      detail,
    };
  }
  return {
    kind: 'tls',
    message: `The TLS connection to ${target} failed: ${error?.message ?? code}${about}`,
    hint: `check the server's certificate setup; a CA certificate file adds a CA; ${INSECURE}`,
    fixes: [FIX.caFile, FIX.acceptInvalid],
    detail,
  };
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
