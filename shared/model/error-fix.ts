import * as z from 'zod';

/**
 * Where the fix for an error lies, named once for every surface: the app turns it into a button
 * that opens the remote's editor on that field, the CLI into its option ("raise --timeout").
 * Hints themselves stay in plain words that fit both (ARCHITECTURE.md rule 8).
 */
export const RemoteFixField = z.enum([
  'url',
  'transport',
  'headers',
  'timeouts.connectMs',
  'timeouts.requestMs',
  'tls.caFiles',
  'tls.acceptInvalidCertificates',
  'protocolEra',
  'protocolVersion',
  'command',
  'args',
  'env',
  'cwd',
  'reinitializeOnSessionExpiry',
  'maxMessageBytes',
  /** OAuth: a pre-registered client; the grant (the remote's Authorization group; CLI options). */
  'oauth-client',
  'oauth-grant',
]);
export type RemoteFixField = z.infer<typeof RemoteFixField>;

/** One header by name (e.g. `header:Authorization`): the editor opens that row, or adds it. */
export const HeaderFixField = z.templateLiteral(['header:', z.string().min(1).max(200)]);
export type HeaderFixField = z.infer<typeof HeaderFixField>;

/**
 * Settings that are not part of a saved remote: the CLI has an option for each; the app has
 * its own place for them (the trace is always shown, answers are asked for), so no button.
 */
export const SessionFixField = z.enum([
  'sampling', 'trace', 'record', 'data-dir', 'remotes', 'confirm-command',
  /** OAuth: how the authorization URL is opened (the app always uses the system browser). */
  'oauth-authorize',
]);
export type SessionFixField = z.infer<typeof SessionFixField>;

export const FixField = z.union([RemoteFixField, HeaderFixField, SessionFixField]);
export type FixField = z.infer<typeof FixField>;

export const ErrorFix = z.object({
  field: FixField,
  /** The app's button, e.g. "Raise the request timeout" (imperative, no CLI syntax). */
  label: z.string(),
  /** A value to propose, e.g. the transport `sse`, the era `legacy`, or for `header:Authorization` the scheme the server asks for when not Bearer (`Basic`). */
  value: z.string().optional(),
});
export type ErrorFix = z.infer<typeof ErrorFix>;

/** True when the fix is a field of the remote's editor (the app shows a button for it). */
export function isRemoteFix(field: FixField): field is RemoteFixField | HeaderFixField {
  return field.startsWith('header:') || RemoteFixField.safeParse(field).success;
}

/** The header a `header:<name>` fix points at, or undefined. */
export function fixHeaderName(field: FixField): string | undefined {
  return field.startsWith('header:') ? field.slice('header:'.length) : undefined;
}
