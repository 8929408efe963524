import type { ErrorInfo } from '../../../shared/model/error-info';
import type { ResourceInfo, ResourceSelection, ResourceTemplateInfo } from '../../stores/resources-store';
import { matches } from '../../workbench/text-match';
import { ErrorNotice } from '../error-notice';
import { ListChangeNotice } from '../list-change-notice';
import { InvalidItemsNotice } from '../invalid-items-notice';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import { ServerText } from '../server-text';

interface ResourceListProps {
  resources: ResourceInfo[];
  templates: ResourceTemplateInfo[];
  status: 'loading' | 'ready' | 'failed';
  error?: ErrorInfo;
  templatesError?: ErrorInfo;
  changeNotice?: string;
  /** Resources and templates the server listed that break the MCP schema (left out of the lists). */
  invalidResources?: InvalidListItem[];
  invalidTemplates?: InvalidListItem[];
  query: string;
  selected?: ResourceSelection;
  onQuery(query: string): void;
  onSelect(selection: ResourceSelection): void;
  onRefresh(): void;
  onDismissNotice(): void;
}

/** The connection's resources and resource templates, with one search box over both. */
export function ResourceList({ resources, templates, status, error, templatesError, changeNotice, invalidResources, invalidTemplates, query, selected, onQuery, onSelect, onRefresh, onDismissNotice }: ResourceListProps) {
  const shownResources = resources.filter((r) => matches(query, r.uri, r.name, r.title, r.description, r.mimeType));
  const shownTemplates = templates.filter((t) => matches(query, t.uriTemplate, t.name, t.title, t.description, t.mimeType));
  const total = resources.length + templates.length;
  const shown = shownResources.length + shownTemplates.length;
  return (
    <section className="tool-list" aria-label="Resources" data-testid="resource-list">
      <div className="tool-list-bar resource-list-bar">
        <input type="search" aria-label="Search resources" placeholder="Search resources" value={query} onChange={(e) => onQuery(e.target.value)} data-testid="resource-search" />
        <button type="button" onClick={onRefresh} disabled={status === 'loading'} data-testid="refresh-resources">
          Refresh
        </button>
      </div>
      <ListChangeNotice notice={changeNotice} testId="resources-changed" onDismiss={onDismissNotice} />
      {status === 'loading' && <p className="muted" role="status">Listing resources…</p>}
      {status === 'failed' && error && <ErrorNotice error={error} title="Could not list the resources" />}
      {templatesError && <ErrorNotice error={templatesError} title="Could not list the resource templates" />}
      {status === 'ready' && <InvalidItemsNotice kind="resource" items={invalidResources} testId="invalid-resources" />}
      {status === 'ready' && <InvalidItemsNotice kind="resource template" items={invalidTemplates} testId="invalid-resource-templates" />}
      {status === 'ready' && (
        <p className="muted tool-count" aria-live="polite">
          {shown === total ? `${resources.length} resource${resources.length === 1 ? '' : 's'}, ${templates.length} template${templates.length === 1 ? '' : 's'}` : `${shown} of ${total} shown`}
        </p>
      )}
      {/* One scroll area for both lists: two scrolling lists in one column squeezed each other. */}
      <div className="resource-scroll">
        {shownResources.length > 0 && (
          <ul className="tool-items" aria-label="Resources">
            {shownResources.map((r) => (
              <li key={r.uri}>
                <Item
                  title={r.title ?? r.name ?? r.uri}
                  code={r.uri}
                  description={r.description}
                  selected={selected?.kind === 'resource' && selected.uri === r.uri}
                  onSelect={() => onSelect({ kind: 'resource', uri: r.uri })}
                  testId="resource-item"
                />
              </li>
            ))}
          </ul>
        )}
        {shownTemplates.length > 0 && (
          <>
            <h3 className="list-heading">Templates</h3>
            <ul className="tool-items" aria-label="Resource templates">
              {shownTemplates.map((t) => (
                <li key={t.uriTemplate}>
                  <Item
                    title={t.title ?? t.name ?? t.uriTemplate}
                    code={t.uriTemplate}
                    description={t.description}
                    selected={selected?.kind === 'template' && selected.uriTemplate === t.uriTemplate}
                    onSelect={() => onSelect({ kind: 'template', uriTemplate: t.uriTemplate })}
                    testId="template-item"
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

function Item({ title, code, description, selected, onSelect, testId }: { title: string; code: string; description?: string; selected: boolean; onSelect(): void; testId: string }) {
  return (
    <button type="button" className={`tool-item${selected ? ' is-selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={onSelect} data-testid={testId} data-uri={code}>
      <span className="tool-item-head">
        <span className="tool-title">
          <ServerText text={title} />
        </span>
      </span>
      {title !== code && (
        <code className="tool-name item-uri">
          <ServerText text={code} />
        </code>
      )}
      {description && (
        <span className="tool-description">
          <ServerText text={description} />
        </span>
      )}
    </button>
  );
}
