import * as z from 'zod';
import { TlsOptions, TransportChoice } from './connection';
import { MAX_MESSAGE_LIMIT_BYTES } from './message-limit';
import { MAX_TIMEOUT_MS } from './timeout-limit';
import { ProtocolEraChoice } from './protocol-era';
import { Roots, ServerRequestPolicy } from './server-request';
import { RemoteOAuth } from './remote-oauth';
import { remoteRuleIssues, remoteRuleWarnings, type RemoteLike, type RuleIssue } from './remote-rules';

export {
  checkEndpointUrl,
  instanceIssues,
  isLoopbackHost,
  MAX_GROUP_INSTANCES,
  isValidHeaderName,
  looksLikeCredentialEnv,
  looksLikeCredentialHeader,
  remoteRuleIssues,
  remoteRuleWarnings,
} from './remote-rules';
export type { RuleIssue } from './remote-rules';

/**
 * One header of a saved remote, with the seed format's field names. For a secret header the
 * stored `value` is always empty: the value lives in the OS keychain, and `has_value` (filled in
 * by the main process from the vault, never written to disk) says whether one is set.
 */
export const HeaderSpec = z.object({
  name: z.string(),
  value: z.string().default(''),
  description: z.string().default(''),
  is_required: z.boolean().default(false),
  is_secret: z.boolean().default(false),
  has_value: z.boolean().optional(),
});
export type HeaderSpec = z.infer<typeof HeaderSpec>;

/**
 * The timeouts a user overrode for one remote. Not `Timeouts.partial()`: that would keep
 * Timeouts' defaults and freeze today's engine defaults into every saved remote.
 */
/**
 * A saved timeout: one over the timer limit (older builds saved any size; an imported file may
 * hold one) is read as the limit, which waits as long as a timer can, rather than refusing the
 * whole remotes file. The editor and the CLI refuse such a value when it is typed.
 */
const SavedTimeoutMs = z
  .number()
  .int()
  .positive()
  .transform((ms) => Math.min(ms, MAX_TIMEOUT_MS));

export const TimeoutOverrides = z.object({
  connectMs: SavedTimeoutMs.optional(),
  requestMs: SavedTimeoutMs.optional(),
  resetOnProgress: z.boolean().optional(),
  maxTotalMs: SavedTimeoutMs.optional(),
});
export type TimeoutOverrides = z.infer<typeof TimeoutOverrides>;

const remoteFields = {
  name: z.string().trim().max(100, 'Name is longer than 100 characters'), // emptiness: remoteRuleIssues
  transport: TransportChoice,
  url: z.string().trim().optional(),
  /**
   * A group: the URLs of this server's other instances (the seed's `mcp-server-2`, `-3` behind a
   * load balancer), reached with the same transport, headers (secrets from the keychain), era and
   * TLS settings as `url`. Empty for an ordinary remote; checked by remoteRuleIssues (each like
   * `url`, no duplicates, at most MAX_GROUP_INSTANCES with `url`). The seed format has no such field.
   */
  instances: z.array(z.string().trim()).default([]),
  command: z.string().optional(),
  args: z.array(z.string()).default([]),
  /**
   * A stdio server's environment. Variables whose names look like credentials
   * (looksLikeCredentialEnv: API_KEY, *_TOKEN, *_SECRET, PASSWORD...) are secrets like secret
   * headers: their value lives in the OS keychain and is always '' here. In a draft, such a
   * variable with a value stores it, with '' keeps the stored one, and left out deletes it.
   */
  env: z.record(z.string(), z.string()).default({}),
  cwd: z.string().optional(),
  /** Only the timeouts the user overrode; the engine's defaults fill the rest. */
  timeouts: TimeoutOverrides.default({}),
  tls: TlsOptions.default({ caFiles: [], acceptInvalidCertificates: false }),
  /** Which MCP protocol era to speak (the seed format has no such field: `auto`). */
  protocolEra: ProtocolEraChoice.default('auto'),
  /** An exact revision to speak, e.g. 2026-07-28; checked against the era by the rules. */
  protocolVersion: z.string().trim().optional(),
  /** Start a new session when the server forgets this one (HTTP 404; absent means on); false: stop and show the expiry. */
  reinitializeOnSessionExpiry: z.boolean().optional(),
  /** The largest message accepted from the server, in bytes (absent: DEFAULT_MESSAGE_LIMIT_BYTES). */
  maxMessageBytes: z
    .number()
    .int()
    .positive('The message size limit must be above 0')
    .max(MAX_MESSAGE_LIMIT_BYTES, 'The message size limit can be at most 512 MB: a larger message could not be held as text')
    .optional(),
  notes: z.string().default(''),
  /**
   * How the app answers this server's elicitation and sampling requests (absent: `ask`). Left out
   * of a draft, the stored value is kept (the remote editor does not show it; the Requests
   * section of a connection tab does).
   */
  serverRequestPolicy: ServerRequestPolicy.optional(),
  /** The roots offered to this server (MCP client/roots; not secrets). Left out of a draft: kept. */
  roots: Roots.optional(),
  /** OAuth sign-in settings (absent: on with the defaults when the server challenges; see RemoteOAuth). */
  oauth: RemoteOAuth.optional(),
};

function applyRules(value: RemoteLike, ctx: z.RefinementCtx): void {
  for (const issue of remoteRuleIssues(value)) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
}

/** A saved remote as the store keeps it and the renderer shows it. */
export const Remote = z
  .object({
    id: z.string().min(1),
    ...remoteFields,
    headers: z.array(HeaderSpec).default([]),
    /**
     * For each credential-looking env variable: whether the keychain holds a value (filled in by
     * the main process from the vault, like `has_value`; never written to disk).
     */
    envHasValue: z.record(z.string(), z.boolean()).optional(),
    /** Whether the keychain holds an OAuth client secret for this remote (filled in by main; never written to disk). */
    oauthClientSecretSet: z.boolean().optional(),
    /**
     * True for a stdio remote whose command came from an imported file and has not been
     * confirmed yet: it does not run until the user confirms it once (CLI: a prompt,
     * --confirm-command or `remotes confirm`; app: `remotes:confirm-command` from its dialog).
     * Set by import only; cleared by that confirmation or when the user edits the command.
     * Not part of a draft: neither a form nor an import file can set or clear it.
     */
    commandNeedsConfirmation: z.boolean().default(false),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .superRefine(applyRules);
export type Remote = z.infer<typeof Remote>;

/**
 * A header as the editor or the CLI sends it. For a secret header: a non-empty `value` is
 * written to the keychain; `clearValue` deletes the stored one; neither keeps what is stored.
 * `previousName` marks a rename so the keychain entry moves with the header.
 */
export const HeaderDraft = HeaderSpec.omit({ has_value: true, value: true }).extend({
  value: z.string().optional(),
  previousName: z.string().optional(),
  clearValue: z.boolean().optional(),
});
export type HeaderDraft = z.input<typeof HeaderDraft>;

/** What create and edit take: a remote without id and times, secret values allowed. */
export const RemoteDraft = z
  .object({
    ...remoteFields,
    headers: z.array(HeaderDraft).default([]),
    /** A new OAuth client secret: written to the keychain; absent or '' keeps the stored one. */
    oauthClientSecret: z.string().max(4000).optional(),
    /** Deletes the stored OAuth client secret. */
    clearOAuthClientSecret: z.boolean().optional(),
  })
  .superRefine(applyRules);
export type RemoteDraft = z.infer<typeof RemoteDraft>;
export type RemoteInput = z.input<typeof RemoteDraft>;

export type DraftCheck =
  | { ok: true; draft: RemoteDraft; warnings: string[] }
  | { ok: false; issues: RuleIssue[]; warnings: string[] };

/** Validates a draft and returns its warnings too, so a form can show both at once. */
export function checkRemoteDraft(input: unknown): DraftCheck {
  const parsed = RemoteDraft.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: describeIssue(i.path, i.message),
    }));
    return { ok: false, issues, warnings: [] };
  }
  return { ok: true, draft: parsed.data, warnings: remoteRuleWarnings(parsed.data) };
}

function describeIssue(path: PropertyKey[], message: string): string {
  // Rule messages already name their subject; zod's generic ones ("Invalid input") need the field.
  const generic = /^(Invalid|Expected|Too )/.test(message);
  return generic && path.length > 0 ? `${path.map(String).join('.')}: ${message}` : message;
}

/** One line for an error message: "url: ...; headers.1.name: ...". */
export function formatRuleIssues(issues: RuleIssue[]): string {
  return issues.map((i) => i.message).join('; ');
}

/**
 * Every instance of a remote's server, its own URL first: `[url, ...instances]` for a group,
 * `[url]` for an ordinary URL remote, `[]` for stdio.
 */
export function groupInstanceUrls(remote: Pick<Remote, 'url' | 'instances' | 'transport'>): string[] {
  if (remote.transport === 'stdio' || !remote.url) return [];
  return [remote.url, ...(remote.instances ?? [])];
}

/** True when the remote names other instances besides its own URL. */
export function isGroup(remote: Pick<Remote, 'instances'>): boolean {
  return (remote.instances ?? []).length > 0;
}
