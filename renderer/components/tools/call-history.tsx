import { revealInvisible } from '../../../shared/text/reveal-invisible';
import type { ToolCall } from '../../stores/tool-calls-store';
import { formatLatency } from '../../trace/entry-fields';
import { timeOfDayLabel } from '../../workbench/chart-time-labels';

interface CallHistoryProps {
  calls: ToolCall[];
  shownId: string | undefined;
  live: boolean;
  /** The command line for a call, or undefined when there is none (no URL, a stdio remote without a command). */
  commandFor(call: ToolCall): string | undefined;
  onShow(call: ToolCall): void;
  onRerun(call: ToolCall): void;
  onEdit(call: ToolCall): void;
  onPin(call: ToolCall, pinned: boolean): void;
  onCopyCommand(command: string): void;
}

/**
 * This connection's calls in this session: pinned calls first (kept however many calls follow),
 * then the rest newest first; for each what was sent, how it ended, how long it took.
 */
export function CallHistory({ calls, shownId, live, commandFor, onShow, onRerun, onEdit, onPin, onCopyCommand }: CallHistoryProps) {
  if (calls.length === 0) return null;
  const ordered = [...calls.filter((c) => c.pinned === true), ...calls.filter((c) => c.pinned !== true)];
  return (
    <section className="call-history" aria-label="Call history" data-testid="call-history">
      <h3>History</h3>
      <ol>
        {ordered.map((call) => {
          const command = commandFor(call);
          const when = timeOfDayLabel(call.startedAt);
          return (
            <li key={call.id} className={[call.id === shownId ? 'is-shown' : '', call.pinned ? 'is-pinned' : ''].join(' ').trim() || undefined} data-testid="history-entry">
              <button type="button" className="link-button history-show" onClick={() => onShow(call)} aria-current={call.id === shownId ? 'true' : undefined}>
                {call.pinned && <span className="history-pin-mark">Pinned · </span>}
                <span className="history-when">{when}</span> <code>{call.tool}</code> <span className="history-outcome">{summary(call)}</span>
              </button>
              <code className="history-args" title={revealInvisible(call.argumentsText)}>
                {oneLine(call.argumentsText)}
              </code>
              {call.timeoutMs !== undefined && (
                <span className="history-timeout muted" data-testid="history-timeout">
                  timeout {call.timeoutMs} ms
                </span>
              )}
              <span className="history-actions">
                <button type="button" onClick={() => onRerun(call)} disabled={!live || call.status === 'running'} aria-label={`Run ${call.tool} again with the same arguments (${when})`} data-testid="history-rerun">
                  Run again
                </button>
                <button type="button" onClick={() => onEdit(call)} aria-label={`Edit the arguments of ${call.tool} (${when}) and run again`} data-testid="history-edit">
                  Edit…
                </button>
                <button
                  type="button"
                  onClick={() => onPin(call, !call.pinned)}
                  aria-pressed={call.pinned === true}
                  aria-label={`${call.pinned ? 'Unpin' : 'Pin'} the call of ${call.tool} (${when})`}
                  data-testid="history-pin"
                >
                  {call.pinned ? 'Unpin' : 'Pin'}
                </button>
                {command && (
                  <button type="button" onClick={() => onCopyCommand(command)} aria-label={`Copy the call of ${call.tool} (${when}) as a CLI command`} data-testid="history-copy-cli">
                    Copy as CLI command
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** How a call ended, in a few words: the outcome and its latency. */
export function summary(call: ToolCall): string {
  const latency = call.outcome?.latencyMs ?? call.elapsedMs;
  const time = latency !== undefined ? `, ${formatLatency(latency)}` : '';
  switch (call.status) {
    case 'running':
      return 'running…';
    case 'cancelling':
      return 'cancelling…';
    case 'failed':
      return `${call.error?.kind === 'cancelled' ? 'cancelled' : `failed (${call.error?.kind ?? 'error'})`}${time}`;
    case 'done': {
      const result = call.outcome?.result;
      if (result?.isError === true) return `tool error${time}`;
      const first = Array.isArray(result?.content) ? (result.content as Array<{ type?: string; text?: string }>)[0] : undefined;
      const text = first?.type === 'text' && typeof first.text === 'string' ? `: ${oneLine(first.text, 40)}` : '';
      return `ok${text}${time}`;
    }
  }
}

/**
 * A text on one line, shortened; characters that act instead of showing (a bidi override from the
 * server's text would reorder the rest of the line, the app's latency included) as their escapes.
 */
function oneLine(text: string, max = 80): string {
  const flat = revealInvisible(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
