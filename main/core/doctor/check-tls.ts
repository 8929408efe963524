import { isIP } from 'node:net';
import { connect, type DetailedPeerCertificate } from 'node:tls';
import { type CertificateSummary, summarizeCertificate } from '../diagnostics/certificate-probe';
import { toErrorInfo } from '../diagnostics/classify-error';
import { FIX } from '../diagnostics/fixes';
import { classifyTlsError } from '../diagnostics/tls-errors';
import { createTlsSetup } from '../connections/tls-dispatcher';
import { defaultPort } from './check-url';
import { speaksPlainHttp } from './plain-http-probe';
import { failWith, type DoctorContext, type LayerCheck, type LayerOutcome } from './doctor-context';

const LOOPBACK = /^(localhost|127(\.\d+){3}|::1|\[::1\])$/i;
const WRONG_HOST = 'ERR_TLS_CERT_ALTNAME_INVALID';

/**
 * The TLS handshake, looked at with verification off (nothing is sent), then judged as a
 * connection would judge it with this remote's CA files: the chain (subject, issuer, dates of
 * each certificate), self-signed, expiry, host name, and which CA certificate would make it
 * trusted. Plain http:// and ws:// have no TLS: skipped on loopback, a warning elsewhere.
 */
export const tlsCheck: LayerCheck = {
  layer: 'tls',
  title: 'TLS',
  needs: ['tcp'],
  async run(ctx) {
    const url = ctx.url!;
    try {
      // The remote's own TLS settings (CA files, accept invalid certificates), read once for every later layer.
      ctx.tls = await createTlsSetup(ctx.input.target.tls);
    } catch (error) {
      return failWith(toErrorInfo(error, { url: url.href }));
    }
    if (url.protocol === 'http:' || url.protocol === 'ws:') {
      if (LOOPBACK.test(url.hostname)) return { verdict: 'skipped', finding: `${url.protocol}// on this computer: no TLS, and none needed` };
      return {
        verdict: 'warn',
        finding: `${url.protocol}// sends everything unencrypted, credentials included, across the network to ${url.hostname}`,
        fix: `use ${url.protocol === 'ws:' ? 'wss' : 'https'}:// if the server offers it`,
      };
    }
    return judgeHandshake(ctx);
  },
};

async function judgeHandshake(ctx: DoctorContext): Promise<LayerOutcome> {
  const url = ctx.url!;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || defaultPort(url.protocol));
  let handshake: { chain: CertificateSummary[]; authorizationError?: string; protocol?: string; cipher?: string };
  try {
    handshake = await handshakeOnce(host, port, ctx.tls!.webSocket.ca, ctx.stepTimeoutMs);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const info = code && /SSL|TLS|EPROTO/.test(code) ? classifyTlsError(code, error as { message?: string }, url.href, undefined) : toErrorInfo(error, { url: url.href, phase: 'connect' });
    if (await speaksPlainHttp(host, port, ctx.stepTimeoutMs)) {
      const plain = `${url.protocol === 'wss:' ? 'ws' : 'http'}://${url.host}${url.pathname}`;
      const finding = `Port ${port} answers plain HTTP, not TLS: the URL says ${url.protocol}// but the server there does not speak TLS`;
      const hint = `use ${plain} (or the server's TLS port)`;
      return failWith({ ...info, kind: 'tls', message: finding, hint, fixes: [FIX.url] }, { plainHttp: true, handshakeError: info.message });
    }
    return failWith(info);
  }
  const leaf = handshake.chain[0]!;
  const facts: Record<string, unknown> = { chain: handshake.chain, protocol: handshake.protocol, cipher: handshake.cipher };
  const problem = handshake.authorizationError ?? (leaf.hostnameMismatch ? WRONG_HOST : undefined);
  if (problem) {
    facts.verification = problem;
    const info = classifyTlsError(problem, undefined, url.href, leaf);
    const fixingCa = caThatWouldFix(problem, handshake.chain);
    const fix = fixingCa ? `${info.hint}. The CA certificate that would make it trusted: ${fixingCa}` : info.hint;
    if (ctx.input.target.tls?.acceptInvalidCertificates) {
      return { verdict: 'warn', finding: `${info.message}; accepted only because invalid certificates are accepted for this remote`, fix, facts };
    }
    return { verdict: 'fail', finding: info.message, fix, error: { ...info, hint: fix }, facts };
  }
  const days = Math.floor((Date.parse(leaf.validTo) - Date.now()) / 86_400_000);
  const finding = `${handshake.protocol ?? 'TLS'}: certificate for ${leaf.subjectAltNames.join(', ') || leaf.subject}, issued by ${leaf.issuer}, valid until ${leaf.validTo.slice(0, 10)} (${days} days)`;
  if (ctx.input.target.tls?.acceptInvalidCertificates) {
    return { verdict: 'warn', finding: `${finding}; certificate checks are off for this remote although the certificate is valid`, fix: 'stop accepting invalid certificates for this remote: its certificate passes on its own', facts };
  }
  if (days < 14) return { verdict: 'warn', finding: `${finding}: it expires soon`, fix: 'the server must renew its certificate before it expires', facts };
  return { verdict: 'pass', finding, facts };
}

/** Names the certificate a user would add as a CA file, from the chain the server sent. */
function caThatWouldFix(code: string, chain: CertificateSummary[]): string | undefined {
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT') return `the server's own certificate (${chain[0]!.subject}, SHA-256 ${chain[0]!.fingerprint256})`;
  const top = chain[chain.length - 1]!;
  if (code === 'SELF_SIGNED_CERT_IN_CHAIN') return `the root CA ${top.subject} (SHA-256 ${top.fingerprint256})`;
  if (/ISSUER|VERIFY_LEAF|UNTRUSTED/.test(code)) return `the CA named ${top.issuer}`;
  return undefined;
}

/** One handshake with verification off; resolves the chain leaf-first and OpenSSL's verdict. */
function handshakeOnce(host: string, port: number, ca: Buffer[] | undefined, timeoutMs: number): Promise<{ chain: CertificateSummary[]; authorizationError?: string; protocol?: string; cipher?: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, servername: isIP(host) ? undefined : host, rejectUnauthorized: false, timeout: timeoutMs, ...(ca ? { ca } : {}) });
    socket.once('secureConnect', () => {
      const chain = chainOf(socket.getPeerCertificate(true), host);
      const authorizationError = socket.authorizationError ? String(socket.authorizationError) : undefined;
      const result = { chain, protocol: socket.getProtocol() ?? undefined, cipher: socket.getCipher()?.name, ...(authorizationError ? { authorizationError } : {}) };
      socket.destroy();
      if (chain.length === 0) reject(Object.assign(new Error('the server sent no certificate'), { code: 'ERR_TLS_NO_CERTIFICATE' }));
      else resolve(result);
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error(`TLS handshake with ${host}:${port} timed out after ${timeoutMs} ms`), { code: 'ERR_TLS_HANDSHAKE_TIMEOUT' }));
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
  });
}

function chainOf(leaf: DetailedPeerCertificate, host: string): CertificateSummary[] {
  const out: CertificateSummary[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = leaf;
  while (cert && Object.keys(cert).length > 0 && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    out.push(summarizeCertificate(cert, out.length === 0 ? host : undefined));
    cert = cert.issuerCertificate;
  }
  return out;
}
