import type { DoctorReport } from '../../../shared/model';
import type { DoctorSlot } from '../../stores/doctor-store';

interface DoctorSummaryProps {
  slot: DoctorSlot;
  /** Shows instance `index` (from 0) of the last run: scrolls to its section, focus on its heading. */
  onShowInstance(index: number): void;
}

/**
 * The Doctor tab's one line under its title, a polite live region: while it runs, which endpoint
 * it checks now ("Checking instance 2 of 3: https://…"; one remote's run has one step, so it says
 * no more than that it checks); once done, how the run ended. A screen reader reads each change
 * without cutting in, and the "Checking" line goes when the run does. A group's failed instances
 * are named as buttons that lead to their sections: in a long run, the way to the failures.
 */
export function DoctorSummary({ slot, onShowInstance }: DoctorSummaryProps) {
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
        <RunSummary reports={run.reports} onShowInstance={onShowInstance} />
      ) : (
        ''
      )}
    </p>
  );
}

/** "Failed at TCP, 1 warning · 120 ms": how one report ended. */
export function reportSummary(report: DoctorReport): string {
  const failed = failedLayerTitle(report);
  const warnings = report.layers.filter((l) => l.verdict === 'warn').length;
  return `${failed ? `Failed at ${failed}` : 'No layer failed'}${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''} · ${Math.round(report.durationMs)} ms`;
}

function failedLayerTitle(report: DoctorReport): string | undefined {
  return report.layers.find((l) => l.layer === report.firstFailure)?.title;
}

/**
 * One remote: its report's summary and URL. A group: how many instances failed, and each failed
 * one with the layer it failed at ("2 of 3 instances failed: instance 2 at TCP, instance 3 at TLS").
 */
function RunSummary({ reports, onShowInstance }: { reports: DoctorReport[]; onShowInstance(index: number): void }) {
  if (reports.length === 1) return <>{`${reportSummary(reports[0]!)} · ${reports[0]!.url}`}</>;
  const failing = reports.flatMap((report, index) => (report.firstFailure === undefined ? [] : [{ report, index }]));
  if (failing.length === 0) return <>{`No layer failed on any of the ${reports.length} instances`}</>;
  return (
    <>
      {failing.length} of {reports.length} instances failed:{' '}
      {failing.map(({ report, index }, i) => (
        <span key={index}>
          {i > 0 && ', '}
          <button type="button" className="link-button doctor-instance-link" aria-label={`instance ${index + 1}: go to its checks (${report.url})`} onClick={() => onShowInstance(index)}>
            instance {index + 1}
          </button>{' '}
          at {failedLayerTitle(report)}
        </span>
      ))}
    </>
  );
}
