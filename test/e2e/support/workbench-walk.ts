import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { appLocators } from './app-locators';
import { callToolAndWait } from './tool-calls';

/**
 * The locators and steps of a walk through a connection tab's workbench, shared by the walks in
 * each protocol era (fresh-eyes-workbench.test.ts, fresh-eyes-legacy-era.test.ts).
 */
export function workbenchWalk(getPage: () => Page) {
  const locators = appLocators(getPage);
  const { activePanel: panel, showSection } = locators;
  const workbench = () => panel().getByTestId('tool-workbench');
  const result = () => workbench().getByTestId('call-result');
  const card = () => panel().getByTestId('pending-request');
  const requestsTab = () => panel().getByRole('tab', { name: /^Requests/ });

  async function chooseTool(name: string): Promise<void> {
    await showSection('Tools');
    await expect.poll(() => panel().getByTestId('tool-item').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    await panel().locator(`[data-testid="tool-item"][data-tool="${name}"]`).click();
    await expect.poll(() => workbench().getAttribute('data-tool')).toBe(name);
  }

  async function callAndWait(outcome = 'result'): Promise<void> {
    await callToolAndWait(workbench(), outcome);
  }

  return { ...locators, panel, workbench, result, card, requestsTab, chooseTool, callAndWait };
}

/** Starts collecting the page's Content-Security-Policy violations (an inline <style> or script the policy blocks). */
export async function watchCspViolations(page: Page): Promise<() => Promise<unknown>> {
  await page.evaluate(`
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));
  `);
  return () => page.evaluate('window.cspViolations');
}
