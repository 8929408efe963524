import type { LogMessage } from '../../../shared/model/log-message';
import { dataText } from '../../logs/log-filter';
import { formatClock } from '../../timeline/timeline-range';

interface LogListProps {
  messages: readonly LogMessage[];
}

/** The log messages, newest last: time, level, logger, then the data (JSON pretty-printed). */
export function LogList({ messages }: LogListProps) {
  return (
    <ol className="log-list" aria-label="Log messages" data-testid="log-list">
      {messages.map((m) => (
        <li key={m.seq} className={`log-row log-${levelClass(m.level)}`} data-testid="log-row">
          <div className="log-head">
            <time dateTime={new Date(m.at).toISOString()} className="log-time">
              {formatClock(m.at)}
            </time>
            <span className="log-level" data-testid="log-level">
              {m.level}
            </span>
            {m.logger && <span className="log-logger">{m.logger}</span>}
          </div>
          <pre className="log-data">{dataText(m.data)}</pre>
          {m.truncated && <p className="muted log-note">{m.truncated}</p>}
        </li>
      ))}
    </ol>
  );
}

/** A CSS-safe level name: the spec's eight as they are, anything else "other". */
function levelClass(level: string): string {
  return /^(debug|info|notice|warning|error|critical|alert|emergency)$/.test(level) ? level : 'other';
}
