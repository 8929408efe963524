import * as z from 'zod';
import { ErrorFix } from './error-fix';

export { ErrorFix, FixField, RemoteFixField, SessionFixField, HeaderFixField, isRemoteFix, fixHeaderName } from './error-fix';

/**
 * Every failure a user can meet, as data (ARCHITECTURE.md rule 8). `kind` drives the CLI's
 * exit code and the UI's wording; `message` says what happened, `hint` what to try.
 */
export const ErrorKind = z.enum([
  'invalid-url',
  'invalid-input',
  'dns',
  'refused',
  'tls',
  'timeout',
  'http-status',
  'auth',
  'not-mcp',
  'protocol',
  'closed',
  'session-expired',
  'protocol-version',
  'too-large',
  'spawn',
  'cancelled',
  'missing-secret',
  'keychain',
  'storage',
  'not-found',
  /** A stdio remote that came from an import runs only after the user confirms its command once. */
  'needs-confirmation',
  /** The tool ran and its result says it failed (`isError: true`); not a failure of the request. */
  'tool-error',
  /** The instances of one server answered the same call differently (`periscope fanout`). */
  'answers-differ',
  'internal',
]);
export type ErrorKind = z.infer<typeof ErrorKind>;

export const ErrorInfo = z.object({
  kind: ErrorKind,
  message: z.string(),
  hint: z.string(),
  /** Structured extras: status, body excerpt, parsed WWW-Authenticate, certificate, close code... */
  detail: z.record(z.string(), z.unknown()).optional(),
  /** Where to fix it, best first (a remote's field, or a session option); see error-fix.ts. */
  fixes: z.array(ErrorFix).optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfo>;
