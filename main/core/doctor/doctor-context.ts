import type { ConnectionTargetInput, DoctorLayerId, DoctorLayerResult, DoctorVerdict, ErrorInfo } from '../../../shared/model';
import type { ConnectionOAuth } from '../auth/connection-oauth';
import type { TlsSetup } from '../connections/tls-dispatcher';
import type { McpAttempt } from './mcp-attempt';
import type { HttpProbe } from './check-http';

/** What the caller gives the doctor: one endpoint, its headers already resolved. */
export interface DoctorInput {
  target: ConnectionTargetInput;
  /** The saved remote's name or the URL, for the report. */
  label: string;
  /** Each network step's time limit, ms (default 10 000); the MCP connect uses the target's connect timeout. */
  stepTimeoutMs?: number;
  /** The environment whose proxy variables are reported (default: process.env). */
  env?: Record<string, string | undefined>;
  /** OAuth on a 401 challenge, as a connection would use it. */
  oauth?: ConnectionOAuth;
  /** Client name/version sent in initialize. */
  clientInfo?: { name: string; version: string };
}

/** What the layers learn and hand on to the ones after them. */
export interface DoctorContext {
  input: DoctorInput;
  stepTimeoutMs: number;
  url?: URL;
  /** Addresses `lookup` returned, in its order. */
  addresses?: Array<{ address: string; family: number }>;
  tls?: TlsSetup;
  http?: HttpProbe;
  mcp?: McpAttempt;
  /** The layers done so far, in order. */
  results: DoctorLayerResult[];
}

/** What one layer check returns; the runner adds the layer, title and time. */
export interface LayerOutcome {
  verdict: DoctorVerdict;
  finding: string;
  fix?: string;
  facts?: Record<string, unknown>;
  /** The time this layer stands for, ms, when it is not the check's own wall time (a round trip measured inside a shared step). */
  durationMs?: number;
  /** For a failure: the classified error (its message and hint become finding and fix when those are not given). */
  error?: ErrorInfo;
}

export interface LayerCheck {
  layer: DoctorLayerId;
  title: string;
  /** Layers that must not have failed (or been skipped because of a failure) for this one to run. */
  needs: DoctorLayerId[];
  run(ctx: DoctorContext): Promise<LayerOutcome>;
}

/** A failure outcome from a classified error: its message is the finding, its hint the fix. */
export function failWith(error: ErrorInfo, facts?: Record<string, unknown>): LayerOutcome {
  return { verdict: 'fail', finding: error.message, fix: error.hint, error, ...(facts ? { facts } : {}) };
}
