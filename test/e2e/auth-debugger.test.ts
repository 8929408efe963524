import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { parseAuthDebugRun } from '../../main/core/auth-debug/run-file';
import { startOAuthFixture, type OAuthFixture } from '../fixtures/oauth/oauth-fixture';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';
import { boxOf, looksAt, resizeViewport } from './support/layout-checks';
import { refusedUrl } from '../support/refused-port';

/**
 * The guided auth debugger in Chromium on the production renderer, through the real core, against
 * the oidc-provider fixture (test/fixtures/oauth): opened from a saved remote's card with no
 * connection, one step per "Next step" (the authorization step goes to the e2e bridge's opener,
 * which follows the URL with fetch), the sequence diagram, and "Export run…" to a file with no
 * secret in it. Looked at in both schemes at 900 and 1600 px.
 */
let app: E2eApp;
let page: Page;
let fixture: OAuthFixture;

beforeAll(async () => {
  fixture = await startOAuthFixture();
});

useE2eApp(async (started) => {
  app = started;
  page = started.page;
});

const servers: Server[] = [];
afterAll(async () => {
  await fixture?.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** An MCP server that asks for authorization and names `authorizationServer` in its metadata; resolves to its URL. */
async function serverNamingAuthorizationServer(authorizationServer: string): Promise<string> {
  const server = createServer((request, response) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url?.startsWith('/.well-known/oauth-protected-resource')) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ resource: `${origin}/mcp`, authorization_servers: [authorizationServer] }));
    } else {
      response.writeHead(401, { 'www-authenticate': `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"` }).end();
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
}

const { remoteItem } = appLocators(() => page);
const debuggerView = () => page.getByTestId('auth-debugger');

/** Wholly in the debugger's pane, below its toolbar (which is itself at the pane's top or below). */
async function underToolbar(part: Locator): Promise<boolean> {
  const pane = await boxOf(debuggerView());
  const bar = await boxOf(debuggerView().getByTestId('auth-debug-toolbar'));
  const box = await boxOf(part);
  return bar.y >= pane.y - 0.5 && box.y >= bar.y + bar.height - 0.5 && box.y + box.height <= pane.y + pane.height + 0.5;
}
/** The page's own, in the functions given to evaluate (this file is compiled without the DOM's types). */
declare function getComputedStyle(element: unknown): { color: string; borderTopStyle: string; borderBottomStyle: string; borderBottomColor: string };
const focused = (part: Locator) => part.evaluate((element) => element.matches(':focus'));

describe('the auth debugger', () => {
  it('opens from a saved remote\'s card and walks through every step, one click each, with no connection', async () => {
    await page.getByTestId('new-remote').click();
    const form = page.getByTestId('remote-form');
    await form.getByLabel('Name', { exact: true }).fill('Protected');
    await form.getByLabel('Transport').selectOption('streamable');
    await form.getByLabel('URL', { exact: true }).fill(fixture.mcpUrl);
    await form.getByTestId('save-remote').click();
    await expect.poll(() => remoteItem('Protected').count(), { timeout: 10_000 }).toBe(1);

    await remoteItem('Protected').getByTestId('more-actions').click();
    await remoteItem('Protected').getByRole('button', { name: 'Debug the authorization of Protected' }).click();
    await expect.poll(() => debuggerView().isVisible()).toBe(true);
    // At 900 px, where the steps soon go below the fold.
    await resizeViewport(page, { width: 900, height: 700 });
    await debuggerView().getByTestId('auth-debug-start').click();
    const next = debuggerView().getByTestId('auth-debug-next');
    await expect.poll(() => next.innerText()).toBe('Next step: Unauthenticated request and its challenge');

    const steps = debuggerView().getByTestId('auth-debug-step');
    const status = debuggerView().getByTestId('auth-debug-status');
    for (let n = 1; n <= 8; n++) {
      await next.click();
      await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(n);
      // The step just added is brought into view under the toolbar (Next step stays in view at the
      // pane's top), and the status line says it; the focus stays on Next step, then, the run over,
      // goes to the last step's heading.
      const heading = steps.nth(n - 1).getByRole('heading', { level: 3 });
      await expect.poll(() => underToolbar(heading), { timeout: 5000 }).toBe(true);
      const [pane, button] = [await boxOf(debuggerView()), await boxOf(next)];
      expect(button.y >= pane.y - 0.5 && button.y + button.height <= pane.y + pane.height, 'Next step in view').toBe(true);
      const title = (await heading.locator('span').first().innerText()).replace(/^\d+\.\s*/, '');
      expect(await status.textContent()).toMatch(new RegExp(`^Run on http://127\\.0\\.0\\.1:\\d+/mcp: ${n} of 8 steps.* · step ${n} added: ${title.replace(/[()]/g, '\\$&')} \\(Pass\\)$`));
      await expect.poll(() => focused(n < 8 ? next : heading)).toBe(true);
      if (n === 1) {
        expect(await steps.nth(0).getAttribute('data-verdict')).toBe('pass');
        await steps.nth(0).getByTestId('auth-debug-exchange').locator('summary').click();
        expect(await steps.nth(0).getByTestId('auth-debug-exchange').innerText()).toContain('www-authenticate: Bearer resource_metadata=');
        await looksAt(app, page, 'auth-debugger-first-step');
      }
    }
    expect(await steps.evaluateAll((sections) => sections.map((s) => [s.getAttribute('data-step'), s.getAttribute('data-verdict')]))).toEqual([
      ['challenge', 'pass'],
      ['resource-metadata', 'pass'],
      ['authorization-server-metadata', 'pass'],
      ['client-registration', 'pass'],
      ['authorization-request', 'pass'],
      ['authorization-response', 'pass'],
      ['token-request', 'pass'],
      ['authenticated-request', 'pass'],
    ]);
    expect(await next.innerText()).toBe('Run finished');
    expect(await next.isDisabled()).toBe(true);
    expect((await debuggerView().getByTestId('auth-debug-status').textContent())!.replace(/\s+/g, ' ')).toMatch(/^Run on http:\/\/127\.0\.0\.1:\d+\/mcp: 8 of 8 steps · result Pass · step 8/);
    const diagram = await debuggerView().getByTestId('auth-debug-diagram').innerText();
    expect(diagram).toMatch(/Client\s+Browser\s+MCP server\s+Auth server/);
    expect(diagram).toMatch(/8\. Authenticated request\s+Pass/);
    // At 900 px (the sidebar at its usual width) every lane's name is whole, inside the diagram,
    // and the diagram does not scroll sideways: it shares out the width the pane has.
    await resizeViewport(page, { width: 900, height: 700 });
    const figure = debuggerView().getByTestId('auth-debug-diagram');
    expect(await figure.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const area = await boxOf(figure);
    const lanes = figure.getByTestId('sequence-lane');
    expect(await lanes.allInnerTexts()).toEqual(['Client', 'Browser', 'MCP server', 'Auth server']);
    for (const lane of await lanes.all()) {
      const box = await boxOf(lane);
      expect(box.x >= area.x - 0.5 && box.x + box.width <= area.x + area.width + 0.5, `${await lane.innerText()} inside the diagram`).toBe(true);
      expect(await lane.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1), `${await lane.innerText()} not cut`).toBe(true);
    }
    // Each arrow runs between the lifelines of its two lanes and stays inside the diagram.
    for (const arrow of await figure.getByTestId('sequence-arrow').all()) {
      const line = await boxOf(arrow.locator('.sequence-line'));
      expect(line.x + line.width).toBeLessThanOrEqual(area.x + area.width + 0.5);
    }
    // At 900 px the diagram is under every step: "Show the diagram", in the toolbar, brings it in
    // under the toolbar and moves the focus to it.
    const shownDiagram = debuggerView().getByRole('figure', { name: 'Sequence of the run' });
    const showDiagram = debuggerView().getByRole('button', { name: 'Show the diagram' });
    await debuggerView().evaluate((pane) => (pane.scrollTop = 0));
    expect(await underToolbar(shownDiagram.locator('figcaption'))).toBe(false);
    await showDiagram.click();
    await expect.poll(() => underToolbar(shownDiagram.locator('figcaption'))).toBe(true);
    expect(await focused(shownDiagram)).toBe(true);
    // Scrolled further, its lanes stay in view just under the toolbar.
    await debuggerView().evaluate((pane) => (pane.scrollTop += 300));
    expect(await underToolbar(figure.locator('.sequence-lanes'))).toBe(true);
    // "Back to step N", in its caption, brings the last step back under the toolbar, with the focus.
    const backToStep = shownDiagram.getByRole('button', { name: /^Back to step \d+$/ });
    const lastStep = steps.last();
    await backToStep.click();
    await expect.poll(() => underToolbar(lastStep)).toBe(true);
    expect(await focused(lastStep.getByRole('heading', { level: 3 }))).toBe(true);
    // At 1600 px it is beside the steps, with no button to go there.
    await resizeViewport(page, { width: 1600, height: 1000 });
    expect(await showDiagram.isVisible()).toBe(false);
    expect(await backToStep.isVisible()).toBe(false);
    const [column, beside] = [await boxOf(debuggerView().locator('.auth-debugger-steps')), await boxOf(shownDiagram)];
    expect(beside.x).toBeGreaterThanOrEqual(column.x + column.width);
    await resizeViewport(page, { width: 900, height: 700 });
    // No connection was opened for any of it.
    expect(await remoteItem('Protected').getByTestId('remote-state').getAttribute('data-state')).not.toBe('connected');
    // Masked in the window: the code and the tokens never reach the renderer.
    const shown = await debuggerView().innerText();
    for (const secret of fixture.issued.filter((s) => s.length >= 8)) expect(shown.includes(secret)).toBe(false);
    await steps.nth(5).scrollIntoViewIfNeeded();
    await looksAt(app, page, 'auth-debugger-finished');
  });

  it('exports the whole run to one file, masked, that reads back', async () => {
    const path = join(app.dataDir, 'auth-run.json');
    app.dialogs.answerNext(path);
    await debuggerView().getByTestId('auth-debug-export').click();
    await expect.poll(() => page.getByText(`Exported the auth debugger run to ${path}.`).count()).toBe(1);
    const text = readFileSync(path, 'utf8');
    const run = parseAuthDebugRun(text);
    expect(run.steps).toHaveLength(8);
    for (const secret of fixture.issued.filter((s) => s.length >= 8)) expect(text.includes(secret)).toBe(false);
  });

  it('a URL that does not fit is refused in words under the field, a missing scheme with a one-click fix; Close goes back', async () => {
    await debuggerView().getByTestId('auth-debug-close').click();
    expect(await page.getByTestId('open-auth-debugger').getAttribute('aria-current')).toBeNull();
    await page.getByTestId('open-auth-debugger').click();
    // The header's button says which view is shown, as a selected tab would.
    expect(await page.getByTestId('open-auth-debugger').getAttribute('aria-current')).toBe('page');
    const field = debuggerView().getByTestId('auth-debug-url');
    await field.fill('ftp://example.com/mcp');
    await debuggerView().getByTestId('auth-debug-start').click();
    // Said by the app under the field (not the browser's own bubble), and nothing is started.
    expect(await debuggerView().getByTestId('auth-debug-url-problem').innerText()).toMatch(/works with HTTP servers .* not ftp:\/\//);
    expect(await field.evaluate((el) => el.matches(':focus'))).toBe(true);
    expect(await debuggerView().getByTestId('auth-debug-status').count()).toBe(0);
    await field.fill('localhost:3000/mcp');
    await debuggerView().getByTestId('auth-debug-start').click();
    expect(await debuggerView().getByTestId('auth-debug-url-problem').innerText()).toMatch(/did you mean http:\/\/localhost:3000\/mcp\?/);
    await looksAt(app, page, 'auth-debugger-url-problem');
    await debuggerView().getByRole('button', { name: 'Use http://localhost:3000/mcp' }).click();
    expect(await field.inputValue()).toBe('http://localhost:3000/mcp');
    expect(await debuggerView().getByTestId('auth-debug-url-problem').count()).toBe(0);
    await debuggerView().getByTestId('auth-debug-close').click();
    await expect.poll(() => debuggerView().count()).toBe(0);
    expect(await page.getByTestId('open-auth-debugger').getAttribute('aria-current')).toBeNull();
  });

  it('a request with no answer is drawn as a dashed note at the client, not a reply; one never sent (port 9) as a stub that stops short of the server', async () => {
    await page.getByTestId('open-auth-debugger').click();
    const field = debuggerView().getByTestId('auth-debug-url');
    const steps = debuggerView().getByTestId('auth-debug-step');
    const figure = debuggerView().getByTestId('auth-debug-diagram');
    /** Runs the `count` steps a run on `url` has (its last request fails), and waits for them. */
    const runSteps = async (url: string, count: number) => {
      await field.fill(url);
      await debuggerView().getByTestId('auth-debug-start').click();
      await expect.poll(() => debuggerView().getByTestId('auth-debug-next').innerText()).toBe('Next step: Unauthenticated request and its challenge');
      for (let n = 1; n <= count; n++) {
        await debuggerView().getByTestId('auth-debug-next').click();
        await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(n);
      }
      await expect.poll(() => debuggerView().getByTestId('auth-debug-next').innerText()).toBe('Run finished');
    };
    /** The middle of a lane's heading: where its lifeline runs. */
    const lifeline = async (n: number) => {
      const lane = await boxOf(figure.getByTestId('sequence-lane').nth(n));
      return lane.x + lane.width / 2;
    };
    // The failure colour, as the last step's Fail badge has it.
    const failColour = () => steps.last().locator('.verdict-fail').evaluate((el) => getComputedStyle(el).color);

    await runSteps(await refusedUrl(), 1);
    const [request, missing] = await figure.getByTestId('sequence-arrow').all();
    expect(await missing!.getAttribute('data-missing')).toBe('no-answer');
    // The request is a solid line to the MCP server's lifeline; the missing answer has no line at
    // all: a dashed note, in the failure colour, that starts at the client's lifeline.
    const sent = await boxOf(request!.locator('.sequence-line'));
    expect(Math.abs(sent.x + sent.width - (await lifeline(2)))).toBeLessThan(3);
    expect(await missing!.locator('.sequence-line').count()).toBe(0);
    const note = missing!.locator('.sequence-note');
    const noteStyle = await note.evaluate((el) => ({ border: getComputedStyle(el).borderTopStyle, color: getComputedStyle(el).color }));
    expect(noteStyle).toEqual({ border: 'dashed', color: await failColour() });
    expect(Math.abs((await boxOf(note)).x - (await lifeline(0)))).toBeLessThan(3);
    expect(await note.innerText()).toMatch(/✗ no answer: connection refused$/);
    await debuggerView().getByTestId('auth-debug-show-diagram').click();
    await looksAt(app, page, 'auth-debugger-no-answer');

    // The Server URL field refuses port 9 itself (as the remote editor does); a server can still
    // name an authorization server on it, whose metadata request fetch then refuses to send.
    await runSteps(await serverNamingAuthorizationServer('http://127.0.0.1:9'), 3);
    expect(await steps.last().getByTestId('auth-debug-stopped').innerText()).toMatch(/^The run stops here: The request to the authorization server was not sent: Port 9 of http:\/\/127\.0\.0\.1:9\/\S+ is on the Fetch standard's list of blocked ports/);
    expect(await debuggerView().innerText()).not.toMatch(/did not answer|no answer/);
    const unsent = figure.locator('[data-missing]');
    expect(await unsent.count()).toBe(1);
    expect(await unsent.getAttribute('data-missing')).toBe('not-sent');
    expect(await unsent.innerText()).toMatch(/GET authorization server metadata not sent: port 9 is on the Fetch standard's list of blocked ports$/);
    // A dashed stub in the failure colour from the client's lifeline that ends (in ✗) before the
    // browser's: the request is not drawn reaching the authorization server.
    const stub = unsent.locator('.sequence-line');
    const stubBox = await boxOf(stub);
    expect(Math.abs(stubBox.x - (await lifeline(0)))).toBeLessThan(3);
    expect(stubBox.x + stubBox.width).toBeLessThan(await lifeline(1));
    expect(await stub.evaluate((el) => [getComputedStyle(el).borderBottomStyle, getComputedStyle(el).borderBottomColor])).toEqual(['dashed', await failColour()]);
    await debuggerView().getByTestId('auth-debug-show-diagram').click();
    await looksAt(app, page, 'auth-debugger-not-sent');
    await debuggerView().getByTestId('auth-debug-close').click();
  });

  it('on the playground, which asks for no authorization, the run ends neutrally after two steps, each verdict shown once', async () => {
    await remoteItem('Playground').getByTestId('more-actions').click();
    await remoteItem('Playground').getByRole('button', { name: 'Debug the authorization of Playground' }).click();
    await expect.poll(() => debuggerView().isVisible()).toBe(true);
    await debuggerView().getByTestId('auth-debug-start').click();
    const next = debuggerView().getByTestId('auth-debug-next');
    const steps = debuggerView().getByTestId('auth-debug-step');
    for (let n = 1; n <= 2; n++) {
      await expect.poll(() => next.isEnabled(), { timeout: 20_000 }).toBe(true);
      await next.click();
      await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(n);
    }
    await expect.poll(() => next.innerText()).toBe('Run finished');
    expect(await steps.evaluateAll((sections) => sections.map((s) => [s.getAttribute('data-step'), s.getAttribute('data-verdict')]))).toEqual([
      ['challenge', 'info'],
      ['resource-metadata', 'info'],
    ]);
    expect(await debuggerView().getByTestId('auth-debug-stopped').innerText()).toBe('The run stops here: This server does not ask for authorization: no OAuth flow to debug.');
    // The toolbar says why the run ended at 2 of 8, whole on screen at 900 px.
    await resizeViewport(page, { width: 900, height: 700 });
    const status = debuggerView().getByTestId('auth-debug-status');
    expect((await status.textContent())!.replace(/\s+/g, ' ')).toMatch(/^Run on http:\/\/127\.0\.0\.1:\d+\/mcp: 2 of 8 steps · result Info · stopped: This server does not ask for authorization: no OAuth flow to debug · step 2 added/);
    const reason = status.getByTestId('auth-debug-stop-reason');
    expect(await reason.evaluate((button) => button.scrollHeight <= button.clientHeight && button.scrollWidth <= button.clientWidth)).toBe(true);
    // Nothing says it failed, and each step shows its verdict once: the badge in its heading.
    expect(await debuggerView().locator('.auth-debugger-steps').innerText()).not.toMatch(/\bFail\b/);
    for (const step of await steps.all()) expect(await step.locator('.verdict-badge').allInnerTexts()).toEqual(['Info']);
    await looksAt(app, page, 'auth-debugger-playground');
  });

  it('while a run is under way the Server URL shows the URL it runs and cannot be changed under it; the status line names it; End run opens the fields', async () => {
    await page.getByTestId('open-auth-debugger').click();
    await expect.poll(() => debuggerView().isVisible()).toBe(true);
    await resizeViewport(page, { width: 900, height: 700 });
    const field = debuggerView().getByTestId('auth-debug-url');
    const next = debuggerView().getByTestId('auth-debug-next');
    const status = debuggerView().getByTestId('auth-debug-status');
    await field.fill(fixture.mcpUrl);
    await debuggerView().getByTestId('auth-debug-start').click();
    await next.click();
    await expect.poll(() => debuggerView().getByTestId('auth-debug-step').count(), { timeout: 20_000 }).toBe(1);
    expect((await status.textContent())!.replace(/\s+/g, ' ')).toMatch(new RegExp(`^Run on ${fixture.mcpUrl.replace(/[./]/g, '\\$&')}: 1 of 8 steps`));
    // The whole URL is on screen at 900 px, not cut.
    const runUrl = status.getByTestId('auth-debug-run-url');
    expect(await runUrl.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    // As the tester did: another URL typed in mid-run. The field keeps the run's URL.
    await field.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('/other');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('https://other.example.com/mcp');
    expect(await field.inputValue()).toBe(fixture.mcpUrl);
    expect(await debuggerView().getByTestId('auth-debug-locked-note').innerText()).toBe('The run under way uses these settings: End run to change them.');
    expect(await next.innerText()).toBe('Next step: Protected resource metadata');
    await looksAt(app, page, 'auth-debugger-run-under-way');
    // End run: nothing comes next, the steps stay, and the focus is in the field, which now changes.
    await debuggerView().getByTestId('auth-debug-end-run').click();
    expect(await focused(field)).toBe(true);
    expect(await next.innerText()).toBe('Run ended');
    expect((await status.textContent())!.replace(/\s+/g, ' ')).toMatch(/: 1 of 8 steps · result Pass · ended by you before step 2 \(Protected resource metadata\)/);
    await field.fill('https://other.example.com/mcp');
    expect(await debuggerView().getByTestId('auth-debug-start').innerText()).toBe('Start a new run');
    await looksAt(app, page, 'auth-debugger-run-ended');
    await debuggerView().getByTestId('auth-debug-close').click();
  });

  it('a saved WebSocket remote is said to be out of reach before Start, which is disabled; a refusal from main puts the focus on the problem', async () => {
    await page.getByTestId('new-remote').click();
    const form = page.getByTestId('remote-form');
    await form.getByLabel('Name', { exact: true }).fill('Sockets');
    // Auto-detect with a ws:// URL connects over WebSocket: its card offers no Debug auth, but the
    // header's button opens the debugger on the remote of the tab in front, whatever it is.
    await form.getByLabel('Transport').selectOption('auto');
    await form.getByLabel('URL', { exact: true }).fill('ws://127.0.0.1:3999/mcp');
    await form.getByTestId('save-remote').click();
    await expect.poll(() => remoteItem('Sockets').count(), { timeout: 10_000 }).toBe(1);
    await remoteItem('Sockets').getByTestId('more-actions').click();
    expect(await remoteItem('Sockets').getByRole('button', { name: 'Debug the authorization of Sockets' }).count()).toBe(0);
    await remoteItem('Sockets').getByTestId('connect-button').click();
    await expect.poll(() => remoteItem('Sockets').getByTestId('remote-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('failed');
    await page.getByTestId('open-auth-debugger').click();
    await expect.poll(() => debuggerView().isVisible()).toBe(true);
    const problem = debuggerView().getByTestId('auth-debug-remote-problem');
    expect(await problem.innerText()).toBe('The auth debugger works with HTTP servers (Streamable HTTP or SSE): this remote uses WebSocket (ws://127.0.0.1:3999/mcp). To debug a server over HTTP, use another URL.');
    const start = debuggerView().getByTestId('auth-debug-start');
    expect(await start.isDisabled()).toBe(true);
    // From the fields, Tab passes the disabled Start for Close: the focus never falls to the page.
    await debuggerView().getByTestId('auth-debug-scope').focus();
    await page.keyboard.press('Tab');
    expect(await focused(debuggerView().getByTestId('auth-debug-close'))).toBe(true);
    await looksAt(app, page, 'auth-debugger-websocket-remote');
    await debuggerView().getByTestId('auth-debug-close').click();

    // A remote main no longer has (deleted while the debugger was open): main refuses the Start,
    // and the focus goes from the disabled Start to the problem, not to the page.
    await page.getByTestId('new-remote').click();
    await form.getByLabel('Name', { exact: true }).fill('Gone');
    await form.getByLabel('Transport').selectOption('streamable');
    await form.getByLabel('URL', { exact: true }).fill(fixture.mcpUrl);
    await form.getByTestId('save-remote').click();
    await expect.poll(() => remoteItem('Gone').count(), { timeout: 10_000 }).toBe(1);
    await remoteItem('Gone').getByTestId('more-actions').click();
    await remoteItem('Gone').getByRole('button', { name: 'Debug the authorization of Gone' }).click();
    await expect.poll(() => debuggerView().isVisible()).toBe(true);
    // The card's actions are still open from Debug auth.
    await remoteItem('Gone').getByTestId('delete-remote').click();
    await page.getByTestId('confirm-accept').click();
    await expect.poll(() => remoteItem('Gone').count()).toBe(0);
    await start.focus();
    await page.keyboard.press('Enter');
    const notice = debuggerView().getByTestId('auth-debug-error');
    await expect.poll(() => notice.count()).toBe(1);
    await expect.poll(() => focused(notice)).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { tagName: string } } }).document.activeElement.tagName)).not.toBe('BODY');
    await debuggerView().getByTestId('auth-debug-close').click();
  });
});
