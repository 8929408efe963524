import { useState } from 'react';
import { LOG_LEVELS, type LogLevel } from '../../../shared/model/log-message';
import type { ErrorInfo } from '../../../shared/model/error-info';

interface LogLevelControlProps {
  era?: 'legacy' | 'modern';
  live: boolean;
  level?: LogLevel;
  via?: 'logging/setLevel' | 'request-meta';
  setting: boolean;
  error?: ErrorInfo;
  onSet(level: LogLevel): void;
}

/**
 * The level to ask the server for, and how it applies in this protocol era: logging/setLevel for
 * the session (2025), or the level in the _meta of each later request (2026-07-28, which has no
 * setLevel, and whose servers send log messages only while answering a request that asks).
 */
export function LogLevelControl({ era, live, level, via, setting, error, onSet }: LogLevelControlProps) {
  const [choice, setChoice] = useState<LogLevel>(level ?? 'info');
  const modern = era === 'modern';
  return (
    <div className="log-level-control" data-testid="log-level-control">
      <div className="log-level-row">
      <label htmlFor="log-level-select">Ask for messages from</label>
      <select id="log-level-select" value={choice} onChange={(e) => setChoice(e.target.value as LogLevel)} data-testid="log-level-select">
        {LOG_LEVELS.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onSet(choice)} disabled={!live || setting} data-testid="set-log-level">
        {modern ? 'Use for later requests' : 'Set level'}
      </button>
      </div>
      <p className="muted field-help" role="status" data-testid="log-level-status">
        {error
          ? `Could not set the level: ${error.message}`
          : modern
            ? level
              ? `Level ${level} is sent in the _meta of every request from now on (io.modelcontextprotocol/logLevel). The 2026-07-28 era has no logging/setLevel: the server sends log messages only while answering a request that carries the level, so they arrive with your next calls.`
              : 'No level asked for yet. The 2026-07-28 era has no logging/setLevel: the level travels in the _meta of each request, and the server sends no log messages for a request without it. Choose a level, then call a tool.'
            : level && via === 'logging/setLevel'
              ? `logging/setLevel ${level} sent: the server sends messages from ${level} up for the rest of the session.`
              : 'No level set: the server decides what to send. Set level sends logging/setLevel for the whole session.'}
      </p>
    </div>
  );
}
