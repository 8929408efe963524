import type { SignInWaiting as Waiting } from '../../../shared/model/remote-oauth';

interface SignInWaitingProps {
  waiting: Waiting;
  /** Gives up the sign-in (the connection stops connecting). */
  onCancel?(): void;
}

/** A connect waiting for the user to sign in in the system browser (OAuth authorization code flow). */
export function SignInWaiting({ waiting, onCancel }: SignInWaitingProps) {
  return (
    <div className="sign-in-waiting" role="status" data-testid="sign-in-waiting">
      <span className="sign-in-text">
        <span className="spinner" aria-hidden="true" />
        Waiting for you to sign in in your browser… <span className="sign-in-host">({waiting.host})</span>
      </span>
      {onCancel && (
        <button type="button" className="small" onClick={onCancel} data-testid="cancel-sign-in">
          Cancel
        </button>
      )}
    </div>
  );
}
