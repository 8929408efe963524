import type { ErrorInfo } from '../../../shared/model/error-info';
import { probeCertificate } from './certificate-probe';
import { type ErrorContext, toErrorInfo } from './classify-error';

/**
 * toErrorInfo plus the one fact that needs I/O: on a TLS failure without certificate details,
 * look at the server's certificate (verification off, nothing sent) so the message can name
 * its subject, issuer, dates and host names. Never rejects.
 */
export async function describeFailure(
  error: unknown,
  context: ErrorContext = {},
  options: { probeTimeoutMs?: number; ca?: string | Buffer | Array<string | Buffer> } = {},
): Promise<ErrorInfo> {
  const info = toErrorInfo(error, context);
  if (info.kind !== 'tls' || context.certificate || info.detail?.certificate || !context.url) return info;
  try {
    const certificate = await probeCertificate(context.url, options.probeTimeoutMs ?? 3_000, { ca: options.ca });
    return certificate ? toErrorInfo(error, { ...context, certificate }) : info;
  } catch {
    return info;
  }
}
