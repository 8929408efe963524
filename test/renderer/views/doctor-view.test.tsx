import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoctorReport, DoctorRun } from '../../../shared/model';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { deferred, FakeFailure, installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const remote = makeRemote({ id: 'r1', name: 'Staging', url: 'https://staging.example.com/mcp' });
const report: DoctorReport = {
  url: 'https://staging.example.com/mcp',
  label: 'Staging',
  startedAt: '2026-12-01T10:00:00.000Z',
  durationMs: 42.4,
  ok: false,
  firstFailure: 'tls',
  layers: [
    { layer: 'url', title: 'URL', verdict: 'pass', durationMs: 0.2, finding: 'https:// host staging.example.com, port 443 (the default), path /mcp', facts: {} },
    { layer: 'tcp', title: 'TCP', verdict: 'warn', durationMs: 3.25, finding: 'Connected to 127.0.0.1:443, but ::1 (ECONNREFUSED) came first', fix: 'make the server listen on every address', facts: {} },
    {
      layer: 'tls',
      title: 'TLS',
      verdict: 'fail',
      durationMs: 12,
      finding: 'The TLS certificate of staging.example.com:443 was rejected: the server presented a self-signed certificate',
      fix: 'add its CA certificate file',
      fixes: [{ field: 'tls.caFiles', label: 'Add a CA certificate file' }, { field: 'trace', label: 'Look at the trace' }],
      errorKind: 'tls',
      facts: {},
    },
    { layer: 'http', title: 'HTTP', verdict: 'skipped', durationMs: 0, finding: 'Not run: the TLS layer failed', facts: {} },
  ],
};

function open(extra: Parameters<typeof installFakePeriscope>[0] = {}) {
  const fake = installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => [remote], 'doctor:run': () => ({ label: 'Staging', reports: [report] }), ...extra });
  stop = startBridge();
  render(<App />);
  return fake;
}

async function runFromCard() {
  fireEvent.click(await screen.findByRole('button', { name: 'More actions for Staging' }));
  fireEvent.click(screen.getByRole('button', { name: 'Run the connection doctor on Staging' }));
  const view = await screen.findByTestId('doctor-view');
  await waitFor(() => expect(view).toHaveAttribute('aria-busy', 'false'));
  return view;
}

describe('the Doctor tab', () => {
  it('runs from a remote card with no connection and lists each layer: verdict in words, time, finding, fix', async () => {
    const fake = await open();
    const view = await runFromCard();
    expect(fake.calls('doctor:run')).toEqual([{ remoteId: 'r1' }]);
    expect(fake.calls('connections:open')).toEqual([]);
    expect(screen.getByRole('tab', { name: /Doctor: Staging \(failed\)/ })).toHaveAttribute('aria-selected', 'true');
    expect(within(view).getByRole('heading', { name: 'Connection doctor: Staging' })).toBeInTheDocument();
    expect(within(view).getByTestId('doctor-summary')).toHaveTextContent('Failed at TLS, 1 warning · 42 ms · https://staging.example.com/mcp');
    const rows = within(view).getAllByTestId('doctor-layer');
    expect(rows.map((r) => r.getAttribute('data-verdict'))).toEqual(['pass', 'warn', 'fail', 'skipped']);
    expect(rows[0]).toHaveTextContent(/^PassURL0\.2 ms/);
    expect(rows[1]).toHaveTextContent('Warning');
    expect(within(rows[2]!).getByTestId('doctor-fix')).toHaveTextContent('Try: add its CA certificate file');
    // A skipped layer that never ran shows no time.
    expect(rows[3]).toHaveTextContent(/^SkippedHTTPNot run: the TLS layer failed$/);
  });

  it('offers only the remote\'s own settings as fix buttons, each opening the editor on its field', async () => {
    await open();
    const view = await runFromCard();
    const tls = within(view).getAllByTestId('doctor-layer')[2]!;
    expect(within(tls).getAllByRole('button').map((b) => b.textContent)).toEqual(['Add a CA certificate file…']);
    fireEvent.click(within(tls).getByRole('button', { name: 'Add a CA certificate file…' }));
    expect(await screen.findByTestId('remote-form')).toBeInTheDocument();
  });

  it('runs again and exports the last report through main', async () => {
    let runs = 0;
    const fake = await open({ 'doctor:run': () => ({ label: 'Staging', reports: [{ ...report, durationMs: ++runs * 100 }] }), 'doctor:export': () => ({ cancelled: false as const, path: '/tmp/doctor.json' }) });
    const view = await runFromCard();
    fireEvent.click(within(view).getByRole('button', { name: 'Run again' }));
    await waitFor(() => expect(within(view).getByTestId('doctor-summary')).toHaveTextContent('· 200 ms ·'));
    fireEvent.click(within(view).getByRole('button', { name: 'Export report…' }));
    await screen.findByText('Saved the doctor report to /tmp/doctor.json.');
    expect(fake.calls('doctor:export')).toEqual([{ remoteId: 'r1' }]);
  });

  it('shows a group\'s instances one after the other, each under its URL, and says how many failed', async () => {
    const ok: DoctorReport = { ...report, url: 'https://staging-1.example.com/mcp', label: 'Staging (instance 1 of 2)', ok: true, firstFailure: undefined, layers: [report.layers[0]!] };
    const failing: DoctorReport = { ...report, url: 'https://staging-2.example.com/mcp', label: 'Staging (instance 2 of 2)' };
    await open({ 'doctor:run': () => ({ label: 'Staging', reports: [ok, failing] }) });
    const view = await runFromCard();
    expect(screen.getByRole('tab', { name: /Doctor: Staging \(failed\)/ })).toBeInTheDocument();
    expect(within(view).getByTestId('doctor-summary')).toHaveTextContent(/^1 of 2 instances failed: instance 2 at TLS$/);
    const instances = within(view).getAllByTestId('doctor-instance');
    expect(instances).toHaveLength(2);
    expect(within(instances[0]!).getByRole('heading', { level: 3 })).toHaveTextContent('Instance 1 of 2: https://staging-1.example.com/mcp · No layer failed · 42 ms');
    expect(within(instances[1]!).getByRole('heading', { level: 3 })).toHaveTextContent('Instance 2 of 2: https://staging-2.example.com/mcp · Failed at TLS, 1 warning');
    // A failed instance's heading says so in the failure colour, a passing one stays muted.
    expect(instances[1]!.querySelector('.doctor-instance-failed')).toHaveTextContent('Failed at TLS');
    expect(instances[0]!.querySelector('.doctor-instance-failed')).toBeNull();
    // Each instance's layers are a list of their own, named by the instance.
    expect(within(instances[1]!).getByRole('list', { name: 'Layers of instance 2, in the order they were checked' })).toBeInTheDocument();
    expect(within(instances[1]!).getAllByTestId('doctor-layer').map((r) => r.getAttribute('data-verdict'))).toEqual(['pass', 'warn', 'fail', 'skipped']);
    expect(within(instances[0]!).getAllByTestId('doctor-layer')).toHaveLength(1);
  });

  it('names each failed instance in the summary as a button that scrolls to its section and moves the focus there', async () => {
    const urls = ['https://staging-1.example.com/mcp', 'https://staging-2.example.com/mcp', 'https://staging-3.example.com/mcp'];
    const ok: DoctorReport = { ...report, url: urls[0]!, ok: true, firstFailure: undefined, layers: [report.layers[0]!] };
    const tcp: DoctorReport = { ...report, url: urls[1]!, firstFailure: 'tcp', layers: [report.layers[0]!, { ...report.layers[1]!, verdict: 'fail' }] };
    await open({ 'doctor:run': () => ({ label: 'Staging', reports: [ok, tcp, { ...report, url: urls[2]! }] }) });
    const scrolled: Element[] = [];
    const scrollIntoView = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this);
    };
    try {
      const view = await runFromCard();
      const summary = within(view).getByTestId('doctor-summary');
      expect(summary).toHaveTextContent(/^2 of 3 instances failed: instance 2 at TCP, instance 3 at TLS$/);
      // Only the failed ones, each a button in the tab order (a passing instance is no link).
      const links = within(summary).getAllByRole('button');
      expect(links.map((b) => [b.textContent, b.getAttribute('aria-label')])).toEqual([
        ['instance 2', `instance 2: go to its checks (${urls[1]})`],
        ['instance 3', `instance 3: go to its checks (${urls[2]})`],
      ]);
      expect(links.every((b) => b.tabIndex === 0)).toBe(true);
      const sections = within(view).getAllByTestId('doctor-instance');
      for (const [i, index] of [[1, 2], [0, 1]] as const) {
        fireEvent.click(links[i]!);
        const heading = within(sections[index]!).getByRole('heading', { level: 3 });
        expect(document.activeElement).toBe(heading);
        expect(scrolled.at(-1)).toBe(heading);
      }
      // The heading takes the focus only from these buttons: Tab does not stop on it.
      expect(within(sections[1]!).getByRole('heading', { level: 3 })).toHaveAttribute('tabindex', '-1');
    } finally {
      HTMLElement.prototype.scrollIntoView = scrollIntoView;
    }
  });

  it('says which instance of a group it is checking while it runs, politely, and not once done', async () => {
    const urls = ['https://staging-1.example.com/mcp', 'https://staging-2.example.com/mcp', 'https://staging-3.example.com/mcp'];
    const done = deferred<DoctorRun>();
    const fake = await open({ 'doctor:run': () => done.promise });
    fireEvent.click(await screen.findByRole('button', { name: 'More actions for Staging' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run the connection doctor on Staging' }));
    const view = await screen.findByTestId('doctor-view');
    const status = within(view).getByRole('status');
    // A live region that screen readers read out when it changes, without interrupting.
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('Checking each layer…');
    for (const [i, url] of urls.entries()) {
      act(() => fake.emit({ type: 'doctor-progress', remoteId: 'r1', instance: i + 1, instances: 3, url }));
      expect(status).toHaveTextContent(`Checking instance ${i + 1} of 3: ${url}…`);
    }
    // Another remote's doctor is not this tab's.
    act(() => fake.emit({ type: 'doctor-progress', remoteId: 'other', instance: 1, instances: 3, url: 'https://elsewhere.example.com/mcp' }));
    expect(status).toHaveTextContent(`Checking instance 3 of 3: ${urls[2]}…`);
    done.resolve({ label: 'Staging', reports: urls.map((url) => ({ ...report, url, ok: true, firstFailure: undefined, layers: [report.layers[0]!] })) });
    await waitFor(() => expect(view).toHaveAttribute('aria-busy', 'false'));
    expect(status).toHaveTextContent('No layer failed on any of the 3 instances');
    expect(view).not.toHaveTextContent('Checking');
    // An event that arrives after the answer (events and answers travel apart) changes nothing.
    act(() => fake.emit({ type: 'doctor-progress', remoteId: 'r1', instance: 3, instances: 3, url: urls[2]! }));
    expect(view).not.toHaveTextContent('Checking');
  });

  it('keeps the keyboard focus on Run again while it runs (a disabled button would drop it to the page), and runs once', async () => {
    let finish: () => void = () => undefined;
    let runs = 0;
    const fake = await open({
      'doctor:run': () => {
        runs++;
        return runs === 1 ? { label: 'Staging', reports: [report] } : new Promise((resolve) => (finish = () => resolve({ label: 'Staging', reports: [report] })));
      },
    });
    const view = await runFromCard();
    const again = within(view).getByRole('button', { name: 'Run again' });
    again.focus();
    fireEvent.click(again);
    await waitFor(() => expect(again).toHaveAttribute('aria-disabled', 'true'));
    expect(again).not.toBeDisabled();
    expect(document.activeElement).toBe(again);
    fireEvent.click(again);
    expect(within(view).getByRole('button', { name: 'Export report…' })).toHaveAttribute('aria-disabled', 'true');
    finish();
    await waitFor(() => expect(again).toHaveAttribute('aria-disabled', 'false'));
    expect(document.activeElement).toBe(again);
    expect(fake.calls('doctor:run')).toHaveLength(2);
  });

  it('says why it could not run, and has no doctor for a stdio remote', async () => {
    await open({
      'remotes:list': () => [remote, makeRemote({ id: 'local', name: 'Local', transport: 'stdio', url: undefined, command: 'node', args: ['server.js'] })],
      'doctor:run': () => {
        throw new FakeFailure({ kind: 'missing-secret', message: 'The secret header Authorization has no value.', hint: 'Set it in the remote.' });
      },
    });
    const view = await runFromCard();
    expect(within(view).getByTestId('error-notice')).toHaveTextContent('Could not run the doctor');
    expect(within(view).queryByTestId('doctor-layers')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'More actions for Local' }));
    expect(screen.queryByRole('button', { name: 'Run the connection doctor on Local' })).toBeNull();
  });
});
