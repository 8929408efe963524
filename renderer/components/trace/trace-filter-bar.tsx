import { KIND_FILTERS, isFilterActive, type KindFilter, type TraceFilter } from '../../trace/trace-filter';
import { countNoun } from '../../../shared/text/count-noun';

interface TraceFilterBarProps {
  filter: TraceFilter;
  shown: number;
  total: number;
  onChange(patch: Partial<TraceFilter>): void;
  onReset(): void;
  /** Entries the text search covered only in part (their first megabyte): said, never silent. */
  partlySearched?: number;
}

const KIND_NAMES: Record<KindFilter, string> = {
  request: 'Requests',
  response: 'Responses',
  notification: 'Notifications',
  error: 'Errors (JSON-RPC)',
  message: 'All messages',
  http: 'HTTP',
  sse: 'SSE',
  websocket: 'WebSocket',
  stderr: 'stderr',
  stdout: 'stdout (not JSON-RPC)',
  lifecycle: 'Lifecycle',
  'client-input': 'Answers to the server',
};

/** Filters above the trace: text, method, direction, kinds, errors only. */
export function TraceFilterBar({ filter, shown, total, onChange, onReset, partlySearched = 0 }: TraceFilterBarProps) {
  const toggleKind = (kind: KindFilter) =>
    onChange({ kinds: filter.kinds.includes(kind) ? filter.kinds.filter((k) => k !== kind) : [...filter.kinds, kind] });
  return (
    <div className="trace-filters" role="search" aria-label="Trace filters">
      <input
        type="search"
        className="filter-text"
        placeholder="Search payloads, headers, URLs…"
        aria-label="Search in payloads"
        data-testid="trace-filter-text"
        value={filter.text}
        onChange={(e) => onChange({ text: e.target.value })}
      />
      <input
        type="search"
        className="filter-method"
        placeholder="Method"
        aria-label="Filter by method"
        data-testid="trace-filter-method"
        value={filter.method}
        onChange={(e) => onChange({ method: e.target.value })}
      />
      <select
        aria-label="Direction"
        data-testid="trace-filter-direction"
        value={filter.direction}
        onChange={(e) => onChange({ direction: e.target.value as TraceFilter['direction'] })}
      >
        <option value="all">Both directions</option>
        <option value="outgoing">Outgoing →</option>
        <option value="incoming">Incoming ←</option>
      </select>
      <label className="check">
        <input
          type="checkbox"
          data-testid="trace-filter-errors"
          checked={filter.errorsOnly}
          onChange={(e) => onChange({ errorsOnly: e.target.checked })}
        />
        Errors only
      </label>
      <div className="kind-toggles" role="group" aria-label="Kinds">
        {KIND_FILTERS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="chip"
            aria-pressed={filter.kinds.includes(kind)}
            data-testid={`trace-filter-kind-${kind}`}
            onClick={() => toggleKind(kind)}
          >
            {KIND_NAMES[kind]}
          </button>
        ))}
      </div>
      <span className="filter-count" data-testid="trace-count">
        {isFilterActive(filter) ? `${shown.toLocaleString()} of ${total.toLocaleString()}` : countNoun(total, 'entry', 'entries')}
      </span>
      {isFilterActive(filter) && (
        <button type="button" className="link-button" onClick={onReset} data-testid="trace-filter-clear">
          Clear filters
        </button>
      )}
      {filter.text.trim() !== '' && partlySearched > 0 && (
        <p className="search-partial" role="note" data-testid="search-partial">
          {partlySearched.toLocaleString()} very large {partlySearched === 1 ? 'entry was' : 'entries were'} searched in {partlySearched === 1 ? 'its' : 'their'} first 1 MB only (the memory set aside for searching large payloads is used up).
        </p>
      )}
    </div>
  );
}
