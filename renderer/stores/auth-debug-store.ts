import { create } from 'zustand';
import type { AuthDebugRun, AuthDebugStepName } from '../../shared/model/auth-debug';
import type { ErrorInfo } from '../../shared/model/error-info';

/** Where the auth debugger points: a saved remote (its URL) or a URL typed in. */
export interface AuthDebugTarget {
  remoteId?: string;
  remoteName?: string;
  url?: string;
  /** Opened to type another URL: the focus goes to the Server URL field, not the heading. */
  focusUrl?: boolean;
}

interface AuthDebugState {
  /** Set while the auth debugger is shown in the main area. */
  target: AuthDebugTarget | undefined;
  runId: string | undefined;
  run: AuthDebugRun | undefined;
  nextStep: AuthDebugStepName | undefined;
  /** True while a step (or the start) runs in main. */
  busy: boolean;
  error: ErrorInfo | undefined;
  show(target: AuthDebugTarget): void;
  hide(): void;
  setBusy(busy: boolean): void;
  setProgress(progress: { runId: string; run: AuthDebugRun; nextStep?: AuthDebugStepName | undefined }): void;
  setError(error: ErrorInfo | undefined): void;
}

/** The guided auth debugger's one run on screen (the state between steps lives in main). */
export const useAuthDebugStore = create<AuthDebugState>()((set) => ({
  target: undefined,
  runId: undefined,
  run: undefined,
  nextStep: undefined,
  busy: false,
  error: undefined,
  show: (target) => set({ target, runId: undefined, run: undefined, nextStep: undefined, busy: false, error: undefined }),
  hide: () => set({ target: undefined, runId: undefined, run: undefined, nextStep: undefined, busy: false, error: undefined }),
  setBusy: (busy) => set({ busy }),
  setProgress: ({ runId, run, nextStep }) => set({ runId, run, nextStep, error: undefined }),
  setError: (error) => set({ error }),
}));
