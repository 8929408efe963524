import { useEffect, useState } from 'react';
import type { ConnectionInfo } from '../../shared/model/connection';
import { SignedInPanel } from '../components/auth/signed-in-panel';
import { SignInWaiting } from '../components/auth/sign-in-waiting';
import { disconnect } from '../bridge/connection-actions';
import { refreshSignIn, signOut } from '../bridge/sign-in-actions';
import { useSignInStore } from '../stores/sign-in-store';

/** The time, again every 30 s: "expires in 55 min" stays true while the panel is open. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The Overview's sign-in part for a saved remote: waiting for the browser, or who it is signed in as. */
export function SignInSection({ remoteId, remoteName, info }: { remoteId: string; remoteName: string; info: ConnectionInfo }) {
  const status = useSignInStore((s) => s.byRemote[remoteId]);
  const signingOut = useSignInStore((s) => s.signingOut[remoteId] === true);
  const now = useNow();
  // Asked again whenever the connection's state changes (a connect may just have signed in).
  useEffect(() => {
    if (info.url) void refreshSignIn(remoteId);
  }, [remoteId, info.state, info.url]);
  if (info.signIn) return <SignInWaiting waiting={info.signIn} onCancel={() => void disconnect(info.connectionId)} />;
  if (!status?.signedIn) return null;
  return <SignedInPanel status={status} now={now} signingOut={signingOut} onSignOut={() => void signOut(remoteId, remoteName)} />;
}
