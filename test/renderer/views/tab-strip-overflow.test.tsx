import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TabStrip } from '../../../renderer/components/tab-strip';
import type { Tab } from '../../../renderer/stores/ui-store';
import theme from '../../../renderer/styles/theme.css?raw';
import overflow from '../../../renderer/styles/overflow.css?raw';
import tabStrip from '../../../renderer/styles/tab-strip.css?raw';
import { installFakeBoxes } from '../support/fake-boxes';
import { installStyleSheets } from '../support/style-sheets';

/**
 * More open tabs than the strip fits: they scroll sideways, and a button at each end of the strip
 * counts the tabs out of view there (overlay scrollbars show nothing), a click bringing the next
 * one in. Each tab is 100 px wide, its × 14 px wide from 80 px in; the strip shows `stripWidth` of
 * them from x = 0.
 */
let stripWidth = 150;
installFakeBoxes((el) => {
  const strip = el.closest('[role="tablist"]') as HTMLElement | null;
  if (!strip) return undefined;
  if (el === strip) return { left: 0, top: 0, width: stripWidth, height: 30 };
  const tab = el.closest('[role="tab"]');
  const tabLeft = tab ? 100 * [...strip.children].indexOf(tab) - strip.scrollLeft : 0;
  if (el === tab) return { left: tabLeft, top: 0, width: 100, height: 30 };
  if (el.classList.contains('tab-x')) return { left: tabLeft + 80, top: 5, width: 14, height: 20 };
  return undefined;
});

installStyleSheets(theme, overflow, tabStrip);

const tabs: Tab[] = [
  { id: 'c1', kind: 'connection', title: 'Playground' },
  { id: 'c2', kind: 'connection', title: 'Staging' },
  { id: 'c3', kind: 'connection', title: 'Production in the EU west region behind the proxy' },
];

function strip(activeTabId = 'c1') {
  render(<TabStrip tabs={tabs} activeTabId={activeTabId} stateOf={() => 'connected'} onActivate={() => undefined} onClose={() => undefined} />);
  return screen.getByRole('tablist', { name: 'Open connections and sessions' });
}

describe('the tab strip when its tabs do not fit', () => {
  it('counts the tabs out of view at each end; a click on a count brings the next one into view', () => {
    stripWidth = 150;
    const list = strip();
    const right = screen.getByRole('button', { name: 'Scroll the tabs right: 2 tabs out of view' });
    expect(right).toHaveTextContent('2 ›');
    // Nothing is out of view on the left: that button stays in place (so the strip does not jump)
    // but does nothing, is said to be disabled, and is no Tab stop.
    const left = screen.getByTestId('tabs-left');
    expect(left).toHaveAttribute('aria-disabled', 'true');
    expect(left).toHaveAttribute('tabindex', '-1');
    expect(left).toHaveAccessibleName('Nothing more on the left of the tabs');
    expect(right).not.toHaveAttribute('tabindex');
    expect(list).toHaveClass('more-after');
    expect(list).not.toHaveClass('more-before');

    fireEvent.click(right);
    // Staging's right edge (200 px) now meets the strip's (150 px).
    expect(list.scrollLeft).toBe(50);
    act(() => {
      list.dispatchEvent(new Event('scroll'));
    });
    expect(screen.getByRole('button', { name: 'Scroll the tabs left: 1 tab out of view' })).toHaveTextContent('‹ 1');
    expect(screen.getByRole('button', { name: 'Scroll the tabs right: 1 tab out of view' })).toBeInTheDocument();
    expect(list).toHaveClass('more-before', 'more-after');
    // Something on each side: both are Tab stops.
    expect(screen.getByTestId('tabs-left')).not.toHaveAttribute('tabindex');

    fireEvent.click(screen.getByTestId('tabs-left'));
    expect(list.scrollLeft).toBe(0);
    act(() => {
      list.dispatchEvent(new Event('scroll'));
    });
    expect(screen.getByTestId('tabs-left')).toHaveAttribute('tabindex', '-1');
  });

  it('flags the counts when a tab out of view on that side failed or lost its connection, in words and with a "!"', () => {
    stripWidth = 150;
    const failed = new Set(['c3']);
    render(<TabStrip tabs={tabs} activeTabId="c1" stateOf={(tab) => (failed.has(tab.id) ? 'failed' : 'connected')} needsAttention={(tab) => failed.has(tab.id)} onActivate={() => undefined} onClose={() => undefined} />);
    const right = screen.getByRole('button', { name: 'Scroll the tabs right: 2 tabs out of view, 1 needs attention' });
    expect(right).toHaveTextContent(/^2! ›$/);
    expect(right.querySelector('.scroll-more-flag')).toHaveAttribute('aria-hidden', 'true');
    // Scrolled to the end: the failed tab is in view, and the left count (Playground) has nothing to flag.
    const list = screen.getByRole('tablist');
    list.scrollLeft = 150;
    act(() => {
      list.dispatchEvent(new Event('scroll'));
    });
    expect(screen.getByRole('button', { name: 'Scroll the tabs left: 2 tabs out of view' })).toHaveTextContent(/^‹ 2$/);
    expect(screen.getByTestId('tabs-right')).toHaveAccessibleName('Nothing more on the right of the tabs');
  });

  it('shows no scroll buttons when every tab fits', () => {
    stripWidth = 400;
    strip();
    expect(screen.queryByTestId('tabs-left')).toBeNull();
    expect(screen.queryByTestId('tabs-right')).toBeNull();
  });

  it('a long title is cut in the strip but whole in its tooltip and in the tab\'s name', () => {
    stripWidth = 400;
    const list = strip('c3');
    const tab = within(list).getByRole('tab', { name: 'Production in the EU west region behind the proxy (connected)' });
    expect(tab.querySelector('.tab-title')).toHaveAttribute('title', 'Production in the EU west region behind the proxy');
  });

  it('a tab cut at the strip\'s start shows the start of its name where its state was, not "(connected) ×"', () => {
    stripWidth = 150;
    const list = strip();
    const scrollTo = (left: number) =>
      act(() => {
        list.scrollLeft = left;
        list.dispatchEvent(new Event('scroll'));
      });
    // Staging (100 to 200 px) scrolled 30 px past the strip's start; Playground wholly out of view.
    scrollTo(130);
    const [playground, staging, production] = within(list).getAllByRole('tab');
    expect(staging).toHaveAttribute('data-cut-start');
    // Its name is drawn from the strip's start (30 px into the tab; the style sheet adds the
    // fade's width) up to its × (50 px further on).
    expect(staging.style.getPropertyValue('--name-start')).toBe('30px');
    expect(staging.style.getPropertyValue('--name-room')).toBe('50px');
    expect(playground).not.toHaveAttribute('data-cut-start');
    expect(production).not.toHaveAttribute('data-cut-start');
    // The words under the drawn name go clear, by colour: the tab's name still says its state.
    expect(getComputedStyle(staging.querySelector('.tab-state')!).color).toBe('transparent');
    expect(getComputedStyle(staging.querySelector('.tab-title')!).color).toBe('transparent');
    expect(staging).toHaveAccessibleName('Staging (connected)');
    expect(getComputedStyle(production.querySelector('.tab-state')!).color).not.toBe('transparent');

    // Scrolled back, it shows whole again: its own title and state.
    scrollTo(0);
    expect(staging).not.toHaveAttribute('data-cut-start');
    expect(staging.style.getPropertyValue('--name-start')).toBe('');
  });
});
