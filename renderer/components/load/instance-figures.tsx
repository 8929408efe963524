import type { InstanceLoadFigures, InstanceSpread } from '../../../shared/model/load-run';
import { formatLatency } from '../../trace/entry-fields';
import { SidewaysScroll } from '../sideways-scroll';
import { InstanceUrl } from '../instances/instance-url';

/**
 * A group's run, instance by instance: requests, failures (by kind), throughput and p50/p99, so
 * a slow or failing instance stands out from the run as a whole.
 */
export function InstanceFiguresTable({ spread, figures }: { spread: InstanceSpread; figures: InstanceLoadFigures[] }) {
  const caption = spread === 'round-robin' ? `Spread round-robin over ${figures.length} instances` : `Run on each of ${figures.length} instances in turn`;
  return (
    <SidewaysScroll label="Figures by instance" testId="load-instance-figures">
      <table className="instances-table" data-testid="load-instance-figures">
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Instance</th>
            <th scope="col">Requests</th>
            <th scope="col">Failed</th>
            <th scope="col">Requests/s</th>
            <th scope="col">p50</th>
            <th scope="col">p99</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => {
            const failed = f.count - f.ok;
            return (
              <tr key={f.instance} className={failed > 0 ? 'is-failing' : undefined} data-testid="load-instance-row">
                <th scope="row" className="instance-url">
                  <InstanceUrl url={f.instance} />
                </th>
                <td>{f.count.toLocaleString('en-US')}</td>
                <td>
                  {failed > 0 ? (
                    <span className="instance-bad">
                      ✗ {failed.toLocaleString('en-US')} ({Object.entries(f.errors).map(([kind, e]) => `${kind} ${e.count}`).join(', ')})
                    </span>
                  ) : (
                    '0'
                  )}
                </td>
                <td>{f.throughputPerS.toFixed(1)}</td>
                <td>{f.latency ? formatLatency(f.latency.p50) : '—'}</td>
                <td>{f.latency ? formatLatency(f.latency.p99) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </SidewaysScroll>
  );
}
