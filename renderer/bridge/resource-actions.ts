import type { MainEvent } from '../../shared/ipc/contract';
import { useResourcesStore, type ResourceInfo, type ResourceTemplateInfo } from '../stores/resources-store';
import { useSectionsStore } from '../stores/sections-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';
import { reportError } from './remote-actions';

const store = () => useResourcesStore.getState();

/** Lists resources and resource templates (every page: main follows nextCursor); `changeNotice` says why it listed again. */
export async function loadResources(connectionId: string, changeNotice?: string): Promise<void> {
  store().update(connectionId, () => ({ status: 'loading', error: undefined, templatesError: undefined }));
  const [resources, templates] = await Promise.all([periscope().connections.listResources(connectionId), periscope().connections.listResourceTemplates(connectionId)]);
  if (!resources.ok) return store().update(connectionId, () => ({ status: 'failed', error: resources.error }));
  const listed = resources.value.resources as ResourceInfo[];
  const listedTemplates = templates.ok ? (templates.value.resourceTemplates as ResourceTemplateInfo[]) : [];
  store().update(connectionId, (slot) => ({
    status: 'ready',
    changeNotice,
    resources: listed,
    templates: listedTemplates,
    templatesError: templates.ok ? undefined : templates.error,
    invalidResources: resources.value.invalid,
    invalidTemplates: templates.ok ? templates.value.invalid : undefined,
    selected: slot.selected ?? (listed[0] ? { kind: 'resource', uri: listed[0].uri } : listedTemplates[0] ? { kind: 'template', uriTemplate: listedTemplates[0].uriTemplate } : undefined),
  }));
}

/** resources/read; the result (or error) lands in the slot's reads under its URI. */
export async function readResource(connectionId: string, uri: string): Promise<void> {
  store().update(connectionId, (slot) => ({ reads: { ...slot.reads, [uri]: { uri, status: 'reading', at: Date.now() } } }));
  const result = await periscope().connections.readResource(connectionId, uri);
  const read = result.ok
    ? { uri, status: 'done' as const, contents: (result.value.contents as Array<Record<string, unknown>> | undefined) ?? [], at: Date.now() }
    : { uri, status: 'failed' as const, error: result.error, at: Date.now() };
  store().update(connectionId, (slot) => ({ reads: { ...slot.reads, [uri]: read } }));
}

/**
 * Follows a resource_link from a tool result: the Resources section opens on that URI and reads
 * it (the URI need not be in the server's resources/list; links often point past it).
 */
export async function openResourceLink(connectionId: string, uri: string): Promise<void> {
  const fresh = !store().slots[connectionId];
  store().update(connectionId, () => ({ selected: { kind: 'resource', uri } }));
  useSectionsStore.getState().select(connectionId, 'resources');
  await Promise.all([fresh ? loadResources(connectionId) : undefined, readResource(connectionId, uri)]);
}

/** Saves a blob's bytes to a file the user picks; says where, or why not. */
export async function saveResourceContents(connectionId: string, contents: { uri: string; mimeType?: string; blob: string }): Promise<void> {
  const result = await periscope().connections.saveResourceContents(connectionId, contents);
  if (!result.ok) return reportError(`Could not save ${contents.uri}`, result.error);
  if (result.value.cancelled) return;
  useUiStore.getState().notify('success', `Saved ${contents.uri} (${result.value.bytes.toLocaleString('en-US')} bytes) to ${result.value.path}.`);
}

export async function subscribeResource(connectionId: string, uri: string): Promise<void> {
  store().update(connectionId, (slot) => ({ subscriptions: { ...slot.subscriptions, [uri]: { status: 'subscribing', updates: 0 } } }));
  const result = await periscope().connections.subscribeResource(connectionId, uri);
  const status = result.ok ? (result.value.honored ? 'subscribed' : 'declined') : 'failed';
  store().update(connectionId, (slot) => ({
    subscriptions: { ...slot.subscriptions, [uri]: { status, updates: 0, ...(result.ok ? {} : { error: result.error }) } },
  }));
}

export async function unsubscribeResource(connectionId: string, uri: string): Promise<void> {
  store().update(connectionId, (slot) => {
    const { [uri]: _gone, ...subscriptions } = slot.subscriptions;
    return { subscriptions };
  });
  await periscope().connections.unsubscribeResource(connectionId, uri);
}

/** A notifications/resources/updated for a subscribed resource: counted, with its time. */
export function applyResourceUpdated(event: Extract<MainEvent, { type: 'resource-updated' }>): void {
  const slot = useResourcesStore.getState().slots[event.connectionId];
  const subscription = slot?.subscriptions[event.uri];
  if (!subscription || subscription.status !== 'subscribed') return;
  store().update(event.connectionId, (s) => ({
    subscriptions: { ...s.subscriptions, [event.uri]: { ...subscription, updates: subscription.updates + 1, lastUpdateAt: event.at } },
  }));
}

/** The server ended a subscription's listen stream (2026-07-28): it is over, and says how. */
export function applyResourceSubscriptionEnded(event: Extract<MainEvent, { type: 'resource-subscription-ended' }>): void {
  const subscription = useResourcesStore.getState().slots[event.connectionId]?.subscriptions[event.uri];
  if (!subscription || subscription.status !== 'subscribed') return;
  store().update(event.connectionId, (s) => ({
    subscriptions: { ...s.subscriptions, [event.uri]: { ...subscription, status: 'ended', endedHow: event.how } },
  }));
}

export function forgetResources(connectionId: string): void {
  store().forget(connectionId);
}
