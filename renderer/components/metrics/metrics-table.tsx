import { useState } from 'react';
import type { LatencyFigures, MetricsRow } from '../../../shared/model/metrics';
import { formatLatency } from '../../trace/entry-fields';
import { SidewaysScroll } from '../sideways-scroll';

type SortKey = 'method' | 'count' | 'errors' | 'throughput' | 'headersP50' | 'firstEventP50' | keyof LatencyFigures;

const FIGURES: Array<{ key: keyof LatencyFigures; label: string }> = [
  { key: 'min', label: 'min' },
  { key: 'p50', label: 'p50' },
  { key: 'p90', label: 'p90' },
  { key: 'p95', label: 'p95' },
  { key: 'p99', label: 'p99' },
  { key: 'p999', label: 'p99.9' },
  { key: 'max', label: 'max' },
];

const errorCount = (row: MetricsRow) => Object.values(row.errors).reduce((sum, n) => sum + n, 0);
/** Under the count, its kinds: one kind by name alone (the count above is its count), several each with theirs. */
const errorKinds = (row: MetricsRow) => {
  const kinds = Object.entries(row.errors).filter(([, n]) => n > 0);
  return kinds.length === 1 ? kinds[0]![0] : kinds.map(([kind, n]) => `${kind} ${n}`).join(', ');
};

function value(row: MetricsRow, key: SortKey): number | string {
  switch (key) {
    case 'method':
      return `${row.method}\u0000${row.name ?? ''}`;
    case 'count':
      return row.count;
    case 'errors':
      return errorCount(row);
    case 'throughput':
      return row.throughputPerS;
    case 'headersP50':
    case 'firstEventP50':
      return row.phases?.[key] ?? -1;
    default:
      return row.latency?.[key] ?? -1;
  }
}

/**
 * Methods, each followed by its tools, resources or prompts by name, sorted by the chosen column
 * (a method's names stay under it, sorted the same way). Column headers are buttons: a click
 * sorts by that column, a second click reverses it; `aria-sort` says which. The round-trip figures
 * come right after the counts: in a narrow pane they are what is in view. When some request went
 * over HTTP, two more columns at the end give the median time to the response headers and to the
 * first server-sent event (the median time to the result is p50; for most rows these are "—").
 * In a narrow pane the table scrolls sideways under its first column (see SidewaysScroll).
 */
export function MetricsTable({ rows, label }: { rows: MetricsRow[]; label: string }) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'method', descending: false });
  const compare = (a: MetricsRow, b: MetricsRow) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : (x as number) - (y as number);
    return sort.descending ? -order : order;
  };
  const methods = rows.filter((r) => r.name === undefined).sort(compare);
  const ordered = methods.flatMap((m) => [m, ...rows.filter((r) => r.name !== undefined && r.method === m.method).sort(compare)]);
  const phased = rows.some((r) => r.phases !== undefined);
  const phase = (ms: number | undefined) => (ms === undefined ? '—' : formatLatency(ms));
  const header = (key: SortKey, text: string, title?: string) => (
    <th key={key} scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="link-button sort-button" title={title} onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'method' }))}>
        {text}
        {sort.key === key && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
      </button>
    </th>
  );
  return (
    <SidewaysScroll label={label} stickyFirstColumn testId="metrics">
      <table className="metrics-table latency-table" data-testid="metrics-table">
        <thead>
          <tr>
            {header('method', 'Method · name')}
            {header('count', 'Requests', 'Requests sent (the answered ones are in the latency figures)')}
            {header('errors', 'Errors', 'JSON-RPC errors by code, tool errors (isError), cancels and timeouts')}
            {header('throughput', 'Req/s', 'Answers per second, from the first request to the last answer')}
            {FIGURES.map((f) => header(f.key, f.label, `${f.label} latency, round trip (time to the result)`))}
            {phased && header('headersP50', 'Headers p50', 'Median time from the request leaving to the HTTP response headers')}
            {phased && header('firstEventP50', '1st event p50', 'Median time from the request leaving to the first server-sent event of a streamed response')}
          </tr>
        </thead>
        <tbody>
          {ordered.map((row) => (
            <tr key={`${row.method}\u0000${row.name ?? ''}`} className={row.name === undefined ? 'metrics-method' : 'metrics-name'} data-testid="metrics-row" data-method={row.method} data-name={row.name}>
              <th scope="row">{row.name === undefined ? <code>{row.method}</code> : <span className="metrics-name-cell">{row.name}</span>}</th>
              <td>{row.count.toLocaleString('en-US')}</td>
              <td title={Object.entries(row.errors).map(([kind, n]) => `${kind}: ${n}`).join(', ') || undefined}>
                {errorCount(row) > 0 ? (
                  <>
                    {errorCount(row)}
                    <span className="metrics-error-kinds"> {errorKinds(row)}</span>
                  </>
                ) : (
                  0
                )}
              </td>
              <td>{row.throughputPerS > 0 ? row.throughputPerS.toFixed(1) : '—'}</td>
              {FIGURES.map((f) => (
                <td key={f.key}>{row.latency ? formatLatency(row.latency[f.key]) : '—'}</td>
              ))}
              {phased && <td data-testid="metrics-headers-p50">{phase(row.phases?.headersP50)}</td>}
              {phased && <td data-testid="metrics-first-event-p50">{phase(row.phases?.firstEventP50)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </SidewaysScroll>
  );
}
