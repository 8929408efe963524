import { useEffect, useState, type ReactNode } from 'react';
import { MAX_TIMEOUT_MS, TIMEOUT_LIMIT_TEXT } from '../../../shared/model/timeout-limit';
import type { ToolCall } from '../../stores/tool-calls-store';
import { formatLatency } from '../../trace/entry-fields';
import { TaskStatusLine } from './task-status';
import { ServerText } from '../server-text';

interface CallPanelProps {
  toolName: string;
  timeoutText: string;
  running: ToolCall | undefined;
  live: boolean;
  onTimeout(text: string): void;
  onCall(): void;
  onCancel(): void;
  /** Shown before the buttons: the "Run as task" option, when the tool has it. */
  option?: ReactNode;
}

/** The per-call timeout, the Call and Cancel buttons, and a running call's progress and time. */
export function CallPanel({ toolName, timeoutText, running, live, onTimeout, onCall, onCancel, option }: CallPanelProps) {
  const timeoutProblem = timeoutProblemOf(timeoutText);
  const timeoutInvalid = timeoutProblem !== undefined;
  return (
    <div className="call-panel">
      <label className="timeout-field">
        Timeout (ms)
        <input
          type="text"
          inputMode="numeric"
          value={timeoutText}
          placeholder="default"
          aria-invalid={timeoutInvalid}
          aria-describedby={timeoutProblem ? 'call-timeout-help call-timeout-problem' : 'call-timeout-help'}
          onChange={(e) => onTimeout(e.target.value)}
          data-testid="call-timeout"
        />
      </label>
      <span id="call-timeout-help" className="visually-hidden">
        Milliseconds this call may take; empty uses the connection's request timeout.
      </span>
      {option}
      {running ? (
        <button type="button" onClick={onCancel} disabled={running.status === 'cancelling'} data-testid="cancel-call">
          {running.status === 'cancelling' ? 'Cancelling…' : 'Cancel'}
        </button>
      ) : (
        <button type="button" className="primary" onClick={onCall} disabled={!live || timeoutInvalid} data-testid="call-tool">
          Call <ServerText text={toolName} max={60} />
        </button>
      )}
      {timeoutProblem && (
        <span id="call-timeout-problem" className="field-problem" data-testid="call-timeout-problem">
          {timeoutProblem}
        </span>
      )}
      {!live && <span className="muted">Connect to call tools.</span>}
      {running && <RunningCall call={running} />}
    </div>
  );
}

/**
 * What is wrong with the typed timeout, or undefined when it is empty (the default) or fine. A
 * timer beyond MAX_TIMEOUT_MS fires after 1 ms, so such a call would time out at once.
 */
function timeoutProblemOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^[1-9]\d*$/.test(trimmed)) return 'The timeout must be a positive whole number of milliseconds.';
  if (Number(trimmed) > MAX_TIMEOUT_MS) return `The timeout is too long: enter ${TIMEOUT_LIMIT_TEXT}.`;
  return undefined;
}

function RunningCall({ call }: { call: ToolCall }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, []);
  const p = call.progress;
  return (
    <div className="running-call" role="status" data-testid="call-running">
      <span>Running for {formatLatency(Math.max(0, now - call.startedAt))}</span>
      {call.task && <TaskStatusLine update={call.task} />}
      {call.asTask && !call.task && <span className="muted">Asking the server for a task…</span>}
      {p && (
        <>
          <progress value={p.progress} max={p.total ?? undefined} aria-label="Progress" data-testid="call-progress" />
          <span data-testid="call-progress-text">
            {p.total !== undefined ? `${p.progress} of ${p.total}` : `${p.progress}`}
            {p.message ? ` — ${p.message}` : ''}
          </span>
        </>
      )}
    </div>
  );
}
