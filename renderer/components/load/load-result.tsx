import type { LoadResult } from '../../../shared/model/load-run';
import { formatLatency } from '../../trace/entry-fields';
import { SidewaysScroll } from '../sideways-scroll';

const FIGURES = [
  ['min', 'min'],
  ['p50', 'p50'],
  ['p90', 'p90'],
  ['p95', 'p95'],
  ['p99', 'p99'],
  ['p999', 'p99.9'],
  ['max', 'max'],
] as const;

/**
 * A load run's figures: requests, failures and throughput in a line, the HDR percentiles in a
 * table (ms, within 0.1 %; it scrolls sideways in a narrow pane, and says so), each kind of failure with its count and an example message. A
 * cancelled run says so first: its figures cover only what ran.
 */
export function LoadResultView({ result, title }: { result: LoadResult; title: string }) {
  const failed = result.count - result.ok;
  return (
    <div className="load-result" data-testid="load-result" data-cancelled={result.cancelled || undefined}>
      <h4>
        {title}
        {result.cancelled && (
          <span className="load-badge" data-testid="load-cancelled">
            cancelled: partial result
          </span>
        )}
      </h4>
      <p className="load-summary" data-testid="load-summary">
        <strong>{result.count.toLocaleString('en-US')}</strong> {result.count === 1 ? 'request' : 'requests'} in {(result.durationMs / 1000).toFixed(2)} s · {result.ok.toLocaleString('en-US')} ok · {failed.toLocaleString('en-US')} failed ·{' '}
        <strong>{result.throughputPerS.toFixed(1)}</strong> requests/s
      </p>
      {result.latency ? (
        <SidewaysScroll label={`${title} latency percentiles`} testId="load-figures">
          <table className="metrics-table load-figures" data-testid="load-figures">
            <thead>
              <tr>
                {FIGURES.map(([, label]) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {FIGURES.map(([key, label]) => (
                  <td key={label} data-figure={label}>
                    {formatLatency(result.latency![key])}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </SidewaysScroll>
      ) : (
        <p className="muted">No request ended, so there are no latency figures.</p>
      )}
      {failed > 0 && (
        <ul className="load-errors" aria-label="Failures by kind" data-testid="load-errors">
          {Object.entries(result.errors).map(([kind, f]) => (
            <li key={kind}>
              <strong>{kind}</strong>: {f.count.toLocaleString('en-US')}, e.g. <span className="load-example">{f.example}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
