import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { Tab } from '../stores/ui-store';
import { CountBadge } from './section-tabs';
import { ScrollMoreButton } from './scroll-more-button';
import { revealHidden, useHiddenItems } from './use-hidden-items';
import { useTabNamesInView } from './use-tab-names-in-view';

/** The Close tab button's words, which its accessible name and the × tooltip start with. */
const CLOSE_TAB = 'Close tab';
/** What closes `tab`: "Close tab: Playground". */
const closeLabel = (tab: Tab) => `${CLOSE_TAB}: ${tab.title}`;

interface TabStripProps {
  tabs: Tab[];
  activeTabId: string | undefined;
  /** Short state word per tab id, e.g. "connected". */
  stateOf(tab: Tab): string;
  /** Requests from the server waiting for an answer on this tab's connection (a badge when above 0). */
  waitingOf?(tab: Tab): number;
  /** Whether the tab needs attention (its connection failed or was lost): flagged on the ‹ › counts while out of view. */
  needsAttention?(tab: Tab): boolean;
  onActivate(tabId: string): void;
  onClose(tabId: string): void;
}

/**
 * Open connections and session files. Left/right arrows move between tabs (ARIA tabs pattern).
 * More tabs than fit scroll sideways, and a button at each end says how many are out of view
 * there (overlay scrollbars show nothing), with a "!" when one of them failed or lost its
 * connection: a click brings the next one into view.
 */
export function TabStrip({ tabs, activeTabId, stateOf, waitingOf, needsAttention, onActivate, onClose }: TabStripProps) {
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (event.key === 'Delete') {
      event.preventDefault();
      onClose(tabs[index].id);
      return;
    }
    // The ARIA tabs pattern's keys: arrows wrap around, Home and End go to the first and last tab.
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const next = moves[event.key];
    if (next === undefined || tabs.length === 0) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    onActivate(target.id);
    document.getElementById(tabDomId(target.id))?.focus();
  };
  const active = tabs.find((t) => t.id === activeTabId);
  const stripRef = useRef<HTMLDivElement>(null);
  // A tab opened (or picked) off the edge of the strip scrolls into view, and stays in view when
  // the strip gets narrower (a smaller window, a wider sidebar).
  useEffect(() => {
    const reveal = () => activeTabId && document.getElementById(tabDomId(activeTabId))?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    reveal();
    const strip = stripRef.current;
    if (!strip || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(reveal);
    observer.observe(strip);
    return () => observer.disconnect();
  }, [activeTabId, tabs.length]);
  const hidden = useHiddenItems(stripRef, '[role="tab"]', 'x');
  const hiddenFlagged = useHiddenItems(stripRef, '[role="tab"][data-attention]', 'x');
  const reveal = (side: 'before' | 'after') => stripRef.current && revealHidden(stripRef.current, '[role="tab"]', 'x', side);
  const overflows = hidden.before + hidden.after > 0;
  useTabNamesInView(stripRef);
  // The tablist may own only tabs (ARIA), so the accessible close button sits beside it; the
  // small × on each tab is a mouse shortcut (with a tooltip), and Delete closes the focused tab.
  return (
    <div className="tab-bar">
      {overflows && <ScrollMoreButton side="left" count={hidden.before} flagged={hiddenFlagged.before} noun={['tab', 'tabs']} of="the tabs" onClick={() => reveal('before')} testId="tabs-left" />}
      <div className={`tab-strip fades-x${hidden.before ? ' more-before' : ''}${hidden.after ? ' more-after' : ''}`} role="tablist" aria-label="Open connections and sessions" ref={stripRef}>
        {tabs.map((tab, index) => {
          const selected = tab.id === activeTabId;
          return (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={tabDomId(tab.id)}
              className={`tab${selected ? ' is-active' : ''}`}
              aria-selected={selected}
              aria-controls={selected ? panelDomId(tab.id) : undefined}
              tabIndex={selected || (activeTabId === undefined && index === 0) ? 0 : -1}
              data-testid="tab"
              data-tab-id={tab.id}
              data-attention={needsAttention?.(tab) || undefined}
              aria-keyshortcuts="Delete"
              onClick={() => onActivate(tab.id)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              {/* A long title is cut (whole in the tooltip and the tab's name) so one tab never fills the
                  strip. Its title attribute is also what shows when the tab is cut at the strip's start. */}
              <span className="tab-title" title={tab.title}>
                {tab.title}
              </span>
              <TabState state={stateOf(tab)} />
              {waitingOf?.(tab) ? <CountBadge count={waitingOf(tab)} /> : null}
              <span
                className="tab-x"
                aria-hidden="true"
                title={closeLabel(tab)}
                onClick={(e) => {
                  e.stopPropagation();
                  onClose(tab.id);
                }}
              >
                ×
              </span>
            </button>
          );
        })}
      </div>
      {overflows && <ScrollMoreButton side="right" count={hidden.after} flagged={hiddenFlagged.after} noun={['tab', 'tabs']} of="the tabs" onClick={() => reveal('after')} testId="tabs-right" />}
      {active && (
        // Its name starts with the words it shows (label in name), then says which tab it closes.
        <button type="button" className="close-tab" aria-label={closeLabel(active)} data-testid="close-tab" onClick={() => onClose(active.id)}>
          {CLOSE_TAB}
        </button>
      )}
    </div>
  );
}

export function tabDomId(tabId: string): string {
  return `tab-${tabId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
export function panelDomId(tabId: string): string {
  return `panel-${tabId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The state every working connection is in: shown as a dot, so the strip has room for names. */
const ORDINARY_STATE = 'connected';

/**
 * A tab's state after its title. "connected", what nearly every tab says, is a green dot (its word
 * in the tooltip and in the tab's name, "Playground (connected)"): in words it took more of a tab
 * at 900 px than most titles, and about one and a half tabs fitted. Every other state (connecting,
 * lost, failed, read-only...) is written out, so what needs attention is never told by colour alone.
 */
function TabState({ state }: { state: string }) {
  if (state !== ORDINARY_STATE) return <span className="tab-state"> ({state})</span>;
  return (
    <span className="tab-state state-connected" title="Connected">
      <span className="state-dot" aria-hidden="true" />
      <span className="visually-hidden"> ({state})</span>
    </span>
  );
}
