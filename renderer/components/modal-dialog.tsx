import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

interface ModalDialogProps {
  /** Id of the element that names the dialog (its heading). */
  labelledBy: string;
  describedBy?: string;
  /** 'alertdialog' for a question that needs an answer (delete, discard edits). */
  role?: 'dialog' | 'alertdialog';
  /** Esc, or the window asking the dialog to close. */
  onCancel(): void;
  /** What gets focus when the dialog opens; the first focusable element otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  testId?: string;
  children: ReactNode;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A real modal: the native <dialog> opened with showModal() sits in the top layer above every
 * stacking context (the virtual trace list included), makes the rest of the page inert, and
 * turns Esc into a cancel. Tab wraps inside the dialog, so focus never reaches the browser's
 * own chrome either; focus goes back to whatever opened the dialog when it closes.
 */
export function ModalDialog({ labelledBy, describedBy, role = 'dialog', onCancel, initialFocus, className, testId, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCancelRef = useRef(onCancel);
  useEffect(() => {
    onCancelRef.current = onCancel;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    (initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The opener may be gone (a deleted remote's card): then focus is left to the caller.
      if (opener?.isConnected) opener.focus();
    };
    // Opened once per mount; the initial focus target is read at that moment only.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      // Handled here rather than by the browser's close, so the owner decides (and can keep it open).
      event.preventDefault();
      event.stopPropagation();
      onCancelRef.current();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusables.length === 0) return;
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={`dialog${className ? ` ${className}` : ''}`}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // A cancel the keydown did not catch (another close request): still the owner's call.
        event.preventDefault();
        onCancelRef.current();
      }}
    >
      {children}
    </dialog>
  );
}
