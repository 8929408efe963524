import * as z from 'zod';
import { ErrorFix, ErrorKind } from './error-info';

/**
 * The layers of the connection doctor, in the order they run: each builds on the ones before it
 * (a name must resolve before a TCP connect, TCP must connect before TLS, and so on).
 * `metrics` runs last so the server's own figures sit beside the round trips we just measured.
 */
export const DOCTOR_LAYERS = ['url', 'dns', 'tcp', 'tls', 'http', 'health', 'transport', 'initialize', 'auth', 'metrics'] as const;
export const DoctorLayerId = z.enum(DOCTOR_LAYERS);
export type DoctorLayerId = z.infer<typeof DoctorLayerId>;

/**
 * `pass`: fine. `warn`: works, but something deserves a look (no exit code). `fail`: broken here;
 * the layers that need this one are `skipped`. `skipped`: not run, and `finding` says why.
 */
export const DoctorVerdict = z.enum(['pass', 'warn', 'fail', 'skipped']);
export type DoctorVerdict = z.infer<typeof DoctorVerdict>;

/** One layer's outcome, in plain words; secrets already masked. */
export const DoctorLayerResult = z.object({
  layer: DoctorLayerId,
  /** e.g. "DNS", "TLS", "Transport and protocol era". */
  title: z.string(),
  verdict: DoctorVerdict,
  /** Wall time the check took, ms (0 for a skipped layer). */
  durationMs: z.number().nonnegative(),
  /** What was found, one or two sentences. */
  finding: z.string(),
  /** What to do about it (absent when nothing needs doing). */
  fix: z.string().optional(),
  /** Where to fix it: a remote's field or a session option (the CLI shows options, the app buttons). */
  fixes: z.array(ErrorFix).optional(),
  /** The error kind of a failed layer: it gives the CLI's exit code. */
  errorKind: ErrorKind.optional(),
  /** Structured facts of the layer: addresses, certificate chain, HTTP status, metrics summary... */
  facts: z.record(z.string(), z.unknown()).default({}),
});
export type DoctorLayerResult = z.infer<typeof DoctorLayerResult>;

/** A whole doctor run against one endpoint. */
export const DoctorReport = z.object({
  /** The endpoint URL, secrets masked. */
  url: z.string(),
  /** The saved remote's name, or the URL. */
  label: z.string(),
  /** ISO 8601. */
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  layers: z.array(DoctorLayerResult),
  /** The first layer that failed; absent when none did. */
  firstFailure: DoctorLayerId.optional(),
  /** True when no layer failed (warnings allowed). */
  ok: z.boolean(),
});
export type DoctorReport = z.infer<typeof DoctorReport>;

/** The doctor on a saved remote: one report, or one per instance of a group (its own URL first). */
export const DoctorRun = z.object({
  /** The remote's name. */
  label: z.string(),
  reports: z.array(DoctorReport).min(1),
});
export type DoctorRun = z.infer<typeof DoctorRun>;

/**
 * The doctor on a saved remote is about to check one of its endpoints (`instance` of `instances`,
 * from 1; a plain remote is 1 of 1): the Doctor tab says which one while a group's run goes on.
 */
export const DoctorProgressEvent = z.object({
  type: z.literal('doctor-progress'),
  remoteId: z.string(),
  instance: z.number().int().positive(),
  instances: z.number().int().positive(),
  /** The endpoint URL, secrets masked as in its report. */
  url: z.string(),
});
export type DoctorProgressEvent = z.infer<typeof DoctorProgressEvent>;
