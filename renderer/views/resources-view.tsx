import { useEffect } from 'react';
import { ResourceContents, type SavableBlob } from '../components/resources/resource-contents';
import { ResourceList } from '../components/resources/resource-list';
import { SubscriptionBar } from '../components/resources/subscription-bar';
import { TemplateForm } from '../components/resources/template-form';
import { fetchCompletions } from '../bridge/completion-actions';
import { loadResources, readResource, saveResourceContents, subscribeResource, unsubscribeResource } from '../bridge/resource-actions';
import { resourcesSlot, useResourcesStore, type ResourceRead } from '../stores/resources-store';
import { ServerText } from '../components/server-text';
import { revealInvisible } from '../../shared/text/reveal-invisible';

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
  const template = selected?.kind === 'template' ? slot.templates.find((t) => t.uriTemplate === selected.uriTemplate) : undefined;
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
      {resource && (
        <section className="tool-workbench resource-panel" aria-label={`Resource ${revealInvisible(resource.title ?? resource.name ?? resource.uri)}`} data-testid="resource-panel">
          <h3 className="workbench-title">
            <ServerText text={resource.title ?? resource.name ?? resource.uri} />
          </h3>
          <p className="muted">
            <code>
              <ServerText text={resource.uri} />
            </code>
            {resource.mimeType && ` · ${revealInvisible(resource.mimeType)}`}
          </p>
          {resource.description && (
            <p>
              <ServerText text={resource.description} />
            </p>
          )}
          {!listed && (
            <p className="muted" data-testid="resource-not-listed">
              Opened from a resource link: the server's resources list does not include this URI.
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
        <p className="muted tool-none">{slot.resources.length + slot.templates.length > 0 ? 'Choose a resource.' : slot.invalidResources?.length || slot.invalidTemplates?.length ? 'None of the resources the server lists is valid (see above).' : 'This server offers no resources.'}</p>
      )}
    </div>
  );
}

function ReadOutcome({ read, onSave }: { read?: ResourceRead; onSave?: (blob: SavableBlob) => void }) {
  if (!read) return null;
  if (read.status === 'reading') return <p className="muted" role="status">Reading {read.uri}…</p>;
  return (
    <div aria-live="polite">
      <p className="muted">Read at {new Date(read.at).toLocaleTimeString()}</p>
      <ResourceContents contents={read.contents} error={read.error} onSave={onSave} />
    </div>
  );
}
