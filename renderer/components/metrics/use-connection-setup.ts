import { useMemo } from 'react';
import type { ConnectionSetup } from '../../../shared/model/connection';
import type { TraceEntry } from '../../../shared/model/trace';
import { useConnectionsStore } from '../../stores/connections-store';
import { useTraceStore } from '../../stores/trace-store';

/**
 * The set-up figures of a tab: a live connection's from its info; an opened session file's from
 * the last "connected" entry it holds (that entry carries the connection's info).
 */
export function useConnectionSetup(tabId: string, connectionId: string | undefined): ConnectionSetup | undefined {
  const live = useConnectionsStore((s) => (connectionId ? s.infos[connectionId]?.setup : undefined));
  const log = useTraceStore((s) => (connectionId ? undefined : s.traces[tabId]?.log));
  const version = useTraceStore((s) => (connectionId ? 0 : (s.traces[tabId]?.version ?? 0)));
  // `version` is a dependency on purpose: the log grows in place.
  return useMemo(() => live ?? (log ? lastSetup(log.entries) : undefined), [live, log, version]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** The setup of the last "connected" lifecycle entry, scanning from the end. */
export function lastSetup(entries: readonly TraceEntry[]): ConnectionSetup | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry.type === 'lifecycle' && entry.state === 'connected') return entry.info?.setup;
  }
  return undefined;
}
