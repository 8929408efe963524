import * as z from 'zod';
import { ErrorInfo } from './error-info';
import { InstanceHealth } from './instance-health';

/**
 * What the Instances panel of a group's connection shows, as it crosses the IPC contract
 * (main/core/fanout/group-instances.ts produces it). Times in ms.
 */

/** One instance checked: /health and /ready, and one MCP round trip on a short-lived connection. */
export const InstanceCheck = z.object({
  instance: z.string(),
  health: InstanceHealth,
  /** ping (2025 era) or server/discover (2026-07-28) after connecting, ms; absent when it failed. */
  latencyMs: z.number().optional(),
  method: z.enum(['ping', 'server/discover']).optional(),
  /** Why the round trip failed (connecting included). */
  latencyError: ErrorInfo.optional(),
});
export type InstanceCheck = z.infer<typeof InstanceCheck>;

export const AnswerComparisonShape = z.object({
  groups: z.array(z.object({ label: z.string(), instances: z.array(z.string()), errorKind: z.string().optional() })),
  differing: z.array(z.object({ instance: z.string(), label: z.string(), differences: z.array(z.object({ path: z.string(), expected: z.string(), actual: z.string() })) })),
  agree: z.boolean(),
});

/** One instance's answer to Send to all. */
export const SendToAllOutcome = z.object({
  instance: z.string(),
  /** The tools/call round trip, ms; absent when it was not made. */
  latencyMs: z.number().optional(),
  result: z.unknown().optional(),
  error: ErrorInfo.optional(),
  /** The label of the answer group it belongs to (A: the most common). */
  answer: z.string().optional(),
});
export type SendToAllOutcome = z.infer<typeof SendToAllOutcome>;

export const SendToAllResult = z.object({ tool: z.string(), outcomes: z.array(SendToAllOutcome), comparison: AnswerComparisonShape });
export type SendToAllResult = z.infer<typeof SendToAllResult>;
