import type { KeyboardEvent } from 'react';
import type { Tab } from '../stores/ui-store';

interface TabStripProps {
  tabs: Tab[];
  activeTabId: string | undefined;
  /** Short state word per tab id, e.g. "connected". */
  stateOf(tab: Tab): string;
  onActivate(tabId: string): void;
  onClose(tabId: string): void;
}

/** Open connections and session files. Left/right arrows move between tabs (ARIA tabs pattern). */
export function TabStrip({ tabs, activeTabId, stateOf, onActivate, onClose }: TabStripProps) {
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : undefined;
    if (next === undefined || tabs.length === 0) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    onActivate(target.id);
    document.getElementById(tabDomId(target.id))?.focus();
  };
  return (
    <div className="tab-strip" role="tablist" aria-label="Open connections and sessions">
      {tabs.map((tab, index) => {
        const active = tab.id === activeTabId;
        return (
          <div key={tab.id} className={`tab${active ? ' is-active' : ''}`}>
            <button
              type="button"
              role="tab"
              id={tabDomId(tab.id)}
              aria-selected={active}
              aria-controls={panelDomId(tab.id)}
              tabIndex={active ? 0 : -1}
              data-testid="tab"
              data-tab-id={tab.id}
              onClick={() => onActivate(tab.id)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              {tab.title}
              <span className="tab-state"> ({stateOf(tab)})</span>
            </button>
            <button type="button" className="icon-button" aria-label={`Close ${tab.title}`} data-testid="close-tab" onClick={() => onClose(tab.id)}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}

export function tabDomId(tabId: string): string {
  return `tab-${tabId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
export function panelDomId(tabId: string): string {
  return `panel-${tabId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
