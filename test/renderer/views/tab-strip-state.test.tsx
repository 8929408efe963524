import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TabStrip } from '../../../renderer/components/tab-strip';
import type { Tab } from '../../../renderer/stores/ui-store';
import theme from '../../../renderer/styles/theme.css?raw';
import remoteList from '../../../renderer/styles/remote-list.css?raw';
import tabStrip from '../../../renderer/styles/tab-strip.css?raw';
import { installStyleSheets } from '../support/style-sheets';

/**
 * Each tab's state after its title. "connected", what nearly every tab says, took more room in
 * words than most titles at 900 px: it is a dot, its word kept in the tooltip and the tab's name.
 * Every other state is written out, so a state that needs attention never hides in a colour.
 */
installStyleSheets(theme, remoteList, tabStrip);

const STATES = ['connected', 'connecting', 'lost', 'failed', 'closed', 'idle', 'read-only', 'running', 'passed'];
const tabs: Tab[] = STATES.map((state) => ({ id: state, kind: 'connection', title: `Server ${state}` }));

function renderStrip() {
  render(<TabStrip tabs={tabs} activeTabId="connected" stateOf={(tab) => tab.id} onActivate={() => undefined} onClose={() => undefined} />);
  return screen.getByRole('tablist');
}

/** Whether the element is clipped to nothing (the app's visually-hidden rule): read, not seen. */
function isVisuallyHidden(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).width === '1px' && getComputedStyle(e).position === 'absolute') return true;
  return false;
}

describe('a tab\'s state', () => {
  it('connected: a green dot, its word in the tooltip and the tab\'s name but not on screen', () => {
    const tab = within(renderStrip()).getByRole('tab', { name: 'Server connected (connected)' });
    const state = tab.querySelector('.tab-state')!;
    expect(state).toHaveAttribute('title', 'Connected');
    const dot = state.querySelector('.state-dot')!;
    expect(dot).toHaveAttribute('aria-hidden', 'true');
    expect(getComputedStyle(dot).backgroundColor).toBe(getComputedStyle(document.documentElement).getPropertyValue('--ok').trim());
    expect(isVisuallyHidden(within(tab).getByText('(connected)', { exact: false }))).toBe(true);
  });

  it.each(STATES.filter((s) => s !== 'connected'))('%s: written out on the tab, no dot', (state) => {
    const tab = within(renderStrip()).getByRole('tab', { name: `Server ${state} (${state})` });
    const word = within(tab).getByText(`(${state})`, { exact: false });
    expect(isVisuallyHidden(word)).toBe(false);
    expect(tab.querySelector('.state-dot')).toBeNull();
  });
});
