import type { ConnectionSetup, SetupPhase } from '../../../shared/model/connection';
import { formatLatency } from '../../trace/entry-fields';

const PHASE_NAMES: Record<SetupPhase['phase'], string> = {
  dns: 'DNS lookup',
  tcp: 'TCP connect',
  tls: 'TLS handshake',
  'first-byte': 'First byte',
  authorization: 'Signing in (OAuth)',
  handshake: 'Handshake',
};

/** What each phase measures, for the row's description (read by screen readers, shown on hover). */
const PHASE_MEANINGS: Record<SetupPhase['phase'], string> = {
  dns: 'the host name looked up',
  tcp: 'the TCP connection opened',
  tls: 'the TLS handshake, certificate checks included',
  'first-byte': 'from the first request leaving on the new socket to its response headers',
  authorization: 'from the server\'s 401 challenge to the new access token, the time in the browser included',
  handshake: 'the round trip that made the session',
};

/**
 * How the connection came up, as a small waterfall: each phase a bar placed on the time from
 * "connecting" to "connected" (phases may overlap: the handshake's request is what opened the
 * socket), with its duration, and the notes that say why a phase is missing.
 */
export function ConnectionSetupBars({ setup }: { setup: ConnectionSetup }) {
  const scale = setup.totalMs > 0 ? setup.totalMs : 1;
  return (
    <section className="connection-setup" aria-label="Connection set-up" data-testid="connection-setup">
      <h3>
        Connection set-up <span className="muted">· {formatLatency(setup.totalMs)} from connecting to connected</span>
      </h3>
      <ol className="setup-phases">
        {setup.phases.map((p) => {
          const name = p.phase === 'handshake' && p.detail ? `${PHASE_NAMES.handshake} (${p.detail})` : PHASE_NAMES[p.phase];
          return (
            <li key={p.phase} className="setup-phase" data-testid="setup-phase" data-phase={p.phase} title={PHASE_MEANINGS[p.phase]}>
              <span className="setup-phase-name">{name}</span>
              <span className="setup-phase-track" aria-hidden="true">
                <span
                  className={`setup-phase-bar phase-${p.phase}`}
                  style={{ left: `${Math.min(100, (p.startMs / scale) * 100)}%`, width: `${Math.min(100, (p.durationMs / scale) * 100)}%` }}
                />
              </span>
              <span className="setup-phase-time">
                {formatLatency(p.durationMs)}
                {p.phase !== 'handshake' && p.phase !== 'authorization' && p.detail && <span className="muted"> · {p.detail}</span>}
              </span>
              <span className="visually-hidden">
                {' '}
                ({PHASE_MEANINGS[p.phase]}; starts {formatLatency(p.startMs)} after connecting)
              </span>
            </li>
          );
        })}
      </ol>
      {setup.notes.length > 0 && (
        <ul className="setup-notes muted" aria-label="Not measured">
          {setup.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
