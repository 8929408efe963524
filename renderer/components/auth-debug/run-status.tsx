import { AUTH_DEBUG_STEPS, type AuthDebugRun, type AuthDebugStepName } from '../../../shared/model/auth-debug';
import { VERDICT_LABEL, VerdictBadge } from './auth-debug-step';

/**
 * The auth debugger's status line, in the toolbar (read out as it changes): the count, and once
 * the run is over its result; a run that ended before the last step also says why ("stopped:
 * …", the last step's reason), so "2 of 8 steps" does not read as a run that broke off. The
 * reason comes last, where it may take two lines; longer, it is cut on screen (whole in its
 * tooltip and its accessible name). It is a button to the step that stopped the run.
 */
export function RunStatus({ run, nextStep, busy, onShowLastStep }: { run: AuthDebugRun; nextStep?: AuthDebugStepName | undefined; busy: boolean; onShowLastStep: () => void }) {
  const stepCount = run.steps.length;
  const last = run.steps.at(-1);
  const stopReason = last?.stopped?.replace(/\.$/, '');
  return (
    <span className="muted auth-debug-status" role="status" data-testid="auth-debug-status">
      <span>
        {stepCount} of {AUTH_DEBUG_STEPS.length} steps
      </span>
      {run.finished ? (
        <>
          {' '}
          <span>
            · result <VerdictBadge verdict={run.verdict} />
          </span>
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
  );
}
