import type { ErrorInfo } from '../../../shared/model/error-info';
import type { ToolInfo } from '../../stores/tools-store';
import { displayName, searchTools, toolBadges, toolIcon } from '../../workbench/tool-facts';
import { ErrorNotice } from '../error-notice';
import { ListChangeNotice } from '../list-change-notice';
import { InvalidItemsNotice } from '../invalid-items-notice';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import { ServerText } from '../server-text';

interface ToolListProps {
  tools: ToolInfo[];
  status: 'loading' | 'ready' | 'failed';
  error?: ErrorInfo;
  changeNotice?: string;
  /** Tools the server listed that break the MCP schema (left out of `tools`). */
  invalid?: InvalidListItem[];
  query: string;
  selected?: string;
  onQuery(query: string): void;
  onSelect(name: string): void;
  onRefresh(): void;
  onDismissNotice(): void;
}

/** The connection's tools with a search box; each shows its name, title, icon and annotation badges. */
export function ToolList({ tools, status, error, changeNotice, invalid, query, selected, onQuery, onSelect, onRefresh, onDismissNotice }: ToolListProps) {
  const shown = searchTools(tools, query);
  return (
    <section className="tool-list" aria-label="Tools" data-testid="tool-list">
      <div className="tool-list-bar">
        <input type="search" aria-label="Search tools" placeholder="Search tools" value={query} onChange={(e) => onQuery(e.target.value)} data-testid="tool-search" />
        <button type="button" onClick={onRefresh} disabled={status === 'loading'} data-testid="refresh-tools">
          Refresh
        </button>
      </div>
      <ListChangeNotice notice={changeNotice} testId="tools-changed" onDismiss={onDismissNotice} />
      {status === 'ready' && <InvalidItemsNotice kind="tool" items={invalid} testId="invalid-tools" />}
      {status === 'loading' && <p className="muted" role="status">Listing tools…</p>}
      {status === 'failed' && error && <ErrorNotice error={error} title="Could not list the tools" />}
      {status === 'ready' && (
        <p className="muted tool-count" aria-live="polite">
          {shown.length === tools.length ? `${tools.length} tool${tools.length === 1 ? '' : 's'}` : `${shown.length} of ${tools.length} tools`}
        </p>
      )}
      <ul className="tool-items">
        {shown.map((tool) => (
          <li key={tool.name}>
            <ToolItem tool={tool} selected={tool.name === selected} onSelect={() => onSelect(tool.name)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ToolItem({ tool, selected, onSelect }: { tool: ToolInfo; selected: boolean; onSelect(): void }) {
  const icon = toolIcon(tool);
  const name = displayName(tool);
  return (
    <button type="button" className={`tool-item${selected ? ' is-selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={onSelect} data-testid="tool-item" data-tool={tool.name}>
      <span className="tool-item-head">
        {icon && <img src={icon} alt="" className="tool-icon" />}
        <span className="tool-title">
          <ServerText text={name} />
        </span>
        {name !== tool.name && (
          <code className="tool-name">
            <ServerText text={tool.name} />
          </code>
        )}
      </span>
      {tool.description && (
        <span className="tool-description">
          <ServerText text={tool.description} />
        </span>
      )}
      <ToolBadges tool={tool} />
    </button>
  );
}

export function ToolBadges({ tool }: { tool: ToolInfo }) {
  const badges = toolBadges(tool);
  if (badges.length === 0) return null;
  return (
    <span className="tool-badges">
      {badges.map((b) => (
        <span key={b.key} className={`tool-badge tone-${b.tone}`} title={b.meaning} data-testid="tool-badge">
          {b.label}
        </span>
      ))}
    </span>
  );
}
