import type { DoctorReport } from '../../../shared/model';
import type { DoctorSlot } from '../../stores/doctor-store';

/**
 * The Doctor tab's one line under its title, a polite live region: while it runs, which endpoint
 * it checks now ("Checking instance 2 of 3: https://…"; one remote's run has one step, so it says
 * no more than that it checks); once done, how the run ended. A screen reader reads each change
 * without cutting in, and the "Checking" line goes when the run does.
 */
export function DoctorSummary({ slot }: { slot: DoctorSlot }) {
  const { running, checking, run } = slot;
  return (
    <p className="doctor-summary" role="status" aria-live="polite" data-testid="doctor-summary">
      {running ? (
        checking && checking.instances > 1 ? (
          <>
            Checking instance {checking.instance} of {checking.instances}: <span className="doctor-instance-url">{checking.url}</span>…
          </>
        ) : (
          'Checking each layer…'
        )
      ) : run ? (
        runSummary(run.reports)
      ) : (
        ''
      )}
    </p>
  );
}

/** "Failed at TCP, 1 warning · 120 ms": how one report ended. */
export function reportSummary(report: DoctorReport): string {
  const failed = report.layers.find((l) => l.layer === report.firstFailure);
  const warnings = report.layers.filter((l) => l.verdict === 'warn').length;
  return `${failed ? `Failed at ${failed.title}` : 'No layer failed'}${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''} · ${Math.round(report.durationMs)} ms`;
}

/** One remote: its report's summary and URL; a group: how many instances failed, and which first. */
function runSummary(reports: DoctorReport[]): string {
  if (reports.length === 1) return `${reportSummary(reports[0]!)} · ${reports[0]!.url}`;
  const failing = reports.filter((r) => r.firstFailure !== undefined);
  if (failing.length === 0) return `No layer failed on any of the ${reports.length} instances`;
  const first = reports.indexOf(failing[0]!);
  return `${failing.length} of ${reports.length} instances failed; the first, instance ${first + 1}: ${reportSummary(failing[0]!)}`;
}
