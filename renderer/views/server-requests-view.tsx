import { useEffect, useRef } from 'react';
import type { ProtocolEra } from '../../shared/model/protocol-era';
import { PendingRequestCard } from '../components/server-requests/pending-request-card';
import { PolicyPicker } from '../components/server-requests/policy-picker';
import { RequestHistory } from '../components/server-requests/request-history';
import { RootsEditor } from '../components/server-requests/roots-editor';
import { answerServerRequest, configureServerRequests, loadServerRequests, openExternalUrl } from '../bridge/server-request-actions';
import { useRemotesStore } from '../stores/remotes-store';
import { serverRequestsSlot, useServerRequestsStore } from '../stores/server-requests-store';

interface ServerRequestsViewProps {
  connectionId: string;
  remoteId?: string;
  era?: ProtocolEra;
}

/**
 * The Requests section: what the server asked of the client. Requests waiting for an answer come
 * first, each as a card with the answer its kind needs; then the remote's policy and roots; then
 * the history of answered requests.
 */
export function ServerRequestsView({ connectionId, remoteId, era }: ServerRequestsViewProps) {
  const slot = useServerRequestsStore((s) => serverRequestsSlot(s, connectionId));
  const remote = useRemotesStore((s) => s.remotes.find((r) => r.id === remoteId));
  useEffect(() => {
    if (!useServerRequestsStore.getState().loaded[connectionId]) void loadServerRequests(connectionId);
  }, [connectionId]);
  const prefix = `sr-${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  // An answered card goes away with the focus in it: the focus moves to the list's heading, not the page's start.
  const heading = useRef<HTMLHeadingElement>(null);
  const pendingCount = slot.pending.length;
  const shown = useRef(pendingCount);
  useEffect(() => {
    if (pendingCount < shown.current && (document.activeElement === document.body || document.activeElement === null)) heading.current?.focus();
    shown.current = pendingCount;
  }, [pendingCount]);
  return (
    <div className="server-requests-view" data-testid="server-requests-view">
      <section className="pending-requests" aria-labelledby={`${prefix}-pending`}>
        <h3 id={`${prefix}-pending`} className="workbench-title" tabIndex={-1} ref={heading}>
          Waiting for your answer {slot.pending.length > 0 && <span className="muted">({slot.pending.length})</span>}
        </h3>
        {slot.pending.length === 0 ? (
          <p className="muted" data-testid="no-pending">
            Nothing is waiting. When the server asks for input (elicitation), a model reply (sampling) or roots, it appears here; the call that needs it waits until you answer.
          </p>
        ) : (
          slot.pending.map((request) => (
            <PendingRequestCard
              key={request.id}
              request={request}
              busy={slot.sending[request.id] === true}
              error={slot.errors[request.id]}
              earlier={request.round ? slot.settled.filter((r) => r.round?.rootSeq === request.round!.rootSeq).reverse() : []}
              onAnswer={(answer) => void answerServerRequest(connectionId, request.id, answer)}
              onOpenUrl={(url) => void openExternalUrl(url)}
            />
          ))
        )}
      </section>
      {remote && (
        <section className="request-settings" aria-label="How this remote answers">
          <PolicyPicker idPrefix={prefix} policy={remote.serverRequestPolicy ?? 'ask'} disabled={false} onChange={(policy) => void configureServerRequests(remote.id, { policy })} />
          <RootsEditor key={JSON.stringify(remote.roots ?? [])} idPrefix={prefix} saved={remote.roots ?? []} era={era} declared={slot.rootsDeclared} disabled={false} onSave={(roots) => configureServerRequests(remote.id, { roots })} />
        </section>
      )}
      <section className="answered-requests" aria-labelledby={`${prefix}-history`}>
        <h3 id={`${prefix}-history`} className="workbench-title">
          Answered
        </h3>
        <RequestHistory settled={slot.settled} />
      </section>
    </div>
  );
}
