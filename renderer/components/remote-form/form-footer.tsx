import { useEffect, useRef } from 'react';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { ErrorNotice } from '../error-notice';

interface FormFooterProps {
  saving: boolean;
  /** What main answered when the last save failed (the keychain is locked, the disk is full...). */
  saveError: ErrorInfo | undefined;
  onCancel(): void;
}

/**
 * Save and Cancel, held at the bottom of the form's view (remote-form.css), with a failed save's
 * error right above them. Save sits at the end of a long form: an error shown at the top was out
 * of view and pushed Save from under the pointer. Here the footer grows upwards, so Save stays
 * where it was clicked, and the error is where the user is looking.
 */
export function FormFooter({ saving, saveError, onCancel }: FormFooterProps) {
  const ref = useRef<HTMLDivElement>(null);
  // The form keeps a focused field clear of the footer (scroll-padding): tell it how tall it is.
  useEffect(() => {
    const footer = ref.current;
    const form = footer?.closest('form');
    if (!footer || !form || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => form.style.setProperty('--form-footer-height', `${footer.offsetHeight + 8}px`));
    observer.observe(footer);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="form-footer" ref={ref} data-testid="form-footer">
      {saveError && (
        <div className="save-error" id="remote-save-error" data-testid="save-error">
          <ErrorNotice error={saveError} title="Could not save" announce />
        </div>
      )}
      <div className="form-actions">
        {/* aria-disabled while saving, not disabled: a disabled button loses the focus (to the
            page), so after a failed save the keyboard user would have to find the form again. */}
        <button type="submit" className="primary" aria-disabled={saving || undefined} aria-describedby={saveError ? 'remote-save-error' : undefined} data-testid="save-remote">
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel} data-testid="cancel-remote">
          Cancel
        </button>
      </div>
    </div>
  );
}
