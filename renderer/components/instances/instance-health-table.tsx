import type { HealthProbe } from '../../../shared/model/instance-health';
import type { InstanceCheck } from '../../../shared/model/instance-group';
import { formatLatency } from '../../trace/entry-fields';
import { SidewaysScroll } from '../sideways-scroll';
import { InstanceUrl } from './instance-url';

/**
 * Each instance of a group in a row: /health and /ready (HTTP status, the body's status field,
 * latency, or why no answer came) and one MCP round trip on a connection of its own. A failing
 * check says so in words and with a mark, never by colour alone. An endpoint the instance does
 * not serve (404, 405, 501: HealthProbe.notServed) is said to be so, and does not fail the row:
 * the endpoints are optional.
 */
export function InstanceHealthTable({ checks }: { checks: InstanceCheck[] }) {
  return (
    <SidewaysScroll label="Instances: health and latency" testId="instances-health">
      <table className="instances-table" data-testid="instances-health">
        <thead>
          <tr>
            <th scope="col">Instance</th>
            <th scope="col">/health</th>
            <th scope="col">/ready</th>
            <th scope="col">MCP round trip</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => {
            const failing = [check.health.health, check.health.ready].some(failed) || check.latencyError !== undefined;
            return (
              <tr key={check.instance} className={failing ? 'is-failing' : undefined} data-testid="instance-row" data-instance={check.instance} data-ok={!failing || undefined}>
                <th scope="row" className="instance-url">
                  <InstanceUrl url={check.instance} />
                </th>
                <td>
                  <ProbeCell probe={check.health.health} />
                </td>
                <td>
                  <ProbeCell probe={check.health.ready} />
                </td>
                <td data-testid="instance-latency">
                  {check.latencyError ? (
                    <span className="instance-bad" title={check.latencyError.hint}>
                      ✗ {check.latencyError.kind}: {check.latencyError.message}
                    </span>
                  ) : (
                    <span>
                      {formatLatency(check.latencyMs!)} <span className="muted">({check.method ?? 'ping'})</span>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </SidewaysScroll>
  );
}

function ProbeCell({ probe }: { probe: HealthProbe }) {
  const body = probe.bodyStatus !== undefined ? ` “${probe.bodyStatus}”` : '';
  if (probe.status === undefined) {
    return (
      <span className="instance-bad" data-testid={`probe-${probe.path.slice(1)}`} title={probe.error?.hint}>
        ✗ no answer: {probe.error?.kind ?? 'failed'}
      </span>
    );
  }
  if (probe.notServed) {
    return (
      <span className="muted" data-testid={`probe-${probe.path.slice(1)}`} title={probe.error?.hint}>
        – {probe.status} not served · {formatLatency(probe.latencyMs!)}
      </span>
    );
  }
  return (
    <span className={probe.ok ? 'instance-good' : 'instance-bad'} data-testid={`probe-${probe.path.slice(1)}`} title={probe.error?.hint}>
      {probe.ok ? '✓' : '✗'} {probe.status}
      {body} · {formatLatency(probe.latencyMs!)}
    </span>
  );
}

/** A probe that failed: no answer, or one other than a 2xx or "not served". */
function failed(probe: HealthProbe): boolean {
  return !probe.ok && !probe.notServed;
}
