import { useId, useRef, type ReactNode } from 'react';
import { ModalDialog } from './modal-dialog';

interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** False for a question whose "yes" destroys nothing (then it is styled as the primary action). */
  destructive?: boolean;
  testId?: string;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal question. Focus starts on Cancel, so Enter never destroys anything by accident. */
export function ConfirmDialog({ title, message, confirmLabel, cancelLabel = 'Cancel', destructive = true, testId = 'confirm-dialog', onConfirm, onCancel }: ConfirmDialogProps) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-message`} onCancel={onCancel} initialFocus={cancelRef} testId={testId}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-message`} className="dialog-message">
        {message}
      </div>
      <div className="dialog-actions">
        <button type="button" ref={cancelRef} onClick={onCancel} data-testid="confirm-cancel">
          {cancelLabel}
        </button>
        <button type="button" className={destructive ? 'danger' : 'primary'} onClick={onConfirm} data-testid="confirm-accept">
          {confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
