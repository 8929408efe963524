import * as z from 'zod';
import { HttpEntry } from './trace';

/**
 * The guided auth debugger's run: the steps of an MCP authorization (MCP Authorization,
 * 2025-11-25 and 2026-07-28) taken one at a time, each with its exchanges as the trace records
 * them (secrets masked), what the spec expects and what was found. Shared by the core (which
 * produces it), the export file, the IPC contract and the renderer.
 */

/** The steps in the order they run (OAuth 2.1 authorization code grant with PKCE, as MCP profiles it). */
export const AUTH_DEBUG_STEPS = [
  'challenge',
  'resource-metadata',
  'authorization-server-metadata',
  'client-registration',
  'authorization-request',
  'authorization-response',
  'token-request',
  'authenticated-request',
] as const;
export const AuthDebugStepName = z.enum(AUTH_DEBUG_STEPS);
export type AuthDebugStepName = z.infer<typeof AuthDebugStepName>;

/** A heading for each step, in the user's words. */
export const AUTH_DEBUG_STEP_TITLES: Record<AuthDebugStepName, string> = {
  challenge: 'Unauthenticated request and its challenge',
  'resource-metadata': 'Protected resource metadata',
  'authorization-server-metadata': 'Authorization server metadata',
  'client-registration': 'Client registration',
  'authorization-request': 'Authorization request (PKCE)',
  'authorization-response': 'Redirect back (authorization response)',
  'token-request': 'Token request',
  'authenticated-request': 'Authenticated request',
};

/**
 * What a finding, a step or a run comes to. `info` judges nothing: it says what was seen where no
 * rule applies, such as a server that answers without asking for authorization (authorization is
 * optional: MCP Authorization, "Protocol Requirements"). It ranks below pass, so a step or run
 * that has checks is judged by them.
 */
export const AuthDebugVerdict = z.enum(['info', 'pass', 'warn', 'fail']);
export type AuthDebugVerdict = z.infer<typeof AuthDebugVerdict>;

/** One thing checked, in plain words. `problem` is what is wrong (warn, fail); `message` says what was seen. */
export const AuthDebugFinding = z.object({
  /** A stable id for tests and filters, e.g. `issuer-mismatch`, `pkce-missing`, `insufficient-scope`. */
  id: z.string(),
  verdict: AuthDebugVerdict,
  message: z.string(),
  /** The spec section the finding rests on, e.g. "RFC 8414 section 3.3". */
  source: z.string().optional(),
});
export type AuthDebugFinding = z.infer<typeof AuthDebugFinding>;

/** What the spec expects of a step, with the sections cited. */
export const AuthDebugExpectation = z.object({
  summary: z.string(),
  sources: z.array(z.string()),
});
export type AuthDebugExpectation = z.infer<typeof AuthDebugExpectation>;

/** Lanes of the sequence diagram. */
export const AuthDebugParty = z.enum(['client', 'user-agent', 'mcp-server', 'authorization-server']);
export type AuthDebugParty = z.infer<typeof AuthDebugParty>;

/**
 * How a message of the sequence diagram failed to happen: `no-answer` is the answer a request
 * never got (`from` is who was asked, `to` who waited: drawn at `to`, never as a reply);
 * `not-sent` is a request the client refused to send (an invalid URL, a port on the Fetch
 * standard's list of blocked ports): drawn as leaving `from` and never reaching `to`.
 */
export const AuthDebugMissing = z.enum(['no-answer', 'not-sent']);
export type AuthDebugMissing = z.infer<typeof AuthDebugMissing>;

/**
 * One arrow of the sequence diagram: who talked to whom, and a short label (no secret). `missing`
 * is set when the message did not go from `from` to `to` (absent in runs exported before it).
 */
export const AuthDebugArrow = z.object({
  from: AuthDebugParty,
  to: AuthDebugParty,
  label: z.string(),
  missing: AuthDebugMissing.optional(),
});
export type AuthDebugArrow = z.infer<typeof AuthDebugArrow>;

export const AuthDebugStepResult = z.object({
  step: AuthDebugStepName,
  title: z.string(),
  /** Wall clock (ms since the epoch) when the step began, and how long it took in ms. */
  startedAt: z.number(),
  durationMs: z.number(),
  /** Every HTTP exchange the step made, as the trace records them (masked). */
  exchanges: z.array(HttpEntry),
  expectation: AuthDebugExpectation,
  /** The worst verdict of the findings (pass when there are none; info when they only inform). */
  verdict: AuthDebugVerdict,
  findings: z.array(AuthDebugFinding),
  /** What the step learned, masked: e.g. the metadata's issuer, the client id, the PKCE values. */
  facts: z.record(z.string(), z.string()),
  arrows: z.array(AuthDebugArrow),
  /** Set when the run cannot go on after this step: why, in words. */
  stopped: z.string().optional(),
});
export type AuthDebugStepResult = z.infer<typeof AuthDebugStepResult>;

export const AUTH_DEBUG_RUN_VERSION = 1;

/** The whole run, as exported to one file and read back (`kind` and `version` identify it). */
export const AuthDebugRun = z.object({
  kind: z.literal('periscope-auth-debug-run'),
  version: z.literal(AUTH_DEBUG_RUN_VERSION),
  /** The MCP server's URL (credentials in it masked). */
  serverUrl: z.string(),
  startedAt: z.number(),
  steps: z.array(AuthDebugStepResult),
  /** True when no step is left to run (every step ran, or one stopped the run). */
  finished: z.boolean(),
  /** The worst verdict so far (info: the steps judged nothing, e.g. a server that asks for no authorization). */
  verdict: AuthDebugVerdict,
});
export type AuthDebugRun = z.infer<typeof AuthDebugRun>;

const RANK: Record<AuthDebugVerdict, number> = { info: 0, pass: 1, warn: 2, fail: 3 };

/** The worst of some verdicts: info only when all are info, pass for none. */
export function worstVerdict(verdicts: Iterable<AuthDebugVerdict>): AuthDebugVerdict {
  let worst: AuthDebugVerdict | undefined;
  for (const v of verdicts) if (worst === undefined || RANK[v] > RANK[worst]) worst = v;
  return worst ?? 'pass';
}
