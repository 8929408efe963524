import { useEffect, useMemo } from 'react';
import { LOG_LEVELS, type LogLevel } from '../../shared/model/log-message';
import { LogLevelControl } from '../components/logs/log-level-control';
import { LogList } from '../components/logs/log-list';
import { loadLogs, setLogLevel } from '../bridge/log-actions';
import { filterLogs, LOG_ROWS_SHOWN } from '../logs/log-filter';
import { logsSlot, useLogsStore } from '../stores/logs-store';

interface LogsViewProps {
  connectionId: string;
  live: boolean;
  era?: 'legacy' | 'modern';
}

/** The Logs section: the server's notifications/message, a level to ask for, a level filter and a search. */
export function LogsView({ connectionId, live, era }: LogsViewProps) {
  const slot = useLogsStore((s) => logsSlot(s, connectionId));
  const update = useLogsStore((s) => s.update);
  useEffect(() => {
    if (!useLogsStore.getState().slots[connectionId]?.loaded) void loadLogs(connectionId);
  }, [connectionId]);
  const matching = useMemo(() => filterLogs(slot.messages, slot.showFrom, slot.query), [slot.messages, slot.showFrom, slot.query]);
  const shown = matching.length > LOG_ROWS_SHOWN ? matching.slice(-LOG_ROWS_SHOWN) : matching;
  return (
    <div className="logs-view" data-testid="logs-view">
      <LogLevelControl era={era} live={live} level={slot.level} via={slot.via} setting={slot.setting} error={slot.setError} onSet={(level) => void setLogLevel(connectionId, level)} />
      <div className="log-filters" role="search" aria-label="Log filters">
        <label htmlFor="log-show-from">Show</label>
        <select id="log-show-from" value={slot.showFrom} onChange={(e) => update(connectionId, () => ({ showFrom: e.target.value as LogLevel | 'all' }))} data-testid="log-show-from">
          <option value="all">every level</option>
          {LOG_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l} and above
            </option>
          ))}
        </select>
        <input type="search" aria-label="Search log messages" placeholder="Search level, logger, data…" value={slot.query} onChange={(e) => update(connectionId, () => ({ query: e.target.value }))} data-testid="log-search" />
      </div>
      <p className="muted log-counts" role="status" data-testid="log-counts">
        {countsText(slot.messages.length, matching.length, shown.length, slot.dropped)}
      </p>
      {shown.length > 0 ? <LogList messages={shown} /> : <p className="muted tool-none">{slot.messages.length === 0 ? 'No log messages yet.' : 'No message matches the filters.'}</p>}
    </div>
  );
}

function countsText(held: number, matching: number, drawn: number, dropped: number): string {
  const parts = [matching === held ? `${held} message${held === 1 ? '' : 's'}` : `${matching} of ${held} messages match`];
  if (drawn < matching) parts.push(`the newest ${drawn} shown`);
  if (dropped > 0) parts.push(`${dropped} older dropped to keep memory bounded (the session file keeps them)`);
  return `${parts.join('; ')}.`;
}
