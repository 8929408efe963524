import { create } from 'zustand';
import type { SignInStatus } from '../../shared/model/remote-oauth';

/**
 * Who each saved remote is signed in as with OAuth (readable claims, issuer, scopes, expiry: never
 * a token), as main last said. Written only by the bridge (sign-in-actions).
 */
interface SignInState {
  byRemote: Record<string, SignInStatus>;
  /** Remotes whose sign-out is on its way. */
  signingOut: Record<string, true>;
  setStatus(remoteId: string, status: SignInStatus): void;
  setSigningOut(remoteId: string, busy: boolean): void;
}

export const useSignInStore = create<SignInState>()((set) => ({
  byRemote: {},
  signingOut: {},
  setStatus: (remoteId, status) => set((s) => ({ byRemote: { ...s.byRemote, [remoteId]: status } })),
  setSigningOut: (remoteId, busy) =>
    set((s) => {
      const next = { ...s.signingOut };
      if (busy) next[remoteId] = true;
      else delete next[remoteId];
      return { signingOut: next };
    }),
}));
