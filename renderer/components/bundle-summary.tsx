import type { BundleSummary } from '../../shared/ipc/contract';
import { dateTimeLabel } from '../workbench/chart-time-labels';

/**
 * The parts of an opened repro bundle that are not its trace: what was connected to (secrets
 * removed), how it went, on which versions, and each optional part (e.g. a connection doctor
 * report) as JSON. Props in, nothing out: it only shows.
 */
export function BundleSummaryPanel({ bundle }: { bundle: BundleSummary }) {
  const { remote, versions, outcome } = bundle;
  const sdk = Object.entries(versions.sdk);
  return (
    <section className="bundle-summary" aria-label="Repro bundle summary" data-testid="bundle-summary">
      {/* Open at first; closing it gives the trace below the whole height. */}
      <details open className="bundle-details">
        <summary>
          Bundle: {remote.name} · {outcome.ok ? 'connected' : 'failed'}
        </summary>
        <dl className="bundle-facts">
          <dt>Remote</dt>
          <dd data-testid="bundle-remote">
            {remote.name} · {remote.transport_type}
            {remote.url ? <span className="mono"> {remote.url}</span> : null}
            {remote.command ? <span className="mono"> {[remote.command, ...(remote.args ?? [])].join(' ')}</span> : null}
          </dd>
          {remote.headers.length > 0 && (
            <>
              <dt>Headers</dt>
              <dd>
                <ul className="bundle-headers">
                  {remote.headers.map((h, i) => (
                    // A hostile bundle may repeat a name: the position keeps the keys apart.
                    <li key={`${i}:${h.name}`} className="mono">
                      {h.name}: {h.value}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt>Outcome</dt>
          <dd data-testid="bundle-outcome">{outcome.ok ? 'Connected' : `Failed: ${outcome.error?.message ?? 'unknown error'}`}</dd>
          <dt>Versions</dt>
          <dd data-testid="bundle-versions">
            MCP Periscope {versions.periscope} · Node {versions.node} · {versions.os.platform} {versions.os.release} ({versions.os.arch})
            {sdk.length > 0 && <span> · {sdk.map(([name, version]) => `${name.replace('@modelcontextprotocol/', 'SDK ')} ${version}`).join(', ')}</span>}
          </dd>
          <dt>Created</dt>
          <dd>{dateTimeLabel(bundle.createdAt)}</dd>
        </dl>
        {bundle.parts.map((part) => (
          <details key={part.name} className="bundle-part" data-testid={`bundle-part-${part.name}`}>
            <summary>{part.title}</summary>
            <pre className="mono">{part.json}</pre>
            {part.cut && <p className="muted">Only the first part is shown here; the whole part is in the bundle file.</p>}
          </details>
        ))}
      </details>
    </section>
  );
}
