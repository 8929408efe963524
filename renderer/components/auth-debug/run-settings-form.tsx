import { useRef, useState, type RefObject } from 'react';
import type { AuthDebugTarget } from '../../stores/auth-debug-store';
import { ServerUrlField } from './server-url-field';
import { checkAuthDebugUrl } from './url-check';

/** What a run is started with: the URL typed in (none for a saved remote), the client id and scopes. */
export interface RunSettings {
  url: string;
  clientId: string;
  scope: string;
}

interface RunSettingsFormProps {
  target: AuthDebugTarget;
  /** Why the saved remote cannot be debugged (checkAuthDebugRemote): said up front, and Start is disabled. */
  remoteProblem: string | undefined;
  /** A run is on screen: Start then starts over. */
  hasRun: boolean;
  /** That run is under way (started, a step still to come): its settings are shown read-only. */
  underWay: boolean;
  busy: boolean;
  urlRef: RefObject<HTMLInputElement | null>;
  onStart(settings: RunSettings): void;
  /** Ends the run under way (its steps stay on screen); the fields can then be changed. */
  onEndRun(): void;
  onClose(): void;
}

const LOCKED_NOTE_ID = 'auth-debug-locked-note';
const REMOTE_PROBLEM_ID = 'auth-debug-remote-problem';

/**
 * The auth debugger's settings (Server URL for a typed-in server, client id, scopes) and its
 * Start, End run and Close buttons.
 *
 * While a run is under way the fields are read-only and show what that run uses, as a debugger's
 * launch settings are fixed for its session: Next step could only ever go on with the URL the run
 * started with, and a field showing another one was misread. "Start over" runs the same settings
 * again; "End run" stops the run (its steps stay on screen) and opens the fields, with the focus in
 * the first. Once the run is over, a change to the fields turns "Start over" into "Start a new
 * run", so the button never claims to repeat a run it will not.
 *
 * The URL is checked as the remote editor checks one before anything is sent; a saved remote the
 * debugger cannot take (WebSocket, stdio) is said before Start, which is then disabled.
 */
export function RunSettingsForm({ target, remoteProblem, hasRun, underWay, busy, urlRef, onStart, onEndRun, onClose }: RunSettingsFormProps) {
  const [url, setUrl] = useState(target.url ?? '');
  const [urlProblem, setUrlProblem] = useState<string | undefined>(undefined);
  const [clientId, setClientId] = useState('');
  const [scope, setScope] = useState('');
  // The settings the run on screen was started with (from this form), to tell a repeat from a new run.
  const [started, setStarted] = useState<RunSettings | undefined>(undefined);
  const clientIdRef = useRef<HTMLInputElement>(null);
  const locked = underWay || busy;
  const forUrl = !target.remoteId;
  const changed = started !== undefined && ((forUrl && url.trim() !== started.url) || clientId !== started.clientId || scope !== started.scope);
  const startLabel = !hasRun ? 'Start' : changed && !underWay ? 'Start a new run' : 'Start over';
  // Also read-only while the run starts (nothing else changes then, so nothing to say).
  const lockedDescription = underWay ? LOCKED_NOTE_ID : undefined;
  return (
    <form
      className="auth-debugger-form"
      // The app checks the URL itself, in its own words and with its suggestion.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (remoteProblem) return;
        const problem = forUrl ? checkAuthDebugUrl(url) : undefined;
        setUrlProblem(problem);
        if (problem) return urlRef.current?.focus();
        const settings = { url: forUrl ? url.trim() : '', clientId, scope };
        setStarted(settings);
        onStart(settings);
      }}
    >
      {remoteProblem && (
        <p className="field-error auth-debug-remote-problem" id={REMOTE_PROBLEM_ID} data-testid="auth-debug-remote-problem">
          {remoteProblem} To debug a server over HTTP, use another URL.
        </p>
      )}
      {forUrl && (
        <ServerUrlField
          url={url}
          inputRef={urlRef}
          problem={urlProblem}
          readOnly={locked}
          lockedNoteId={lockedDescription}
          onChange={(next) => {
            setUrl(next);
            // Once shown, the problem follows what is typed (and goes when it is fixed).
            if (urlProblem !== undefined) setUrlProblem(checkAuthDebugUrl(next));
          }}
        />
      )}
      <label>
        Client id (optional)
        <input ref={clientIdRef} value={clientId} readOnly={locked} aria-describedby={lockedDescription} placeholder="a pre-registered client" onChange={(e) => setClientId(e.target.value)} data-testid="auth-debug-client-id" />
      </label>
      <label>
        Scopes (optional)
        <input value={scope} readOnly={locked} aria-describedby={lockedDescription} placeholder="what the server asks for" onChange={(e) => setScope(e.target.value)} data-testid="auth-debug-scope" />
      </label>
      <div className="auth-debugger-buttons">
        <button type="submit" className={hasRun ? '' : 'primary'} disabled={busy || remoteProblem !== undefined} aria-describedby={remoteProblem ? REMOTE_PROBLEM_ID : undefined} data-testid="auth-debug-start">
          {startLabel}
        </button>
        {underWay && (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              onEndRun();
              // The button goes with the run: the focus goes where the settings are changed.
              (forUrl ? urlRef : clientIdRef).current?.focus();
            }}
            data-testid="auth-debug-end-run"
          >
            End run
          </button>
        )}
        <button type="button" onClick={onClose} data-testid="auth-debug-close">
          Close
        </button>
      </div>
      {underWay && (
        <p className="muted auth-debug-locked-note" id={LOCKED_NOTE_ID} data-testid="auth-debug-locked-note">
          The run under way uses these settings: End run to change them.
        </p>
      )}
    </form>
  );
}
