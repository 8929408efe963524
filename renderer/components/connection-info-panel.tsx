import type { ConnectionInfo } from '../../shared/model/connection';
import type { ErrorFix } from '../../shared/model/error-info';
import { ErrorNotice } from './error-notice';
import { ConnectionSetupBars } from './metrics/connection-setup-bars';
import { WarningList } from './warning-list';
import { transportName } from '../../shared/model/transport-names';
import { dateTimeLabel } from '../workbench/chart-time-labels';

interface ConnectionInfoPanelProps {
  info: ConnectionInfo;
  /** Opens the remote's editor on a fix's field (absent for a connection with no saved remote). */
  onFix?(fix: ErrorFix): void;
}

/** The Overview section: what the server told us at initialize, how we reached it, what went wrong. */
export function ConnectionInfoPanel({ info, onFix }: ConnectionInfoPanelProps) {
  const capabilities = Object.keys(info.capabilities ?? {});
  return (
    <section className="connection-info" aria-label={`Connection ${info.label}`} data-testid="connection-info">
      {info.error && <ErrorNotice error={info.error} title={ERROR_TITLES[info.state] ?? 'The connection failed'} announce={info.state !== 'closed'} onFix={onFix} />}
      <WarningList warnings={info.warnings} testId="connection-warnings" />
      <dl className="info-grid">
        <Field label="Server" value={info.serverInfo ? `${info.serverInfo.title ?? info.serverInfo.name} ${info.serverInfo.version}` : undefined} testId="server-info" />
        <Field label="Protocol era" value={info.era ? ERA_NAMES[info.era] : undefined} testId="protocol-era" />
        <Field label="Protocol version" value={info.protocolVersion} testId="protocol-version" />
        <Field label="Server offers" value={info.supportedVersions?.join(', ')} testId="supported-versions" />
        <Field label="Transport" value={info.transport && transportName(info.transport)} testId="transport-used" />
        <Field label="URL" value={info.url} />
        <Field label="Session id" value={info.sessionId} testId="session-id" />
        <Field label="Capabilities" value={capabilities.length > 0 ? capabilities.join(', ') : undefined} testId="capabilities" />
        <Field label="Connected at" value={info.connectedAt ? dateTimeLabel(info.connectedAt) : undefined} />
      </dl>
      {info.setup && info.state === 'connected' && <ConnectionSetupBars setup={info.setup} />}
      {info.detection && (
        <details className="detection" data-testid="detection" open={info.state === 'failed'}>
          <summary>
            Auto-detection chose {transportName(info.detection.chosen)}: {info.detection.explanation}
          </summary>
          <ol>
            {info.detection.attempts.map((a, i) => (
              <li key={i}>
                {transportName(a.transport)}: {a.outcome} — {a.reason}
              </li>
            ))}
          </ol>
        </details>
      )}
      {info.eraDetection && (
        <details className="detection" data-testid="era-detection" open={info.state === 'failed'}>
          <summary>How the protocol era was chosen: {info.eraDetection.explanation}</summary>
          {info.eraDetection.probe && (
            <p>
              server/discover probe: {info.eraDetection.probe.outcome} — {info.eraDetection.probe.detail}
            </p>
          )}
        </details>
      )}
      {info.instructions && (
        <details className="instructions" data-testid="instructions">
          <summary>Server instructions</summary>
          <p className="pre-wrap">{info.instructions}</p>
        </details>
      )}
    </section>
  );
}

const ERROR_TITLES: Partial<Record<ConnectionInfo['state'], string>> = {
  failed: 'The connection failed',
  lost: 'The connection was lost',
  closed: 'The connection ended',
};

const ERA_NAMES = { modern: '2026-07-28 (modern: stateless, server/discover)', legacy: '2025 (legacy: initialize and sessions)' } as const;

function Field({ label, value, testId }: { label: string; value: string | undefined; testId?: string }) {
  if (value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}
