import { useEffect } from 'react';
import { ResourceContents, type SavableBlob } from '../components/resources/resource-contents';
import { ResourceList } from '../components/resources/resource-list';
import { ResourceUriForm } from '../components/resources/resource-uri-form';
import { SubscriptionBar } from '../components/resources/subscription-bar';
import { TemplateForm } from '../components/resources/template-form';
import { fetchCompletions } from '../bridge/completion-actions';
import { loadResources, readResource, saveResourceContents, subscribeResource, unsubscribeResource } from '../bridge/resource-actions';
import { resourcesSlot, useResourcesStore, type ResourceRead } from '../stores/resources-store';
import { ServerText } from '../components/server-text';
import { revealInvisible } from '../../shared/text/reveal-invisible';
import { timeOfDayLabel } from '../workbench/chart-time-labels';

interface ResourcesViewProps {
  connectionId: string;
  live: boolean;
  era?: 'legacy' | 'modern';
  /** The server's declared capabilities (resources.subscribe, completions). */
  capabilities?: Record<string, unknown>;
}

/** The Resources section: resources and templates on the left, the chosen one's reader on the right. */
export function ResourcesView({ connectionId, live, era, capabilities }: ResourcesViewProps) {
  const slot = useResourcesStore((s) => resourcesSlot(s, connectionId));
  const update = useResourcesStore((s) => s.update);
  useEffect(() => {
    if (!useResourcesStore.getState().slots[connectionId]) void loadResources(connectionId);
  }, [connectionId]);
  const subscribable = (capabilities?.resources as { subscribe?: boolean } | undefined)?.subscribe === true;
  const completes = capabilities?.completions !== undefined;
  const save = (blob: SavableBlob) => void saveResourceContents(connectionId, blob);
  const selected = slot.selected;
  const listed = selected?.kind === 'resource' ? slot.resources.find((r) => r.uri === selected.uri) : undefined;
  // A resource opened from a tool result's resource_link may be missing from resources/list.
  const resource = listed ?? (selected?.kind === 'resource' && slot.status !== 'loading' ? { uri: selected.uri } : undefined);
  const named = resource?.title ?? resource?.name;
  const template = selected?.kind === 'template' ? slot.templates.find((t) => t.uriTemplate === selected.uriTemplate) : undefined;
  // A URI from the Resource URI field opens in the same reader as a listed one (the list's own entry when it names it).
  const openTyped = (uri: string) => update(connectionId, () => ({ selected: { kind: 'resource', uri }, uriFromField: uri }));
  const readTyped = (uri: string) => {
    openTyped(uri);
    void readResource(connectionId, uri);
  };
  const subscribeTyped = (uri: string) => {
    openTyped(uri);
    // Already on: the reader shows it; subscribing again would only restart its count.
    const status = slot.subscriptions[uri]?.status;
    if (status !== 'subscribed' && status !== 'subscribing') void subscribeResource(connectionId, uri);
  };
  const notListedWhy = slot.status === 'failed' ? 'the resources could not be listed, so whether the server lists it is not known' : "the server's resources list does not include this URI";
  return (
    <div className="tools-view" data-testid="resources-view">
      <ResourceList
        resources={slot.resources}
        templates={slot.templates}
        status={slot.status}
        error={slot.error}
        templatesError={slot.templatesError}
        changeNotice={slot.changeNotice}
        invalidResources={slot.invalidResources}
        invalidTemplates={slot.invalidTemplates}
        query={slot.query}
        selected={selected}
        onQuery={(query) => update(connectionId, () => ({ query }))}
        onSelect={(s) => update(connectionId, () => ({ selected: s }))}
        onRefresh={() => void loadResources(connectionId)}
        onDismissNotice={() => update(connectionId, () => ({ changeNotice: undefined }))}
      />
      {/* The field stays put above whichever reader is open, so another URI is one edit away. */}
      <div className="resource-reader">
        <ResourceUriForm
          value={slot.uriText}
          live={live}
          reading={slot.reads[slot.uriText.trim()]?.status === 'reading'}
          subscribable={subscribable}
          onChange={(uriText) => update(connectionId, () => ({ uriText }))}
          onRead={readTyped}
          onSubscribe={subscribeTyped}
        />
        {resource && (
          <section className="tool-workbench resource-panel" aria-label={`Resource ${revealInvisible(resource.title ?? resource.name ?? resource.uri)}`} data-testid="resource-panel">
            {/* A resource with no name (opened by URI) is headed by its URI, not shown twice. */}
            <h3 className="workbench-title">
              {named ? (
                <ServerText text={named} />
              ) : (
                <code>
                  <ServerText text={resource.uri} />
                </code>
              )}
            </h3>
            {(named || resource.mimeType) && (
              <p className="muted">
                {named && (
                  <code>
                    <ServerText text={resource.uri} />
                  </code>
                )}
                {resource.mimeType && `${named ? ' · ' : ''}${revealInvisible(resource.mimeType)}`}
              </p>
            )}
            {resource.description && (
              <p>
                <ServerText text={resource.description} />
              </p>
            )}
            {!listed && (
              <p className="muted" data-testid="resource-not-listed">
                {slot.uriFromField === resource.uri ? 'Read from the Resource URI field' : 'Opened from a resource link'}: {notListedWhy}.
              </p>
            )}
            <div className="form-actions">
              <button type="button" onClick={() => void readResource(connectionId, resource.uri)} disabled={!live || slot.reads[resource.uri]?.status === 'reading'} data-testid="read-resource">
                {slot.reads[resource.uri] ? 'Read again' : 'Read'}
              </button>
              <SubscriptionBar
                uri={resource.uri}
                offered={subscribable}
                era={era}
                live={live}
                subscription={slot.subscriptions[resource.uri]}
                readAt={slot.reads[resource.uri]?.status === 'done' ? slot.reads[resource.uri].at : undefined}
                onSubscribe={() => void subscribeResource(connectionId, resource.uri)}
                onUnsubscribe={() => void unsubscribeResource(connectionId, resource.uri)}
              />
            </div>
            <ReadOutcome read={slot.reads[resource.uri]} onSave={save} />
          </section>
        )}
        {template && (
          <section className="tool-workbench resource-panel" aria-label={`Template ${template.title ?? template.name ?? template.uriTemplate}`} data-testid="template-panel">
            <h3 className="workbench-title">
              <ServerText text={template.title ?? template.name ?? template.uriTemplate} />
            </h3>
            <p className="muted">
              <code>{template.uriTemplate}</code>
              {template.mimeType && ` · ${template.mimeType}`}
            </p>
            {template.description && <p>{template.description}</p>}
            <TemplateForm
              key={template.uriTemplate}
              uriTemplate={template.uriTemplate}
              values={slot.templateValues[template.uriTemplate] ?? {}}
              live={live}
              reading={Object.values(slot.reads).some((r) => r.status === 'reading')}
              complete={
                completes
                  ? (name, value) => fetchCompletions(connectionId, { type: 'ref/resource', uri: template.uriTemplate }, name, value, slot.templateValues[template.uriTemplate] ?? {})
                  : undefined
              }
              onChange={(values) => update(connectionId, (s) => ({ templateValues: { ...s.templateValues, [template.uriTemplate]: values } }))}
              onRead={(uri) => {
                update(connectionId, (s) => ({ lastTemplateRead: { ...s.lastTemplateRead, [template.uriTemplate]: uri } }));
                void readResource(connectionId, uri);
              }}
            />
            <ReadOutcome read={slot.lastTemplateRead[template.uriTemplate] ? slot.reads[slot.lastTemplateRead[template.uriTemplate]] : undefined} onSave={save} />
          </section>
        )}
        {!resource && !template && slot.status === 'ready' && (
          <p className="muted tool-none">
            {slot.resources.length + slot.templates.length > 0
              ? 'Choose a resource, or enter any URI above.'
              : slot.invalidResources?.length || slot.invalidTemplates?.length
                ? 'None of the resources the server lists is valid (see the list). A URI entered above can still be read.'
                : 'This server lists no resources. It may still serve a URI entered above.'}
          </p>
        )}
      </div>
    </div>
  );
}

function ReadOutcome({ read, onSave }: { read?: ResourceRead; onSave?: (blob: SavableBlob) => void }) {
  if (!read) return null;
  if (read.status === 'reading') {
    return (
      <p className="muted" role="status">
        Reading <ServerText text={read.uri} />…
      </p>
    );
  }
  return (
    <div className="read-outcome" aria-live="polite">
      {/* A failed read says so itself (the error below); "Read at" would read as a success. */}
      <p className="muted">{read.error ? 'Tried at' : 'Read at'} {timeOfDayLabel(read.at)}</p>
      <ResourceContents contents={read.contents} error={read.error} onSave={onSave} />
    </div>
  );
}
