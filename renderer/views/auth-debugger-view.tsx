import { useEffect, useRef } from 'react';
import { AUTH_DEBUG_STEP_TITLES } from '../../shared/model/auth-debug';
import { authSequenceDiagram } from '../../shared/text/auth-sequence-diagram';
import { closeAuthDebugger, endAuthDebugRun, exportAuthDebugRun, nextAuthDebugStep, openAuthDebugger, startAuthDebug } from '../bridge/auth-debug-actions';
import { AuthDebugStep, stepHeadingId } from '../components/auth-debug/auth-debug-step';
import { endedByUser, RunStatus } from '../components/auth-debug/run-status';
import { RunSettingsForm } from '../components/auth-debug/run-settings-form';
import { bringUnderToolbar, useRevealNewStep, useToolbarHeight } from '../components/auth-debug/pane-scroll';
import { SequenceDiagram } from '../components/auth-debug/sequence-diagram';
import { checkAuthDebugRemote } from '../components/auth-debug/url-check';
import { copyText } from '../bridge/clipboard';
import { CopyButton } from '../components/copy-button';
import { ErrorNotice } from '../components/error-notice';
import { useAuthDebugStore } from '../stores/auth-debug-store';
import { useRemotesStore } from '../stores/remotes-store';

/**
 * The guided auth debugger: no connection needed. Pick the server (a saved remote's URL, or any
 * URL), then one step per "Next step": each step's findings, what the spec expects and its
 * exchanges (masked), the sequence diagram so far, and "Export run…" for the whole run.
 *
 * The settings (RunSettingsForm) are read-only while a run is under way, and the status line
 * names the URL the run is on, so what is shown is what runs. A refusal from main (Start, Next
 * step) takes the focus to its notice: the pressed button was disabled meanwhile.
 *
 * The toolbar (Next step, the count; once a run ends early, why) stays at the top of the pane while it scrolls. Each new step
 * is brought into view under it and said by the status line; the focus stays on Next step for
 * the next one, or goes to the new step's heading when the run is over (Next step is disabled
 * then). Narrower than 1500 px the diagram is under the steps: "Show the diagram" goes there,
 * and "Back to step N", in the diagram's caption, comes back to the last step.
 */
export function AuthDebuggerView() {
  const { target, run, runId, nextStep, busy, error } = useAuthDebugStore();
  const underWay = run !== undefined && !run.finished;
  const nextRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const paneRef = useRef<HTMLElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const diagramRef = useRef<HTMLElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const remote = useRemotesStore((s) => s.remotes.find((r) => r.id === target?.remoteId));
  const remoteUrl = remote?.url;
  const stepCount = run?.steps.length ?? 0;
  useRevealNewStep(paneRef, toolbarRef, runId, stepCount);
  useToolbarHeight(paneRef, toolbarRef, run !== undefined);
  useEffect(() => {
    if (!runId) return;
    if (nextStep || stepCount === 0) nextRef.current?.focus();
    // The run is over: Next step is disabled, and the focus would fall to the page.
    else paneRef.current?.querySelector<HTMLElement>(`#${stepHeadingId(stepCount - 1)}`)?.focus({ preventScroll: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a new run or a new step only
  }, [runId, stepCount]);
  // A refusal from main (Start, Next step): the button pressed was disabled while main answered,
  // and the focus fell to the page; it goes to the problem, which is read out from there.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  useEffect(() => {
    // Opening moves the focus here (the heading: read out, then Tab reaches the fields); closing
    // gives it back to the button that opened the debugger, when that is still on screen.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    if (target?.focusUrl) urlRef.current?.focus();
    else headingRef.current?.focus();
    return () => {
      if (opener?.isConnected && opener.getClientRects().length > 0) opener.focus();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening only (another target is another view: app.tsx keys it)
  }, []);
  if (!target) return null;
  // Narrower than 1500 px the diagram is under every step: this goes there, and so does the focus
  // (its caption is read out, and Tab goes on to Copy as text).
  const showDiagram = () => {
    const pane = paneRef.current;
    const figure = diagramRef.current;
    if (!pane || !figure) return;
    bringUnderToolbar(pane, toolbarRef.current, figure, true);
    figure.focus({ preventScroll: true });
  };
  // The way back from the diagram (under every step when narrow): the last step, under the
  // toolbar, with the focus on its heading (read out, and Tab goes on into the step).
  const showLastStep = () => {
    const pane = paneRef.current;
    const heading = pane?.querySelector<HTMLElement>(`#${stepHeadingId(stepCount - 1)}`);
    if (!pane || !heading) return;
    bringUnderToolbar(pane, toolbarRef.current, heading.closest('section') ?? heading, true);
    heading.focus({ preventScroll: true });
  };
  // The saved remote's URL is said too: it is what the first step will be sent to.
  const where = target.remoteName ? `the saved remote “${target.remoteName}”${remoteUrl ? ` (${remoteUrl})` : ''}` : 'a server URL';
  return (
    <section
      ref={paneRef}
      className="auth-debugger"
      aria-labelledby="auth-debugger-title"
      data-testid="auth-debugger"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) closeAuthDebugger();
      }}
    >
      <header className="auth-debugger-header">
        <h2 id="auth-debugger-title" tabIndex={-1} ref={headingRef}>
          Auth debugger
        </h2>
        <p className="muted">Walks through the server's OAuth authorization one step at a time, for {where}. No connection is needed; tokens stay in memory and are masked everywhere.
          {target.remoteId && !underWay && (
            // Opened from the header, the debugger takes the remote of the tab in front: this is the
            // way to any other server (the remote's URL to start from, without its headers). Not
            // while a run is under way: its settings are fixed until End run, and this dropped the run.
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => openAuthDebugger({ ...(remoteUrl ? { url: remoteUrl } : {}), focusUrl: true })} data-testid="auth-debug-other-url">
                Use another URL
              </button>
            </>
          )}
        </p>
      </header>
      <RunSettingsForm
        target={target}
        remoteProblem={remote ? checkAuthDebugRemote(remote) : undefined}
        hasRun={runId !== undefined}
        underWay={underWay}
        busy={busy}
        urlRef={urlRef}
        onStart={(settings) => void startAuthDebug(settings)}
        onEndRun={endAuthDebugRun}
        onClose={closeAuthDebugger}
      />
      {error && (
        <div className="auth-debug-error" tabIndex={-1} ref={errorRef} data-testid="auth-debug-error">
          <ErrorNotice error={error} title="The auth debugger could not go on" announce />
        </div>
      )}
      {run && (
        <>
          <div className="auth-debugger-toolbar" ref={toolbarRef} data-testid="auth-debug-toolbar">
            {/* A finished run has no next step: the button stays (the focus order keeps its place) but is no longer the main one. */}
            <button type="button" className={nextStep ? 'primary' : ''} ref={nextRef} disabled={!nextStep || busy} onClick={() => void nextAuthDebugStep()} data-testid="auth-debug-next">
              {busy ? 'Running…' : nextStep ? `Next step: ${AUTH_DEBUG_STEP_TITLES[nextStep]}` : endedByUser(run) ? 'Run ended' : 'Run finished'}
            </button>
            <button type="button" disabled={busy || stepCount === 0} onClick={() => void exportAuthDebugRun()} data-testid="auth-debug-export">
              Export run…
            </button>
            {stepCount > 0 && (
              <button type="button" className="link-button auth-debug-show-diagram" onClick={showDiagram} data-testid="auth-debug-show-diagram">
                Show the diagram
              </button>
            )}
            <RunStatus run={run} nextStep={nextStep} busy={busy} onShowLastStep={showLastStep} />
          </div>
          <div className="auth-debugger-body">
            <div className="auth-debugger-steps">
              {run.steps.map((result, index) => (
                <AuthDebugStep key={result.step} result={result} index={index} />
              ))}
            </div>
            {stepCount > 0 && (
              <figure className="auth-debugger-diagram" aria-labelledby="auth-debug-diagram-title" tabIndex={-1} ref={diagramRef} data-testid="auth-debug-figure">
                <figcaption>
                  {/* "so far" while steps are still to come; a finished run's diagram is the whole of it. */}
                  <span id="auth-debug-diagram-title">{run.finished ? 'Sequence of the run' : 'Sequence so far'}</span>
                  {/* The same diagram as monospace text (as the command line prints it), for a ticket. */}
                  <CopyButton label="Copy as text" text={() => authSequenceDiagram(run.steps)} copy={copyText} testId="copy-auth-diagram" />
                  <button type="button" className="link-button auth-debug-show-last-step" onClick={showLastStep} data-testid="auth-debug-show-last-step">
                    Back to step {stepCount}
                  </button>
                </figcaption>
                <SequenceDiagram steps={run.steps} />
              </figure>
            )}
          </div>
        </>
      )}
    </section>
  );
}
