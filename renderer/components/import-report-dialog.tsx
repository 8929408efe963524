import { useId, useRef } from 'react';
import type { ImportOutcome, ImportReport } from '../../shared/ipc/contract';
import { ModalDialog } from './modal-dialog';

interface ImportReportDialogProps {
  report: ImportReport;
  onClose(): void;
}

/** What an import did, in one place: what was added, what was already there, what was left out and why. */
export function ImportReportDialog({ report, onClose }: ImportReportDialogProps) {
  const id = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const imported = report.outcomes.filter((o) => o.status === 'imported');
  const present = report.outcomes.filter((o) => o.status === 'skipped' && o.duplicateOf);
  const skipped = report.outcomes.filter((o) => o.status === 'skipped' && !o.duplicateOf);
  return (
    <ModalDialog labelledBy={`${id}-title`} describedBy={`${id}-summary`} onCancel={onClose} initialFocus={closeRef} testId="import-report" className="report-dialog">
      <h2 id={`${id}-title`}>Import from {fileName(report.path)}</h2>
      <p id={`${id}-summary`} data-testid="import-summary">
        {summary(imported.length, present.length, skipped.length)}
      </p>
      <OutcomeList title="Imported" outcomes={imported} testId="import-imported" describe={(o) => (o.warnings.length ? o.warnings.join(' ') : undefined)} />
      <OutcomeList title="Already present (not imported again)" outcomes={present} testId="import-present" describe={(o) => `same as “${o.duplicateOf}”`} />
      <OutcomeList title="Skipped" outcomes={skipped} testId="import-skipped" describe={(o) => o.reason ?? 'not importable'} />
      <div className="dialog-actions">
        <button type="button" className="primary" ref={closeRef} onClick={onClose} data-testid="import-report-close">
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

function OutcomeList({ title, outcomes, testId, describe }: { title: string; outcomes: ImportOutcome[]; testId: string; describe(o: ImportOutcome): string | undefined }) {
  if (outcomes.length === 0) return null;
  return (
    <section aria-label={title} data-testid={testId}>
      <h3>
        {title} ({outcomes.length})
      </h3>
      <ul className="outcome-list">
        {outcomes.map((o, i) => {
          const why = describe(o);
          return (
            <li key={`${o.name}-${i}`}>
              <strong>{o.name}</strong>
              {why && <span className="muted">: {why}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function summary(imported: number, present: number, skipped: number): string {
  const parts = [`${imported} imported`];
  if (present > 0) parts.push(`${present} already present`);
  if (skipped > 0) parts.push(`${skipped} skipped`);
  return `${parts.join(', ')}.`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
