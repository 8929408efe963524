import * as z from 'zod';
import { ProtocolEra } from './protocol-era';

/**
 * Requests from the server: what a server asks of the client (MCP client features: elicitation,
 * sampling, roots), parked until someone answers. A 2025-era server sends them as JSON-RPC
 * requests (`elicitation/create`, `sampling/createMessage`, `roots/list`); a 2026-07-28 server
 * embeds them in an `input_required` result of one of the client's own calls.
 */

/**
 * How a saved remote answers what its server asks (for QA runs). `ask` (the default) parks each
 * question in the Requests section; `decline` declines every elicitation and rejects every
 * sampling request; `accept-defaults` accepts an elicitation with the defaults its
 * requestedSchema declares (declined when a required field has none, and for URL mode) and still
 * asks for sampling (there is no default reply to a model request).
 */
export const ServerRequestPolicy = z.enum(['ask', 'decline', 'accept-defaults']);
export type ServerRequestPolicy = z.infer<typeof ServerRequestPolicy>;

/** One root the client offers (MCP client/roots): a URI (file:// per the spec) and an optional name. */
export const Root = z.object({
  uri: z
    .string()
    .trim()
    .min(1, 'A root needs a URI')
    .max(2048, 'A root URI is longer than 2048 characters')
    .refine((uri) => /^[a-z][a-z0-9+.-]*:/i.test(uri), 'A root is a URI such as file:///home/me/project'),
  name: z.string().trim().max(200, 'A root name is longer than 200 characters').optional(),
});
export type Root = z.infer<typeof Root>;

/** At most this many roots per remote: a list a person edits, not a file index. */
export const MAX_ROOTS = 100;
export const Roots = z.array(Root).max(MAX_ROOTS, `At most ${MAX_ROOTS} roots`);

/** The methods a server can ask the client to answer. */
export const ServerRequestMethod = z.enum(['elicitation/create', 'sampling/createMessage', 'roots/list']);
export type ServerRequestMethod = z.infer<typeof ServerRequestMethod>;

/** 2026-07-28: the client call an embedded request came with, and the round (1 = the first answer). */
export const RequestRound = z.object({
  /** The trace seq of the call's first request (links to the trace). */
  rootSeq: z.number().int(),
  round: z.number().int(),
  /** e.g. "tools/call". */
  method: z.string(),
  /** The tool or prompt name (or resource URI) of the call, when it has one. */
  name: z.string().optional(),
  /** The key of the embedded request in `inputRequests`. */
  key: z.string(),
  /**
   * 2026-07-28 tasks extension (SEP-2663): the task that asked, in a tasks/get answer; `round`
   * then counts the times the task asked for something new.
   */
  taskId: z.string().optional(),
});
export type RequestRound = z.infer<typeof RequestRound>;

/** A server request waiting for an answer. `params` are masked (no known secret of the remote). */
export const PendingServerRequest = z.object({
  id: z.string(),
  connectionId: z.string(),
  method: ServerRequestMethod,
  params: z.unknown(),
  era: ProtocolEra.optional(),
  /** Wall clock, ms since the epoch. */
  arrivedAt: z.number(),
  round: RequestRound.optional(),
  /** Set when the params were too big or too deep to show: only decline, cancel or reject are offered. */
  tooLarge: z.string().optional(),
});
export type PendingServerRequest = z.infer<typeof PendingServerRequest>;

/** Who answered: the person at the keyboard, the remote's policy, the app itself (roots), or nobody (withdrawn). */
export const AnsweredBy = z.enum(['user', 'policy', 'app', 'nobody']);
export type AnsweredBy = z.infer<typeof AnsweredBy>;

export const ServerRequestOutcome = z.enum(['accept', 'decline', 'cancel', 'answered', 'rejected', 'withdrawn', 'connection-ended', 'error']);
export type ServerRequestOutcome = z.infer<typeof ServerRequestOutcome>;

/** A server request that was answered (or ended without an answer), for the history. */
export const SettledServerRequest = PendingServerRequest.extend({
  settledAt: z.number(),
  outcome: ServerRequestOutcome,
  answeredBy: AnsweredBy,
  /** In words: "you, in the Requests section", "the remote's policy: always decline"... */
  source: z.string(),
  /** What was sent back (masked), or why nothing was. */
  answer: z.unknown().optional(),
});
export type SettledServerRequest = z.infer<typeof SettledServerRequest>;

/** 1 MiB of reply text: far beyond a test reply, short of a payload that would stall main. */
const MAX_REPLY_CHARS = 1024 * 1024;
const FormValue = z.union([z.string().max(MAX_REPLY_CHARS), z.number(), z.boolean(), z.array(z.string().max(4096)).max(1000)]);

/**
 * The user's answer. Elicitation: `accept` (with the form's content; none for URL mode),
 * `decline` or `cancel` (client/elicitation). Sampling: `reply` (becomes a CreateMessageResult
 * with role assistant and text content) or `reject` (client/sampling, "User rejected sampling request").
 */
export const ServerRequestAnswer = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), content: z.record(z.string().max(1000), FormValue).optional() }),
  z.object({ action: z.literal('decline') }),
  z.object({ action: z.literal('cancel') }),
  z.object({
    action: z.literal('reply'),
    text: z.string().max(MAX_REPLY_CHARS),
    model: z.string().trim().min(1, 'Name the model that "replied"').max(200),
    stopReason: z.string().trim().max(100).optional(),
  }),
  z.object({ action: z.literal('reject') }),
]);
export type ServerRequestAnswer = z.infer<typeof ServerRequestAnswer>;

/** Which answers fit which method. */
export function answerFits(method: ServerRequestMethod, action: ServerRequestAnswer['action']): boolean {
  if (method === 'elicitation/create') return action === 'accept' || action === 'decline' || action === 'cancel';
  if (method === 'sampling/createMessage') return action === 'reply' || action === 'reject';
  return false;
}
