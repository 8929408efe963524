import { PingControl } from '../components/ping-control';
import { pingServer } from '../bridge/log-actions';
import { logsSlot, useLogsStore } from '../stores/logs-store';

/** The Overview's Ping, wired to the store (the control itself takes props). */
export function OverviewPing({ connectionId, era, live }: { connectionId: string; era?: 'legacy' | 'modern'; live: boolean }) {
  const ping = useLogsStore((s) => logsSlot(s, connectionId).ping);
  return <PingControl era={era} live={live} ping={ping} onPing={() => void pingServer(connectionId)} />;
}
