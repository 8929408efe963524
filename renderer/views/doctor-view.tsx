import { type DoctorLayerResult, type DoctorVerdict, type ErrorFix } from '../../shared/model';
import { DoctorSummary, reportSummary } from '../components/doctor/doctor-summary';
import { ErrorNotice } from '../components/error-notice';
import { FixButtons } from '../components/fix-buttons';
import { exportDoctorReport, runDoctor } from '../bridge/doctor-actions';
import { useDoctorStore } from '../stores/doctor-store';
import { useUiStore } from '../stores/ui-store';

const VERDICT_WORDS: Record<DoctorVerdict, string> = { pass: 'Pass', warn: 'Warning', fail: 'Failed', skipped: 'Skipped' };

/**
 * A remote's connection doctor: each layer with its verdict (in words and colour), time, finding
 * and fix, with a button per remote setting that could fix it; a group's instances one after the
 * other, each under its URL; run again; export as JSON.
 */
export function DoctorView({ tabId }: { tabId: string }) {
  const slot = useDoctorStore((s) => s.slots[tabId]);
  const openEditor = useUiStore((s) => s.openEditor);
  if (!slot) return null;
  const { run, running, error, remoteId, name } = slot;
  const onFix = (fix: ErrorFix) => openEditor(remoteId, { field: fix.field, ...(fix.value ? { value: fix.value } : {}) });
  const reports = run?.reports ?? [];
  const group = reports.length > 1;
  const instanceHeadingId = (index: number) => `${tabId}-instance-${index}`;
  // From the summary's link to a failed instance: its heading at the top of the pane, with the
  // focus, so the keyboard and a screen reader go on from there.
  const showInstance = (index: number) => {
    const heading = document.getElementById(instanceHeadingId(index));
    heading?.scrollIntoView?.({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  return (
    <section className="doctor-view" aria-labelledby={`${tabId}-title`} aria-busy={running} data-testid="doctor-view">
      <header className="doctor-header">
        <div className="doctor-heading">
          <h2 id={`${tabId}-title`}>Connection doctor: {name}</h2>
          <DoctorSummary slot={slot} onShowInstance={showInstance} />
        </div>
        <div className="doctor-actions">
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page while it runs. */}
          <button type="button" className="primary" data-testid="doctor-rerun" onClick={() => {
              if (!running) void runDoctor(remoteId, name);
            }} aria-disabled={running}>
            {running ? 'Running…' : 'Run again'}
          </button>
          <button type="button" data-testid="doctor-export" onClick={() => {
              if (!running && run) void exportDoctorReport(remoteId);
            }} aria-disabled={running || !run}>
            Export report…
          </button>
        </div>
      </header>
      {error && <ErrorNotice error={error} title="Could not run the doctor" announce onFix={onFix} />}
      {reports.map((report, index) => (
        <section key={report.url + index} className="doctor-instance" aria-labelledby={group ? instanceHeadingId(index) : `${tabId}-title`} data-testid="doctor-instance">
          {group && (
            // tabIndex -1: the summary's link gives it the focus; Tab does not stop on a heading.
            <h3 id={instanceHeadingId(index)} className="doctor-instance-title" tabIndex={-1}>
              Instance {index + 1} of {reports.length}: <span className="doctor-instance-url">{report.url}</span> <span className={report.firstFailure ? 'doctor-instance-failed' : 'muted'}>· {reportSummary(report)}</span>
            </h3>
          )}
          <ol className={`doctor-layers${running ? ' is-stale' : ''}`} aria-label={group ? `Layers of instance ${index + 1}, in the order they were checked` : 'Layers, in the order they were checked'} data-testid="doctor-layers">
            {report.layers.map((layer) => (
              <DoctorLayerRow key={layer.layer} layer={layer} onFix={onFix} />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

function DoctorLayerRow({ layer, onFix }: { layer: DoctorLayerResult; onFix(fix: ErrorFix): void }) {
  const timed = !(layer.verdict === 'skipped' && layer.durationMs === 0);
  return (
    <li className={`doctor-layer verdict-${layer.verdict}`} data-testid="doctor-layer" data-layer={layer.layer} data-verdict={layer.verdict}>
      <div className="doctor-layer-head">
        <span className={`verdict-badge verdict-${layer.verdict}`}>{VERDICT_WORDS[layer.verdict]}</span>
        <strong className="doctor-layer-title">{layer.title}</strong>
        {timed && <span className="doctor-layer-time">{layer.durationMs.toFixed(1)} ms</span>}
      </div>
      <p className="doctor-finding" data-testid="doctor-finding">
        {layer.finding}
      </p>
      {layer.fix && (
        <p className="doctor-fix" data-testid="doctor-fix">
          <span className="hint-label">Try: </span>
          {layer.fix}
        </p>
      )}
      <FixButtons fixes={layer.fixes} onFix={onFix} className="doctor-fix-buttons" />
    </li>
  );
}
