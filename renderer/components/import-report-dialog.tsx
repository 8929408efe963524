import { useId, useRef, type ReactNode } from 'react';
import type { ImportOutcome, ImportReport } from '../../shared/ipc/contract';
import { commandLineOf } from '../../shared/model/command-review';
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
      <OutcomeList
        title="Imported"
        outcomes={imported}
        testId="import-imported"
        describe={(o) => (o.warnings.length ? o.warnings.join(' ') : undefined)}
        details={(o) => o.command && <ImportedCommand command={o.command} />}
      />
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

interface OutcomeListProps {
  title: string;
  outcomes: ImportOutcome[];
  testId: string;
  describe(o: ImportOutcome): string | undefined;
  details?(o: ImportOutcome): ReactNode;
}

function OutcomeList({ title, outcomes, testId, describe, details }: OutcomeListProps) {
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
              {details?.(o)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * What an imported stdio entry will run, told at import time: the command line, the names of the
 * variables it gets (values stay hidden), those that can make it load other code, and that it
 * asks before its first run.
 */
function ImportedCommand({ command }: { command: NonNullable<ImportOutcome['command']> }) {
  return (
    <div className="imported-command" data-testid="import-command">
      Runs <code>{commandLineOf(command.command, command.args)}</code>
      {command.cwd && (
        <>
          {' '}
          in <code>{command.cwd}</code>
        </>
      )}
      {command.envNames.length > 0 && <> with {command.envNames.join(', ')} (values not shown)</>}.
      {command.dangerousEnv.map((name) => (
        <p key={name} className="command-danger" role="note">
          {name} can make the command load and run other code.
        </p>
      ))}
      {command.needsConfirmation && <p className="muted">It asks you to confirm it before it first runs.</p>}
    </div>
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
