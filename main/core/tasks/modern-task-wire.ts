import * as z from 'zod';
import { TASK_STATUSES, type TaskStatus } from '../../../shared/model/task';
import { PeriscopeError } from '../diagnostics/periscope-error';

/**
 * The wire shapes of the 2026-07-28 tasks extension (io.modelcontextprotocol/tasks, SEP-2663),
 * as the extension's published text for that revision gives them:
 * modelcontextprotocol/ext-tasks, specification/2026-07-28/tasks.md (Task, DetailedTask,
 * CreateTaskResult, tasks/get, tasks/update, tasks/cancel). The SEP's own document
 * (seps/2663-tasks-extension.md) is an earlier draft that names the fields `ttlSeconds` and
 * `pollIntervalMilliseconds` and adds `requestState`; the published text, newer, has `ttlMs` and
 * `pollIntervalMs` and no `requestState`, and is what these follow.
 */

/** A task as CreateTaskResult and tasks/get carry it (`resultType` is read before, or stripped by the SDK). */
export const WireTask = z.looseObject({
  taskId: z.string().min(1).max(1000),
  status: z.string(),
  statusMessage: z.string().optional(),
  /** ISO 8601 */
  createdAt: z.string(),
  /** ISO 8601 */
  lastUpdatedAt: z.string(),
  /** Time to live from creation in integer ms; null for unlimited. */
  ttlMs: z.number().nullable(),
  /** Suggested polling interval in integer ms. */
  pollIntervalMs: z.number().optional(),
});
export type WireTask = z.infer<typeof WireTask>;

/** The fields a status brings (DetailedTask): outstanding requests, the final result, or the JSON-RPC error. */
export const StatusPayload = z.looseObject({
  inputRequests: z.record(z.string(), z.unknown()).optional(),
  result: z.looseObject({}).optional(),
  error: z.looseObject({ code: z.number(), message: z.string(), data: z.unknown().optional() }).optional(),
});

/** One embedded server-to-client request of `inputRequests` (2026-07-28 basic/patterns/mrtr). */
export const EmbeddedRequest = z.looseObject({
  method: z.enum(['elicitation/create', 'sampling/createMessage', 'roots/list']),
  params: z.looseObject({}).optional(),
});
export type EmbeddedRequest = z.infer<typeof EmbeddedRequest>;

/** tasks/update and tasks/cancel answer an empty acknowledgement. */
export const Ack = z.looseObject({});

/** A tool's result (the plain answer, or a completed task's `result`). */
export const ToolResult = z.looseObject({ content: z.array(z.unknown()), isError: z.boolean().optional() });

/**
 * Parses what the server said against `schema`, or throws a PeriscopeError (`protocol`) that says,
 * in words, which field was wrong in which answer.
 */
export function parseAnswer<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'the answer';
  const draft = isObject(value) && ('ttlSeconds' in value || 'pollIntervalMilliseconds' in value);
  throw new PeriscopeError({
    kind: 'protocol',
    message: `The server's ${what} is not what the 2026-07-28 tasks extension (SEP-2663) defines: ${field}: ${issue?.message ?? 'invalid'}.`,
    hint: draft
      ? 'It uses the field names of an earlier SEP-2663 draft (ttlSeconds, pollIntervalMilliseconds); the published extension has ttlMs and pollIntervalMs. The server needs updating.'
      : 'This is the server\'s bug to fix; the trace shows its answer in full.',
    detail: { issues: parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String), message: i.message })) },
  });
}

/** The status as one of the five, or a `protocol` error naming the one the server made up. */
export function knownStatus(status: string): TaskStatus {
  if ((TASK_STATUSES as readonly string[]).includes(status)) return status as TaskStatus;
  throw new PeriscopeError({
    kind: 'protocol',
    message: `The server reported task status "${status.slice(0, 100)}", which the 2026-07-28 tasks extension (SEP-2663) does not define.`,
    hint: `A task is one of ${TASK_STATUSES.join(', ')}; this is the server's bug to fix.`,
  });
}

/** A `protocol` error for an answer that breaks one of the extension's rules. */
export function outOfSpec(message: string): PeriscopeError {
  return new PeriscopeError({ kind: 'protocol', message, hint: "This is the server's bug to fix; the trace shows its answer in full." });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
