import { describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/axe-scan';
import { appLocators } from './support/app-locators';
import type { E2eApp } from './support/e2e-app';
import { useE2eApp } from './support/e2e-lifecycle';

const SECRET = 'Bearer e2e-secret-7c41f09a';

let app: E2eApp;
let page: Page;
useE2eApp((started) => {
  app = started;
  page = started.page;
});

const { remoteItem, activePanel, showSection, connect } = appLocators(() => page);

async function traceText(): Promise<string> {
  await showSection('Trace');
  return (await activePanel().getByTestId('trace-view').innerText()).toLowerCase();
}

async function freePortNobodyListensOn(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('MCP Periscope in Chromium, real core behind the test bridge', () => {
  it('greets a first launch with the built-in Playground remote, accessibly', async () => {
    await expect.poll(() => remoteItem('Playground').count()).toBe(1);
    await app.screenshot('remotes');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('adds a remote with a secret header: the value goes to the keychain and never comes back', async () => {
    await page.getByTestId('new-remote').click();
    const form = page.getByTestId('remote-form');
    await form.getByTestId('remote-name').fill('Secured demo');
    await form.getByTestId('remote-transport').selectOption('streamable');
    await form.getByTestId('remote-url').fill('http://playground.localhost/mcp');
    await form.getByTestId('add-header').click();
    await form.getByLabel('Header 1 name').fill('Authorization');
    await form.getByLabel('Header 1 value').fill(SECRET);
    await form.getByLabel('Header 1 secret').check();
    await app.screenshot('remote-editor');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByTestId('save-remote').click();
    await expect.poll(() => remoteItem('Secured demo').count()).toBe(1);

    const saved = (await app.core.remotes.list()).find((r) => r.name === 'Secured demo')!;
    expect(saved.headers[0]).toMatchObject({ name: 'Authorization', is_secret: true, value: '' });
    expect(await app.core.remotes.vault.get(`${saved.id}:Authorization`)).toBe(SECRET);
    expect(await readFile(join(app.dataDir, 'remotes.json'), 'utf8')).not.toContain('e2e-secret');

    // Editing shows the stored value only as "set".
    await remoteItem('Secured demo').getByTestId('more-actions').click();
    await remoteItem('Secured demo').getByTestId('edit-remote').click();
    await expect.poll(() => page.getByTestId('secret-state').innerText()).toMatch(/^set/);
    expect(await page.content()).not.toContain('e2e-secret');
    await page.getByTestId('cancel-remote').click();
  });

  it('connects over Streamable HTTP in the 2026-07-28 era and shows server/discover and its response in the trace', async () => {
    await connect('Playground');
    expect(await remoteItem('Playground').getByTestId('remote-state').getAttribute('data-state')).toBe('connected');
    await expect.poll(() => activePanel().getByTestId('transport-used').innerText()).toBe('Streamable HTTP');
    await expect.poll(() => activePanel().getByTestId('protocol-era').innerText()).toContain('2026-07-28');
    await expect.poll(() => activePanel().getByTestId('era-detection').innerText()).toContain('server/discover');
    await expect.poll(traceText).toContain('server/discover');
    const rows = activePanel().getByTestId('trace-row');
    await expect.poll(() => rows.filter({ hasText: 'server/discover' }).count()).toBeGreaterThanOrEqual(2); // request and its response
    await app.screenshot('connection-trace');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('filters the trace and opens an entry with its paired response', async () => {
    const panel = activePanel();
    const total = await panel.getByTestId('trace-row').count();
    await panel.getByTestId('trace-filter-method').fill('server/discover');
    await expect.poll(() => panel.getByTestId('trace-count').innerText()).toMatch(/ of /);
    const shown = await panel.getByTestId('trace-row').count();
    expect(shown).toBeGreaterThanOrEqual(2);
    expect(shown).toBeLessThan(total);

    await panel.getByTestId('trace-row').filter({ hasText: 'server/discover' }).first().click();
    const detail = panel.getByTestId('trace-detail');
    await expect.poll(() => detail.innerText()).toContain('server/discover');
    // The request's 2026-07-28 _meta envelope, lifted out for a glance.
    await expect.poll(() => detail.getByTestId('protocol-facts').innerText()).toContain('2026-07-28');
    await detail.getByTestId('show-pair').click();
    await expect.poll(() => detail.innerText()).toMatch(/supportedVersions/);
    await app.screenshot('trace-detail');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await panel.getByTestId('trace-filter-clear').click();
  });

  it('sends the secret header over the wire but shows it only redacted', async () => {
    await connect('Secured demo');
    expect(await remoteItem('Secured demo').getByTestId('remote-state').getAttribute('data-state')).toBe('connected');
    await showSection('Trace');
    await activePanel().getByTestId('trace-filter-kind-http').click();
    await activePanel().getByTestId('trace-row').first().click();
    await expect.poll(() => activePanel().getByTestId('trace-detail').innerText()).toContain('[redacted]');
    expect(await page.content()).not.toContain('e2e-secret');
  });

  it('connects to the playground over SSE and over WebSocket', async () => {
    const base = { headers: [], instances: [], args: [], env: {}, timeouts: {}, tls: { caFiles: [], acceptInvalidCertificates: false }, notes: '', protocolEra: 'auto' as const };
    await app.core.handlers['remotes:create']({ draft: { ...base, name: 'Demo over SSE', transport: 'sse', url: 'http://playground.localhost/sse' } });
    await app.core.handlers['remotes:create']({ draft: { ...base, name: 'Demo over WebSocket', transport: 'websocket', url: 'ws://playground.localhost/ws' } });
    // Legacy SSE is a 2025-only transport (initialize); WebSocket negotiates 2026-07-28 under auto.
    for (const [name, transport, opening] of [
      ['Demo over SSE', 'SSE (legacy)', 'initialize'],
      ['Demo over WebSocket', 'WebSocket', 'server/discover'],
    ] as const) {
      await expect.poll(() => remoteItem(name).count()).toBe(1);
      await connect(name);
      expect(await remoteItem(name).getByTestId('remote-state').getAttribute('data-state')).toBe('connected');
      await expect.poll(() => activePanel().getByTestId('transport-used').innerText()).toContain(transport);
      await expect.poll(traceText).toContain(opening);
    }
  });

  it('exports remotes through the save dialog without secret values, and imports a file through the open dialog', async () => {
    const exported = join(app.dataDir, 'exported-remotes.json');
    app.dialogs.answerNext(exported);
    await page.getByTestId('export-remotes').click();
    // The file appears before it is written whole: wait for what it must hold, not for its name.
    await expect.poll(async () => parses(await fileText(exported))).toBe(true);
    const text = await readFile(exported, 'utf8');
    expect(text).toContain('"transport_type": "streamable"');
    expect(text).toContain('Secured demo');
    expect(text).not.toContain('e2e-secret');

    const incoming = join(app.dataDir, 'incoming.json');
    await writeFile(incoming, JSON.stringify({ name: 'Imported demo', transport_type: 'sse', url: 'http://playground.localhost/sse', headers: [] }));
    app.dialogs.answerNext(incoming);
    await page.getByTestId('import-remotes').click();
    await expect.poll(() => remoteItem('Imported demo').count()).toBe(1);
    // One report for the file, in a dialog; importing the same file again adds no copy.
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getByTestId('import-summary').innerText()).toBe('1 imported.');
    await report.getByTestId('import-report-close').click();
    app.dialogs.answerNext(incoming);
    await page.getByTestId('import-remotes').click();
    await expect.poll(() => report.getByTestId('import-summary').innerText()).toBe('0 imported, 1 already present.');
    await app.screenshot('import-report');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => report.count()).toBe(0);
    expect(await remoteItem('Imported demo').count()).toBe(1);
  });

  it('shows a failing connection with its message and hint', async () => {
    const port = await freePortNobodyListensOn();
    const base = { headers: [], instances: [], args: [], env: {}, timeouts: {}, tls: { caFiles: [], acceptInvalidCertificates: false }, notes: '', protocolEra: 'auto' as const };
    await app.core.handlers['remotes:create']({ draft: { ...base, name: 'Nobody home', transport: 'streamable', url: `http://127.0.0.1:${port}/mcp` } });
    await expect.poll(() => remoteItem('Nobody home').count()).toBe(1);
    await connect('Nobody home');
    expect(await remoteItem('Nobody home').getByTestId('remote-state').getAttribute('data-state')).toBe('failed');
    const notice = page.getByTestId('error-notice').first();
    expect(await notice.getAttribute('data-kind')).toBe('refused');
    expect(await notice.getByTestId('error-message').innerText()).toContain(String(port));
    expect((await notice.getByTestId('error-hint').innerText()).length).toBeGreaterThan(10);
    await app.screenshot('connection-failed');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('disconnects', async () => {
    await remoteItem('Playground').getByTestId('disconnect-button').click();
    await expect.poll(() => remoteItem('Playground').getByTestId('remote-state').getAttribute('data-state')).toBe('closed');
    await expect.poll(() => app.core.manager.list().find((c) => c.label === 'Playground')?.state ?? 'gone').toMatch(/closed|gone/);
  });

  it('saves a session file and opens it offline, read-only', async () => {
    await remoteItem('Demo over WebSocket').getByRole('button', { name: 'Show Demo over WebSocket' }).click();
    const file = join(app.dataDir, 'saved-session.ndjson');
    app.dialogs.answerNext(file);
    await activePanel().getByTestId('save-session').click();
    // Whole lines only: the copy may be read while it is being written.
    await expect.poll(async () => (await fileText(file)).endsWith('\n')).toBe(true);
    expect(await readFile(file, 'utf8')).toContain('"server/discover"');

    app.dialogs.answerNext(file);
    await page.getByTestId('open-session').click();
    const session = page.getByTestId('session-tab');
    await expect.poll(() => session.count()).toBe(1);
    expect(await session.getByRole('note').innerText()).toContain('saved-session.ndjson');
    await expect.poll(async () => (await session.getByTestId('trace-view').innerText()).toLowerCase()).toContain('server/discover');
    await app.screenshot('session-file');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('left the secret in no file: remotes, recorded sessions, the saved session, the export', async () => {
    const files = (await readdir(app.dataDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    expect(files.some((f) => f.name.endsWith('.ndjson') && f.parentPath.endsWith('sessions'))).toBe(true); // every connection recorded
    for (const file of files) {
      expect(await readFile(join(file.parentPath, file.name), 'utf8'), file.name).not.toContain('e2e-secret');
    }
  });
});

/** The file's text so far ('' while it does not exist yet). */
function fileText(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '');
}

function parses(json: string): boolean {
  try {
    JSON.parse(json);
    return true;
  } catch {
    return false;
  }
}
