import { AUTH_DEBUG_STEPS, AUTH_DEBUG_STEP_TITLES, type AuthDebugRun, type AuthDebugStepName } from '../../../shared/model/auth-debug';
import { VERDICT_LABEL, VerdictBadge } from './auth-debug-step';

/**
 * True for a run the user ended (End run) before its last step: over, with steps still to come
 * and no step that stopped it. Main never ends a run so: it runs every step or one stops it.
 */
export function endedByUser(run: AuthDebugRun): boolean {
  return run.finished && run.steps.length < AUTH_DEBUG_STEPS.length && !run.steps.at(-1)?.stopped;
}

/**
 * The auth debugger's status line, in the toolbar (read out as it changes): the URL the run is on
 * (whatever the fields above show, this is what every step is sent to), the count, and once the
 * run is over its result; a run that ended before the last step also says why ("stopped: …", the
 * last step's reason, or "ended by you before step N"), so "2 of 8 steps" does not read as a run
 * that broke off. The reason comes last, where it may take two lines; longer, it is cut on screen
 * (whole in its tooltip and its accessible name). It is a button to the step that stopped the run.
 */
export function RunStatus({ run, nextStep, busy, onShowLastStep }: { run: AuthDebugRun; nextStep?: AuthDebugStepName | undefined; busy: boolean; onShowLastStep: () => void }) {
  const stepCount = run.steps.length;
  const last = run.steps.at(-1);
  const stopReason = last?.stopped?.replace(/\.$/, '');
  const notRun = AUTH_DEBUG_STEPS[stepCount];
  return (
    <span className="muted auth-debug-status" role="status" data-testid="auth-debug-status">
      {/* Cut at its end when long (the host comes first), whole in its tooltip. */}
      <span className="auth-debug-run-url" title={run.serverUrl} data-testid="auth-debug-run-url">
        Run on <bdi>{run.serverUrl}</bdi>:
      </span>{' '}
      {/* The rest goes under the URL when the line is short of room (at 900 px). */}
      <span className="auth-debug-progress">
        <span>
          {stepCount} of {AUTH_DEBUG_STEPS.length} steps
        </span>
        {run.finished ? (
          <>
            {/* No result for a run ended before any step: nothing was judged, and "Pass" said otherwise. */}
            {stepCount > 0 && (
              <>
                {' '}
                <span>
                  · result <VerdictBadge verdict={run.verdict} />
                </span>
              </>
            )}
            {stopReason && (
              <>
                {' '}
                <span className="auth-debug-stop">
                  ·{' '}
                  <button type="button" className="link-button auth-debug-stop-reason" title={`${stopReason} (step ${stepCount})`} onClick={onShowLastStep} data-testid="auth-debug-stop-reason">
                    stopped: {stopReason}
                  </button>
                </span>
              </>
            )}
            {endedByUser(run) && notRun && (
              <>
                {' '}
                <span className="auth-debug-ended" data-testid="auth-debug-ended">
                  · ended by you before step {stepCount + 1} ({AUTH_DEBUG_STEP_TITLES[notRun]})
                </span>
              </>
            )}
          </>
        ) : busy && nextStep === 'authorization-response' ? (
          <> <span>· waiting for the browser to come back</span></>
        ) : null}
        {/* Read out with the count: what Next step just added (the card itself may be far below). */}
        {last && (
          <span className="visually-hidden">
            {' '}
            · step {stepCount} added: {last.title} ({VERDICT_LABEL[last.verdict]})
          </span>
        )}
      </span>
    </span>
  );
}
