import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TabStrip } from '../../../renderer/components/tab-strip';
import type { Tab } from '../../../renderer/stores/ui-store';

/**
 * The ways to close a tab, each saying which tab it closes: the Close tab button beside the strip
 * (its accessible name starts with the words it shows, WCAG's label in name, then names the tab),
 * the × on each tab (a mouse shortcut: its tooltip), and Delete on a focused tab (announced).
 */
const tabs: Tab[] = [
  { id: 'c1', kind: 'connection', title: 'Playground' },
  { id: 'c2', kind: 'connection', title: 'Staging' },
];

function strip(activeTabId: string | undefined) {
  const onClose = vi.fn();
  render(<TabStrip tabs={tabs} activeTabId={activeTabId} stateOf={() => 'connected'} onActivate={() => undefined} onClose={onClose} />);
  return onClose;
}

describe('closing a tab', () => {
  it('the Close tab button names the tab it closes after the words it shows', () => {
    const onClose = strip('c2');
    const button = screen.getByRole('button', { name: 'Close tab: Staging' });
    expect(button).toHaveTextContent(/^Close tab$/);
    // Label in name: what a speech user reads on it is how the name begins.
    expect(button.getAttribute('aria-label')?.startsWith(button.textContent ?? '-')).toBe(true);
    fireEvent.click(button);
    expect(onClose).toHaveBeenCalledWith('c2');
  });

  it('is not shown with no tab in front (an editor or the auth debugger is)', () => {
    strip(undefined);
    expect(screen.queryByTestId('close-tab')).toBeNull();
  });

  it('the × on each tab says in its tooltip which tab it closes, and closes that one', () => {
    const onClose = strip('c1');
    const staging = within(screen.getByRole('tablist')).getByRole('tab', { name: 'Staging (connected)' });
    const x = staging.querySelector('.tab-x')!;
    expect(x).toHaveAttribute('title', 'Close tab: Staging');
    // Hidden from screen readers (no control inside a tab): the tab's name stays its title and state.
    expect(x).toHaveAttribute('aria-hidden', 'true');
    fireEvent.click(x);
    expect(onClose).toHaveBeenCalledWith('c2');
  });

  it('each tab announces that Delete closes it, and Delete does', () => {
    const onClose = strip('c1');
    const tab = screen.getByRole('tab', { name: 'Playground (connected)' });
    expect(tab).toHaveAttribute('aria-keyshortcuts', 'Delete');
    fireEvent.keyDown(tab, { key: 'Delete' });
    expect(onClose).toHaveBeenCalledWith('c1');
  });

  it('Home and End go to the first and the last tab, arrows wrap around (ARIA tabs pattern)', () => {
    const onActivate = vi.fn();
    const three: Tab[] = [...tabs, { id: 'c3', kind: 'connection', title: 'Production' }];
    render(<TabStrip tabs={three} activeTabId="c2" stateOf={() => 'connected'} onActivate={onActivate} onClose={() => undefined} />);
    const staging = screen.getByRole('tab', { name: 'Staging (connected)' });
    fireEvent.keyDown(staging, { key: 'End' });
    expect(onActivate).toHaveBeenLastCalledWith('c3');
    expect(screen.getByRole('tab', { name: 'Production (connected)' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Production (connected)' }), { key: 'Home' });
    expect(onActivate).toHaveBeenLastCalledWith('c1');
    expect(screen.getByRole('tab', { name: 'Playground (connected)' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Playground (connected)' }), { key: 'ArrowLeft' });
    expect(onActivate).toHaveBeenLastCalledWith('c3');
  });
});
