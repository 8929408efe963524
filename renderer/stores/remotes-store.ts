import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/model/error-info';
import type { Remote } from '../../shared/model/remote';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The saved remotes as main last listed them. Written only by the bridge. */
interface RemotesState {
  remotes: Remote[];
  status: LoadStatus;
  error: ErrorInfo | undefined;
  setLoading(): void;
  setRemotes(remotes: Remote[]): void;
  setError(error: ErrorInfo): void;
}

export const useRemotesStore = create<RemotesState>()((set) => ({
  remotes: [],
  status: 'idle',
  error: undefined,
  setLoading: () => set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' })),
  setRemotes: (remotes) => set({ remotes, status: 'ready', error: undefined }),
  setError: (error) => set({ status: 'error', error }),
}));
