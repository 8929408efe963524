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

/** Time outside every measured phase shows as a row of its own past this (ms): the rows then add up to the total. */
const GAP_SHOWN_MS = 1;

/** The time before the first phase and after the last one: what the total holds besides the network phases. */
function gaps(setup: ConnectionSetup): { before?: number; after?: number } {
  if (setup.phases.length === 0) return {};
  const first = Math.min(...setup.phases.map((p) => p.startMs));
  const last = Math.max(...setup.phases.map((p) => p.startMs + p.durationMs));
  return {
    ...(first > GAP_SHOWN_MS ? { before: first } : {}),
    ...(setup.totalMs - last > GAP_SHOWN_MS ? { after: setup.totalMs - last } : {}),
  };
}

/**
 * How the connection came up, as a small waterfall: each phase a bar placed on the time from
 * "connecting" to "connected" (phases may overlap: the handshake's request is what opened the
 * socket), with its duration, and the notes that say why a phase is missing. The time before the
 * first request (getting ready: building the transport, starting the built-in playground) and
 * after the last answer (the client finishing the handshake) are rows of their own, so nothing
 * in the total goes unexplained.
 */
export function ConnectionSetupBars({ setup }: { setup: ConnectionSetup }) {
  const scale = setup.totalMs > 0 ? setup.totalMs : 1;
  const { before, after } = gaps(setup);
  return (
    <section className="connection-setup" aria-label="Connection set-up" data-testid="connection-setup">
      <h3>
        Connection set-up <span className="muted">· {formatLatency(setup.totalMs)} from connecting to connected</span>
      </h3>
      <ol className="setup-phases">
        {before !== undefined && <GapRow name="Getting ready" meaning="before the first request: the transport built, the built-in playground started when it was not running" startMs={0} durationMs={before} scale={scale} />}
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
        {after !== undefined && <GapRow name="Finishing" meaning="after the last answer: the client checking it and completing the handshake" startMs={setup.totalMs - after} durationMs={after} scale={scale} />}
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

/** A row for time no phase measured (see gaps). */
function GapRow({ name, meaning, startMs, durationMs, scale }: { name: string; meaning: string; startMs: number; durationMs: number; scale: number }) {
  return (
    <li className="setup-phase setup-gap" data-testid="setup-gap" title={meaning}>
      <span className="setup-phase-name">{name}</span>
      <span className="setup-phase-track" aria-hidden="true">
        <span className="setup-phase-bar phase-gap" style={{ left: `${Math.min(100, (startMs / scale) * 100)}%`, width: `${Math.min(100, (durationMs / scale) * 100)}%` }} />
      </span>
      <span className="setup-phase-time">{formatLatency(durationMs)}</span>
      <span className="visually-hidden"> ({meaning})</span>
    </li>
  );
}
