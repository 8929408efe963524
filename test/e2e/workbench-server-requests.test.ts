import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { looksAt } from './support/layout-checks';

/**
 * The Requests section in Chromium on the production renderer, against the built-in playground
 * through the real core: a tool call that asks the user (ask_user, elicitation) waits until the
 * question is answered in the Requests section, and one that asks for a model reply (ask_model,
 * sampling) gets the reply typed there, order_coffee's two rounds, and sign_in's URL consent;
 * badges and the notice announce each; looked at in both
 * schemes at 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;
useE2eApp((started) => {
  app = started;
  page = started.page;
});

const { remoteItem, activePanel: panel, showSection, connect } = appLocators(() => page);
const workbench = () => panel().getByTestId('tool-workbench');
const requestsTab = () => panel().getByRole('tab', { name: /^Requests/ });
const card = () => panel().getByTestId('pending-request');
const callTool = async (name: string) => {
  await showSection('Tools');
  await expect.poll(() => panel().getByTestId('tool-item').count(), { timeout: 20_000 }).toBeGreaterThan(5);
  await panel().locator(`[data-testid="tool-item"][data-tool="${name}"]`).click();
  await expect.poll(() => workbench().getAttribute('data-tool')).toBe(name);
  await workbench().getByTestId('call-tool').click();
};
const result = () => workbench().getByTestId('call-result');

describe('requests from the server', () => {
  it('ask_user: the call waits, the badge and notice say so, the answer given in the Requests section reaches the tool', async () => {
    await expect.poll(() => remoteItem('Playground').count()).toBe(1);
    await connect('Playground');
    await callTool('ask_user');
    await expect.poll(() => requestsTab().getByTestId('count-badge').innerText(), { timeout: 10_000 }).toBe('1');
    expect(await page.getByTestId('tab').first().getByTestId('count-badge').innerText()).toBe('1');
    expect(await page.getByTestId('notices').innerText()).toContain('Playground sent a question: “Who are you, and what is your favourite colour?”');
    await requestsTab().click();
    await expect.poll(() => card().count()).toBe(1);
    await card().getByLabel(/^Your name/).fill('Ada');
    await card().getByLabel(/^Favourite colour/).selectOption('blue');
    await looksAt(app, page, 'requests-elicitation');
    await card().getByTestId('elicitation-accept').click();
    await expect.poll(() => card().count()).toBe(0);
    expect(await requestsTab().getByTestId('count-badge').count()).toBe(0);
    const settled = panel().getByTestId('settled-request').first();
    expect(await settled.getAttribute('data-outcome')).toBe('accept');
    expect(await settled.innerText()).toMatch(/by you · waited \d+/);
    await showSection('Tools');
    await expect.poll(() => result().getAttribute('data-outcome'), { timeout: 10_000 }).toBe('result');
    expect(await result().getByTestId('content-text').first().innerText()).toBe('The user answered: {"name":"Ada","colour":"blue"}');
  });

  it('ask_model: the sampling request is shown, and the reply typed in its place comes back from the tool', async () => {
    await callTool('ask_model');
    await expect.poll(() => requestsTab().getByTestId('count-badge').count(), { timeout: 10_000 }).toBe(1);
    await requestsTab().click();
    await expect.poll(() => card().getAttribute('data-method')).toBe('sampling/createMessage');
    expect(await card().innerText()).toContain('You are answering a test request from the MCP Periscope playground.');
    expect(await card().getByRole('list', { name: 'Messages to the model' }).innerText()).toContain('Say hello to the playground.');
    await card().getByLabel('Reply text').fill('Hello, playground!');
    await looksAt(app, page, 'requests-sampling');
    await card().getByTestId('sampling-reply').click();
    await expect.poll(() => card().count()).toBe(0);
    await showSection('Tools');
    await expect.poll(() => result().getAttribute('data-outcome'), { timeout: 10_000 }).toBe('result');
    expect(await result().getByTestId('content-text').first().innerText()).toBe('Model periscope-user replied: Hello, playground!');
  });

  it('order_coffee (2026-07-28): the Tools section points to the question; round 2 shows what round 1 answered', async () => {
    await callTool('order_coffee');
    const waits = workbench().getByTestId('call-waits');
    await expect.poll(() => waits.count(), { timeout: 10_000 }).toBe(1);
    await waits.getByRole('button', { name: 'Answer in the Requests section' }).click();
    await expect.poll(() => card().count()).toBe(1);
    expect(await card().innerText()).toContain('Inside your tools/call order_coffee call, round 1');
    await card().getByLabel(/^drink/i).selectOption({ label: 'latte' });
    await card().getByLabel(/^size/i).selectOption({ label: 'large' });
    await card().getByTestId('elicitation-accept').click();
    await expect.poll(() => card().getByTestId('request-message').innerText(), { timeout: 10_000 }).toBe('Order a large latte?');
    expect(await card().getByTestId('earlier-rounds').innerText()).toContain('Round 1: accepted by you — {"drink":"latte","size":"large"}');
    await card().getByRole('checkbox').check();
    await looksAt(app, page, 'requests-round-two', [900]);
    await card().getByTestId('elicitation-accept').click();
    await expect.poll(() => card().count()).toBe(0);
    await showSection('Tools');
    await expect.poll(() => result().getAttribute('data-outcome'), { timeout: 10_000 }).toBe('result');
    expect(await result().getByTestId('content-text').first().innerText()).toBe('Ordered a large latte.');
  });

  it('sign_in: the URL consent shows the host and the whole address, and the page opens only on the click', async () => {
    await callTool('sign_in');
    await expect.poll(() => requestsTab().getByTestId('count-badge').count(), { timeout: 10_000 }).toBe(1);
    await requestsTab().click();
    const consent = card().getByTestId('url-consent');
    await expect.poll(() => consent.count()).toBe(1);
    expect(await consent.getByTestId('url-host').innerText()).toBe('example.com');
    expect(await consent.getByTestId('url-full').innerText()).toBe('https://example.com/periscope-playground/sign-in?session=demo');
    await looksAt(app, page, 'requests-url-consent');
    expect(app.openedUrls).toEqual([]);
    await consent.getByRole('button', { name: 'Open example.com in the browser' }).click();
    await expect.poll(() => card().count()).toBe(0);
    expect(app.openedUrls).toEqual(['https://example.com/periscope-playground/sign-in?session=demo']);
    await showSection('Tools');
    await expect.poll(() => result().getAttribute('data-outcome'), { timeout: 10_000 }).toBe('result');
    expect(await result().getByTestId('content-text').first().innerText()).toBe('The user agreed to open the sign-in page.');
  });

  it('the history, the policy and the roots are there to be read and changed', async () => {
    await requestsTab().click();
    await expect.poll(() => panel().getByTestId('settled-request').count()).toBe(5);
    await panel().getByLabel('When this server asks').selectOption('decline');
    await expect.poll(() => panel().getByTestId('policy-active').count()).toBe(1);
    await panel().getByTestId('add-root').click();
    await panel().getByLabel('Root 1 URI').fill('file:///home/me/project');
    await looksAt(app, page, 'requests-history');
    await panel().getByLabel('When this server asks').selectOption('ask');
    await expect.poll(() => panel().getByTestId('policy-active').count()).toBe(0);
  });
});
