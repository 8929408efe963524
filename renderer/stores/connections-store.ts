import { create } from 'zustand';
import type { ConnectionInfo } from '../../shared/model/connection';
import type { ErrorInfo } from '../../shared/model/error-info';

/**
 * Live connections and which remote each belongs to. A remote has at most one current
 * connection; a failed or closed one stays visible (with its error) until replaced or dismissed.
 */
interface ConnectionsState {
  infos: Record<string, ConnectionInfo>;
  remoteOf: Record<string, string>;
  currentByRemote: Record<string, string>;
  /** Remotes whose connect call is in flight (before main has answered with an id). */
  opening: Record<string, true>;
  /** A connect that could not even be attempted (missing secret, unknown remote...). */
  openErrors: Record<string, ErrorInfo>;
  upsert(info: ConnectionInfo, remoteId?: string): void;
  setOpening(remoteId: string, opening: boolean): void;
  setOpenError(remoteId: string, error: ErrorInfo | undefined): void;
  remove(connectionId: string): void;
}

export const useConnectionsStore = create<ConnectionsState>()((set) => ({
  infos: {},
  remoteOf: {},
  currentByRemote: {},
  opening: {},
  openErrors: {},
  upsert(info, remoteId) {
    set((s) => {
      const owner = remoteId ?? s.remoteOf[info.connectionId];
      return {
        infos: { ...s.infos, [info.connectionId]: info },
        remoteOf: owner ? { ...s.remoteOf, [info.connectionId]: owner } : s.remoteOf,
        currentByRemote: owner && remoteId ? { ...s.currentByRemote, [owner]: info.connectionId } : s.currentByRemote,
      };
    });
  },
  setOpening(remoteId, opening) {
    set((s) => {
      const next = { ...s.opening };
      if (opening) next[remoteId] = true;
      else delete next[remoteId];
      return { opening: next };
    });
  },
  setOpenError(remoteId, error) {
    set((s) => {
      const next = { ...s.openErrors };
      if (error) next[remoteId] = error;
      else delete next[remoteId];
      return { openErrors: next };
    });
  },
  remove(connectionId) {
    set((s) => {
      const { [connectionId]: _info, ...infos } = s.infos;
      const { [connectionId]: owner, ...remoteOf } = s.remoteOf;
      const currentByRemote = { ...s.currentByRemote };
      if (owner && currentByRemote[owner] === connectionId) delete currentByRemote[owner];
      return { infos, remoteOf, currentByRemote };
    });
  },
}));

/** What the sidebar shows for a remote: its current connection's state, or "connecting". */
export type RemoteConnectionState = ConnectionInfo['state'] | 'idle';

export function remoteConnectionState(s: Pick<ConnectionsState, 'infos' | 'currentByRemote' | 'opening'>, remoteId: string): RemoteConnectionState {
  if (s.opening[remoteId]) return 'connecting';
  const id = s.currentByRemote[remoteId];
  return id ? (s.infos[id]?.state ?? 'idle') : 'idle';
}

/** A connection that is up or on its way: closing it ends something. */
export function isLive(state: RemoteConnectionState | undefined): boolean {
  return state === 'connected' || state === 'connecting';
}
