import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * The places every end-to-end test reaches for, given the page once it exists (tests assign it
 * in beforeAll): a remote's card, the open tab's panel, a section of it, and connecting.
 */
export function appLocators(page: () => Page) {
  const remoteItem = (name: string) => page().locator(`[data-testid="remote-item"][aria-label="${name}"]`);
  /** The open tab's panel (a connection tab holds its section panel inside). */
  const activePanel = () => page().locator('[role="tabpanel"]').first();
  /** Opens a section of the open connection tab: Overview, Tools, Resources, Prompts, Requests, Logs, Trace or Latency. */
  const showSection = (name: string) => activePanel().getByRole('tab', { name, exact: true }).click();
  /** Presses Connect on the card and waits until the connection is up or has failed (20 s at most). */
  const connect = async (name: string): Promise<void> => {
    await remoteItem(name).getByTestId('connect-button').click();
    await expect.poll(() => remoteItem(name).getByTestId('remote-state').getAttribute('data-state'), { timeout: 20_000 }).toMatch(/connected|failed/);
  };
  return { remoteItem, activePanel, showSection, connect };
}
