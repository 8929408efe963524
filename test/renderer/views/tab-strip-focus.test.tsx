import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TabStrip, tabDomId } from '../../../renderer/components/tab-strip';
import type { Tab } from '../../../renderer/stores/ui-store';
import theme from '../../../renderer/styles/theme.css?raw';
import overflow from '../../../renderer/styles/overflow.css?raw';
import tabStrip from '../../../renderer/styles/tab-strip.css?raw';
import { installStyleSheets } from '../support/style-sheets';

/**
 * The tab strip scrolls sideways, so it clips whatever is drawn outside a tab: the focus ring of
 * the tab in front was cut off along its top. It is drawn inside the tab instead, and a tab
 * brought into view stops clear of the fade on an edge with more (the fade would dim its ring).
 */
installStyleSheets(theme, overflow, tabStrip);

const tabs: Tab[] = [
  { id: 'c1', kind: 'connection', title: 'Playground' },
  { id: 'c2', kind: 'connection', title: 'Staging' },
];

describe('the focus in the tab strip', () => {
  it('the focused tab has its ring inside its own box', () => {
    render(<TabStrip tabs={tabs} activeTabId="c1" stateOf={() => 'connected'} onActivate={() => undefined} onClose={() => undefined} />);
    // By id, not by role: happy-dom keeps an element's computed style from before it took the focus.
    const tab = document.getElementById(tabDomId('c1'))!;
    fireEvent.keyDown(document.body, { key: 'Tab' });
    tab.focus();
    expect(tab).toHaveFocus();
    expect(tab.matches(':focus-visible')).toBe(true);
    const style = getComputedStyle(tab);
    expect(style.outline).toContain('solid');
    const [width, offset] = [parseFloat(style.outlineWidth), parseFloat(style.outlineOffset)];
    expect(width).toBeGreaterThanOrEqual(2);
    // The ring's outer edge at `offset + width` from the tab's border edge: inside when not above 0.
    expect(offset + width).toBeLessThanOrEqual(0);
  });

  it('a tab brought into view stops clear of the fade on each side with more', () => {
    render(<TabStrip tabs={tabs} activeTabId="c1" stateOf={() => 'connected'} onActivate={() => undefined} onClose={() => undefined} />);
    const strip = screen.getByRole('tablist');
    expect(getComputedStyle(strip).getPropertyValue('scroll-padding-inline')).toBe('0px 0px');
    strip.classList.add('more-before', 'more-after');
    const fade = getComputedStyle(strip).getPropertyValue('--fade-before');
    expect(parseFloat(fade)).toBeGreaterThan(0);
    expect(getComputedStyle(strip).getPropertyValue('scroll-padding-inline')).toBe(`${fade} ${fade}`);
  });
});
