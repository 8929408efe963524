import type { ConnectionTargetInput, DoctorReport } from '../../../shared/model';

/** Each network step of the bundle's doctor run may take this long, ms: a ticket waits, but not for minutes. */
const BUNDLE_DOCTOR_STEP_MS = 5_000;

/** How a bundle gets its doctor report (doctorForBundle, or a stand-in in tests). */
export type BundleDoctor = (target: ConnectionTargetInput, label: string) => Promise<DoctorReport | undefined>;

/**
 * The connection doctor's report for a repro bundle (the bundle's `doctor` part): run afresh
 * against the same target, so the bundle says which layer breaks as well as what the session
 * saw. A stdio target has no network layers: undefined. Never throws: a doctor that cannot run
 * leaves the part out rather than costing the user the bundle.
 */
export async function doctorForBundle(target: ConnectionTargetInput, label: string, clientInfo?: { name: string; version: string }): Promise<DoctorReport | undefined> {
  if (target.transport === 'stdio' || !target.url) return undefined;
  try {
    // Loaded on use: the doctor pulls in DNS, TLS and the metrics parser.
    const { runDoctor } = await import('../doctor/run-doctor');
    return await runDoctor({ target, label, stepTimeoutMs: BUNDLE_DOCTOR_STEP_MS, ...(clientInfo ? { clientInfo } : {}) });
  } catch {
    return undefined;
  }
}
