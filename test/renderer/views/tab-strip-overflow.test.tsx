import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TabStrip } from '../../../renderer/components/tab-strip';
import type { Tab } from '../../../renderer/stores/ui-store';
import { installFakeBoxes } from '../support/fake-boxes';

/**
 * More open tabs than the strip fits: they scroll sideways, and a button at each end of the strip
 * counts the tabs out of view there (overlay scrollbars show nothing), a click bringing the next
 * one in. Each tab is 100 px wide; the strip shows `stripWidth` of them from x = 0.
 */
let stripWidth = 150;
installFakeBoxes((el) => {
  const strip = el.closest('[role="tablist"]') as HTMLElement | null;
  if (!strip) return undefined;
  if (el === strip) return { left: 0, top: 0, width: stripWidth, height: 30 };
  if (el.getAttribute('role') === 'tab') return { left: 100 * [...strip.children].indexOf(el) - strip.scrollLeft, top: 0, width: 100, height: 30 };
  return undefined;
});

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
});
