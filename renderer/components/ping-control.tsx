import type { LogsSlot } from '../stores/logs-store';
import { timeOfDayLabel } from '../workbench/chart-time-labels';

interface PingControlProps {
  era?: 'legacy' | 'modern';
  live: boolean;
  ping?: LogsSlot['ping'];
  onPing(): void;
}

/**
 * "Ping" with the round-trip latency (MCP basic/utilities/ping, 2025 revisions). The 2026-07-28
 * revision removed ping (its requests are independent; no session to keep alive), so there the
 * button is disabled and says why.
 */
export function PingControl({ era, live, ping, onPing }: PingControlProps) {
  const modern = era === 'modern';
  return (
    <div className="ping-control" data-testid="ping-control">
      <button type="button" onClick={onPing} disabled={!live || modern || ping?.status === 'pinging'} aria-describedby="ping-result" data-testid="ping-button">
        Ping
      </button>
      <span id="ping-result" className="muted" role="status" data-testid="ping-result">
        {modern
          ? '2026-07-28 servers have no ping: the revision removed it, since each request stands alone. Any request (listing tools, say) shows the server answers.'
          : ping?.status === 'pinging'
            ? 'Pinging…'
            : ping?.status === 'done'
              ? `Round trip ${ping.latencyMs.toFixed(2)} ms (${ping.method ?? 'ping'}) at ${timeOfDayLabel(ping.at)}.`
              : ping?.status === 'failed'
                ? `Ping failed: ${ping.error.message}`
                : live
                  ? 'Sends ping and shows the round trip.'
                  : 'Connect to ping the server.'}
      </span>
    </div>
  );
}
