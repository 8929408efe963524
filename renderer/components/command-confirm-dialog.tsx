import { useId, useRef, type ReactNode } from 'react';
import { reviewCommand } from '../../shared/model/command-review';
import type { Remote } from '../../shared/model/remote';
import { ModalDialog } from './modal-dialog';

interface CommandConfirmDialogProps {
  remote: Remote;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * An imported stdio remote runs a program on this computer: show exactly what will run (the
 * command, each argument, the names of the environment variables it gets; values can hold
 * secrets, so they stay hidden) before it runs for the first time.
 */
export function CommandConfirmDialog({ remote, onConfirm, onCancel }: CommandConfirmDialogProps) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { envNames, dangerousEnv } = reviewCommand(remote);
  return (
    <ModalDialog role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-why`} onCancel={onCancel} initialFocus={cancelRef} testId="command-confirm">
      <h2 id={`${id}-title`}>Run the command of “{remote.name}”?</h2>
      <p id={`${id}-why`}>
        This remote came from an imported file. Connecting starts this program on your computer, with your permissions. Run it only if you trust it.
      </p>
      <dl className="command-facts">
        <dt>Command</dt>
        <dd>
          <code data-testid="confirm-command-line">{remote.command}</code>
        </dd>
        <dt>Arguments</dt>
        <dd>
          {remote.args.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <ol className="command-args" data-testid="confirm-command-args">
              {remote.args.map((arg, i) => (
                <li key={i}>
                  <code>{arg}</code>
                </li>
              ))}
            </ol>
          )}
        </dd>
        <dt>Environment</dt>
        <dd data-testid="confirm-command-env">
          {envNames.length === 0 ? <span className="muted">no variables added</span> : envNames.map((n) => <code key={n}>{n}</code>).reduce<ReactNode[]>((all, c, i) => (i ? [...all, ', ', c] : [c]), [])}
          {envNames.length > 0 && <span className="muted"> (values not shown)</span>}
          {dangerousEnv.map((name) => (
            <p key={name} className="command-danger" role="note" data-testid="confirm-command-danger">
              {name} can make the command load and run other code.
            </p>
          ))}
        </dd>
        {remote.cwd && (
          <>
            <dt>Working directory</dt>
            <dd>
              <code>{remote.cwd}</code>
            </dd>
          </>
        )}
      </dl>
      <div className="dialog-actions">
        <button type="button" ref={cancelRef} onClick={onCancel} data-testid="confirm-cancel">
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm} data-testid="confirm-accept">
          Run and connect
        </button>
      </div>
    </ModalDialog>
  );
}
