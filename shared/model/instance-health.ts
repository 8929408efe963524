import * as z from 'zod';
import { ErrorInfo } from './error-info';

/** The two health endpoints a load-balanced MCP server answers next to its MCP path (seed: server.addHealthCheck). */
export const HEALTH_PATHS = ['/health', '/ready'] as const;

/** One GET of /health or /ready on one instance. */
export const HealthProbe = z.object({
  path: z.enum(HEALTH_PATHS),
  /** The URL asked: the instance's origin with the path. */
  url: z.string(),
  /** The HTTP status; absent when no answer came (refused, timeout, TLS...). */
  status: z.number().int().optional(),
  /** From sending the request to the end of the body, ms. */
  latencyMs: z.number().nonnegative().optional(),
  /** The JSON body's `status` field as text ("healthy", "ready", "false"...), when there is one. */
  bodyStatus: z.string().optional(),
  /** True for a 2xx answer. */
  ok: z.boolean(),
  /** The answer says the endpoint is not there (404, 405, 501): not served, which is not unhealthy (the endpoints are optional). */
  notServed: z.boolean().optional(),
  /** Why it is not ok: an `http-status` error for a non-2xx answer, the network failure otherwise. */
  error: ErrorInfo.optional(),
});
export type HealthProbe = z.infer<typeof HealthProbe>;

/** Both probes of one instance. */
export const InstanceHealth = z.object({
  /** The instance's MCP endpoint URL. */
  instance: z.string(),
  health: HealthProbe,
  ready: HealthProbe,
  /** Both answered 2xx. */
  ok: z.boolean(),
});
export type InstanceHealth = z.infer<typeof InstanceHealth>;
