import { maskUrlPasswords } from '../../../shared/model/url-userinfo';
import type { DoctorLayerId, DoctorLayerResult, DoctorReport } from '../../../shared/model';
import { redactorForTarget } from '../capture/redaction';
import { toErrorInfo } from '../diagnostics/classify-error';
import { authCheck } from './check-auth';
import { dnsCheck } from './check-dns';
import { healthCheck } from './check-health';
import { httpCheck } from './check-http';
import { initializeCheck, transportCheck } from './check-mcp';
import { metricsCheck } from './check-metrics';
import { tcpCheck } from './check-tcp';
import { tlsCheck } from './check-tls';
import { urlCheck } from './check-url';
import type { DoctorContext, DoctorInput, LayerCheck, LayerOutcome } from './doctor-context';

export type { DoctorInput } from './doctor-context';

/** The layers in the order they run (shared/model/doctor.ts DOCTOR_LAYERS). */
export const DOCTOR_CHECKS: readonly LayerCheck[] = [urlCheck, dnsCheck, tcpCheck, tlsCheck, httpCheck, healthCheck, transportCheck, initializeCheck, authCheck, metricsCheck];

const DEFAULT_STEP_TIMEOUT_MS = 10_000;

/**
 * The connection doctor: checks one remote endpoint layer by layer (URL, DNS, TCP, TLS, HTTP,
 * health endpoints, transport and era, initialize or discover, auth, Prometheus metrics), each
 * timed (ms) and judged `pass` | `warn` | `fail` | `skipped` with a finding and a fix in plain
 * words. A failed layer stops the layers that need it (they are `skipped`, saying which layer
 * failed). Never throws for a network or server problem: it is in the report. Every secret of
 * the target (headers, URL credentials) is masked in the returned report.
 * `onLayer` sees each layer as it finishes (masked too), for progress.
 */
export async function runDoctor(input: DoctorInput, onLayer?: (result: DoctorLayerResult) => void): Promise<DoctorReport> {
  const redactor = redactorForTarget(input.target);
  const ctx: DoctorContext = { input, stepTimeoutMs: input.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS, results: [] };
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const blockedBy = new Map<DoctorLayerId, DoctorLayerId>();
  try {
    for (const check of DOCTOR_CHECKS) {
      const blocker = check.needs.map((n) => blockedBy.get(n) ?? (ctx.results.find((r) => r.layer === n)?.verdict === 'fail' ? n : undefined)).find(Boolean);
      let result: DoctorLayerResult;
      if (blocker) {
        blockedBy.set(check.layer, blocker);
        const title = DOCTOR_CHECKS.find((c) => c.layer === blocker)!.title;
        result = { layer: check.layer, title: check.title, verdict: 'skipped', durationMs: 0, finding: `Not run: the ${title} layer failed`, facts: {} };
      } else {
        const t0 = performance.now();
        const outcome = await runSafely(check, ctx);
        result = toResult(check, outcome, performance.now() - t0);
      }
      result = redactor.value(result);
      ctx.results.push(result);
      onLayer?.(result);
    }
  } finally {
    await ctx.tls?.close();
  }
  const firstFailure = ctx.results.find((r) => r.verdict === 'fail')?.layer;
  return {
    // What was typed may be too broken for the redactor to see its password (`http:/user:pw@host`).
    url: maskUrlPasswords(redactor.url(input.target.url ?? '', { learn: false })),
    label: maskUrlPasswords(redactor.text(input.label)),
    startedAt,
    durationMs: performance.now() - started,
    layers: ctx.results,
    ...(firstFailure ? { firstFailure } : {}),
    ok: firstFailure === undefined,
  };
}

/** The endpoint's URL as runDoctor's report names it (credentials and secret values masked), before the run. */
export function maskedEndpointUrl(target: DoctorInput['target']): string {
  return redactorForTarget(target).url(target.url ?? '', { learn: false });
}

async function runSafely(check: LayerCheck, ctx: DoctorContext): Promise<LayerOutcome> {
  try {
    return await check.run(ctx);
  } catch (error) {
    // A check's own bug or an unexpected throw is that layer's failure, never the whole report's.
    const info = toErrorInfo(error, { url: ctx.url?.href });
    return { verdict: 'fail', finding: info.message, fix: info.hint, error: info };
  }
}

function toResult(check: LayerCheck, outcome: LayerOutcome, durationMs: number): DoctorLayerResult {
  const error = outcome.verdict === 'fail' ? (outcome.error ?? { kind: 'internal' as const, message: outcome.finding, hint: outcome.fix ?? '' }) : undefined;
  return {
    layer: check.layer,
    title: check.title,
    verdict: outcome.verdict,
    durationMs: Math.round((outcome.durationMs ?? durationMs) * 10) / 10,
    finding: outcome.finding,
    ...(outcome.fix ? { fix: outcome.fix } : {}),
    ...(error?.fixes?.length ? { fixes: error.fixes } : {}),
    ...(error ? { errorKind: error.kind } : {}),
    facts: { ...(outcome.facts ?? {}), ...(error?.detail ? { errorDetail: error.detail } : {}) },
  };
}
