import { createSlotsStore } from './connection-slots';
import type { ErrorInfo } from '../../shared/model/error-info';
import type { InvalidListItem } from '../../shared/model/invalid-list-item';

/** A resource as resources/list describes it (MCP 2025-11-25 server/resources); only what the section reads is named. */
export interface ResourceInfo {
  uri: string;
  name?: string;
  title?: string;
  description?: string;
  mimeType?: string;
  size?: number;
}

export interface ResourceTemplateInfo {
  uriTemplate: string;
  name?: string;
  title?: string;
  description?: string;
  mimeType?: string;
}

/** One resources/read: what was asked, and its result or error. */
export interface ResourceRead {
  uri: string;
  status: 'reading' | 'done' | 'failed';
  contents?: Array<Record<string, unknown>>;
  error?: ErrorInfo;
  at: number;
}

/** A resource the user subscribed to, and the updates heard since. */
export interface ResourceSubscription {
  status: 'subscribing' | 'subscribed' | 'declined' | 'failed' | 'ended';
  /** `ended`: the server closed the listen stream with its empty response, or without one. */
  endedHow?: 'graceful' | 'remote';
  updates: number;
  lastUpdateAt?: number;
  error?: ErrorInfo;
}

/** The chosen list item: a resource by URI or a template by its URI template. */
export type ResourceSelection = { kind: 'resource'; uri: string } | { kind: 'template'; uriTemplate: string };

export interface ResourcesSlot {
  status: 'loading' | 'ready' | 'failed';
  /** Why the list was listed again (the server said it changed), until dismissed. */
  changeNotice?: string;
  resources: ResourceInfo[];
  templates: ResourceTemplateInfo[];
  error?: ErrorInfo;
  /** The templates could not be listed (the resources could): said, not fatal. */
  templatesError?: ErrorInfo;
  /** Resources and templates the server listed that break the MCP schema, left out of the lists. */
  invalidResources?: InvalidListItem[];
  invalidTemplates?: InvalidListItem[];
  query: string;
  selected?: ResourceSelection;
  /** Each template's variable values as typed, by URI template. */
  templateValues: Record<string, Record<string, string>>;
  /** The URI each template's form last read, by URI template. */
  lastTemplateRead: Record<string, string>;
  /** The latest read of each URI. */
  reads: Record<string, ResourceRead>;
  subscriptions: Record<string, ResourceSubscription>;
  /** The Resource URI field's text as typed: kept when its read fails, and across sections. */
  uriText: string;
  /** The URI the Resource URI field last read or subscribed to, so the reader can say where it came from. */
  uriFromField?: string;
}

const EMPTY: ResourcesSlot = { status: 'loading', resources: [], templates: [], query: '', templateValues: {}, lastTemplateRead: {}, reads: {}, subscriptions: {}, uriText: '' };

const resources = createSlotsStore<ResourcesSlot>(EMPTY);

/** The Resources section's state, one slot per connection. */
export const useResourcesStore = resources.useStore;
export const resourcesSlot = resources.slotOf;
