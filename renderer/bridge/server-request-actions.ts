import type { MainEvent } from '../../shared/ipc/contract';
import type { Root, ServerRequestAnswer, ServerRequestPolicy } from '../../shared/model/server-request';
import { useConnectionsStore } from '../stores/connections-store';
import { useRemotesStore } from '../stores/remotes-store';
import { useServerRequestsStore } from '../stores/server-requests-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';

const store = () => useServerRequestsStore.getState();

/** The notice each pending request raised, by request id: it goes once the request is settled. */
const noticeOf = new Map<string, number>();
/** The latest "the policy answered" notice per connection: a new one replaces it, so a QA run shows one, not hundreds. */
const policyNoticeOf = new Map<string, number>();

/** The pending and settled requests main holds for a connection (once per connection; events keep it current). */
export async function loadServerRequests(connectionId: string): Promise<void> {
  const result = await periscope().serverRequests.list(connectionId);
  if (result.ok) store().load(connectionId, result.value.pending, result.value.settled, result.value.rootsDeclared);
}

/** A question from a server: parked in the store, and said in the notices strip (nothing is answered silently). */
export function applyServerRequest(event: Extract<MainEvent, { type: 'server-request' }>): void {
  const { request } = event;
  store().add(request);
  const label = useConnectionsStore.getState().infos[request.connectionId]?.label ?? 'A server';
  const what = request.method === 'sampling/createMessage' ? 'a sampling request (a reply from a model)' : request.method === 'roots/list' ? 'its roots' : 'a question';
  const message = (request.params as { message?: unknown } | undefined)?.message;
  const quoted = typeof message === 'string' && message.trim() ? `: “${oneLine(message)}”` : '';
  const ui = useUiStore.getState();
  ui.notify('info', `${label} sent ${what}${quoted}. Answer it in the Requests section of its tab.`);
  const notice = useUiStore.getState().notices.at(-1);
  if (notice) noticeOf.set(request.id, notice.id);
}

/** A request settled: it moves to the history, and its "answer it" notice goes (the history says what happened). */
export function applyServerRequestSettled(event: Extract<MainEvent, { type: 'server-request-settled' }>): void {
  store().settle(event.record);
  const notice = noticeOf.get(event.record.id);
  noticeOf.delete(event.record.id);
  const ui = useUiStore.getState();
  if (notice !== undefined) ui.dismissNotice(notice);
  if (event.record.answeredBy !== 'policy') return;
  // Answered without asking: said, so a policy left on is never a silent surprise.
  const { connectionId } = event.record;
  const previous = policyNoticeOf.get(connectionId);
  if (previous !== undefined) ui.dismissNotice(previous);
  const label = useConnectionsStore.getState().infos[connectionId]?.label ?? 'A server';
  const message = (event.record.params as { message?: unknown } | undefined)?.message;
  const quoted = typeof message === 'string' && message.trim() ? ` “${oneLine(message)}”` : '';
  ui.notify('info', `${label}: the remote's policy answered${quoted} (${event.record.outcome}) without asking you. Change it in the Requests section.`);
  const added = useUiStore.getState().notices.at(-1);
  if (added) policyNoticeOf.set(connectionId, added.id);
}

/** Sends the user's answer; a refusal (the request is gone, the answer does not fit) shows on its card. */
export async function answerServerRequest(connectionId: string, requestId: string, answer: ServerRequestAnswer): Promise<void> {
  store().setSending(connectionId, requestId, true);
  const result = await periscope().serverRequests.answer(connectionId, requestId, answer);
  store().setSending(connectionId, requestId, false, result.ok ? undefined : result.error);
}

/** Stores the remote's policy and/or roots; the saved remote in the store is replaced by main's answer. */
export async function configureServerRequests(remoteId: string, patch: { policy?: ServerRequestPolicy; roots?: Root[] }): Promise<boolean> {
  const result = await periscope().serverRequests.configure(remoteId, patch);
  const ui = useUiStore.getState();
  if (!result.ok) {
    ui.notify('error', `${result.error.message}${result.error.hint ? ` ${result.error.hint}` : ''}`);
    return false;
  }
  const { remote, notified } = result.value;
  const remotes = useRemotesStore.getState();
  remotes.setRemotes(remotes.remotes.map((r) => (r.id === remote.id ? remote : r)));
  if (patch.roots) ui.notify('success', notified > 0 ? `Roots saved; ${notified === 1 ? 'the server was' : `${notified} connections were`} told they changed.` : 'Roots saved.');
  return true;
}

/** Opens a URL-mode elicitation's page in the system browser (main allows only http(s) without credentials). */
export async function openExternalUrl(url: string): Promise<void> {
  const result = await periscope().app.openExternal(url);
  if (!result.ok) useUiStore.getState().notify('error', `${result.error.message}${result.error.hint ? ` ${result.error.hint}` : ''}`);
}

export function forgetServerRequests(connectionId: string): void {
  store().forget(connectionId);
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
