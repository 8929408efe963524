import type { KeyboardEvent } from 'react';

export interface SectionTab<Id extends string> {
  id: Id;
  label: string;
  /** A count that needs attention (e.g. requests waiting for an answer); shown as a badge when above 0. */
  badge?: number;
}

interface SectionTabsProps<Id extends string> {
  /** Accessible name of the tab list, e.g. "Sections of Playground". */
  label: string;
  sections: ReadonlyArray<SectionTab<Id>>;
  active: Id;
  /** Prefix of the tab and panel element ids (unique per connection). */
  idPrefix: string;
  onSelect(id: Id): void;
}

/**
 * The sections of a connection tab (ARIA tabs pattern): Left/Right move and select, Home/End go
 * to the first and last; only the selected tab is in the Tab order.
 */
export function SectionTabs<Id extends string>({ label, sections, active, idPrefix, onSelect }: SectionTabsProps<Id>) {
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = sections.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(sections[next].id);
    document.getElementById(sectionTabId(idPrefix, sections[next].id))?.focus();
  };
  return (
    <div className="section-tabs" role="tablist" aria-label={label}>
      {sections.map((section, index) => {
        const selected = section.id === active;
        return (
          <button
            key={section.id}
            type="button"
            role="tab"
            id={sectionTabId(idPrefix, section.id)}
            aria-selected={selected}
            aria-controls={selected ? sectionPanelId(idPrefix, section.id) : undefined}
            tabIndex={selected ? 0 : -1}
            className={`section-tab${selected ? ' is-active' : ''}`}
            data-testid={`section-${section.id}`}
            onClick={() => onSelect(section.id)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {section.label}
            {section.badge ? <CountBadge count={section.badge} /> : null}
          </button>
        );
      })}
    </div>
  );
}

/** A count on a tab; screen readers hear ", 2 waiting" after the tab's name. */
export function CountBadge({ count }: { count: number }) {
  return (
    <>
      <span className="count-badge" aria-hidden="true" data-testid="count-badge">
        {count}
      </span>
      <span className="visually-hidden">, {count} waiting</span>
    </>
  );
}

export function sectionTabId(prefix: string, id: string): string {
  return `${prefix}-section-${id}`;
}
export function sectionPanelId(prefix: string, id: string): string {
  return `${prefix}-section-panel-${id}`;
}
