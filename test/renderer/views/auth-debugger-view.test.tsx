import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthDebuggerView } from '../../../renderer/views/auth-debugger-view';
import { authDebugTargetOfActiveTab, openAuthDebugger } from '../../../renderer/bridge/auth-debug-actions';
import { useAuthDebugStore } from '../../../renderer/stores/auth-debug-store';
import { useConnectionsStore } from '../../../renderer/stores/connections-store';
import { useRemotesStore } from '../../../renderer/stores/remotes-store';
import { useUiStore } from '../../../renderer/stores/ui-store';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { Remote } from '../../../shared/model/remote';
import { worstVerdict, type AuthDebugRun, type AuthDebugStepResult } from '../../../shared/model/auth-debug';
import { authSequenceDiagram } from '../../../shared/text/auth-sequence-diagram';
import { FakeFailure, installFakePeriscope } from '../support/fake-periscope';
import { installFakeBoxes } from '../support/fake-boxes';

/**
 * A narrow window's layout (happy-dom lays nothing out): the pane shows 400 px; its toolbar (50 px
 * tall) sits at 200 px and sticks at the pane's top once scrolled past; each step card is 280 px
 * tall, one every 300 px from 260 px, the diagram under the last.
 */
installFakeBoxes((el) => {
  const pane = el.closest('[data-testid="auth-debugger"]') as HTMLElement | null;
  if (!pane) return undefined;
  const y = (top: number) => top - pane.scrollTop;
  const test = el.getAttribute('data-testid');
  if (el === pane) return { left: 0, top: 0, width: 600, height: 400 };
  if (test === 'auth-debug-toolbar') return { left: 0, top: Math.max(0, y(200)), width: 600, height: 50 };
  const steps = [...pane.querySelectorAll('[data-testid="auth-debug-step"]')];
  if (test === 'auth-debug-step') return { left: 0, top: y(260 + 300 * steps.indexOf(el)), width: 400, height: 280 };
  if (test === 'auth-debug-figure') return { left: 0, top: y(260 + 300 * steps.length), width: 400, height: 300 };
  return undefined;
});

const challenge: AuthDebugStepResult = {
  step: 'challenge',
  title: 'Unauthenticated request and its challenge',
  startedAt: 1,
  durationMs: 12.4,
  exchanges: [
    {
      seq: 1,
      connectionId: 'auth-debug',
      wallTime: 1,
      monoTime: 1,
      type: 'http',
      exchangeId: 'x1',
      phase: 'complete',
      method: 'POST',
      url: 'https://mcp.example/mcp',
      status: 401,
      requestHeaders: { 'content-type': 'application/json' },
      responseHeaders: { 'www-authenticate': 'Bearer resource_metadata="https://mcp.example/.well-known/oauth-protected-resource/mcp"' },
      timings: { sent: 1, done: 2 },
    },
  ],
  expectation: { summary: 'A request without a token is answered 401.', sources: ['RFC 9728 section 5.1'] },
  verdict: 'pass',
  findings: [{ id: 'status-401', verdict: 'pass', message: 'The server answered 401 Unauthorized.' }],
  facts: { status: '401' },
  arrows: [{ from: 'client', to: 'mcp-server', label: 'POST initialize (no token)' }],
};
const metadata: AuthDebugStepResult = {
  ...challenge,
  step: 'resource-metadata',
  title: 'Protected resource metadata',
  exchanges: [],
  verdict: 'fail',
  findings: [{ id: 'resource-mismatch', verdict: 'fail', message: 'The metadata\'s resource "https://other.example/mcp" is not the MCP server\'s URL.', source: 'RFC 9728 sections 3.3 and 7.3' }],
  facts: {},
  stopped: 'Without valid protected resource metadata there is no authorization server to go to.',
};
const runWith = (steps: AuthDebugStepResult[], finished = false): AuthDebugRun => ({ kind: 'periscope-auth-debug-run', version: 1, serverUrl: 'https://mcp.example/mcp', startedAt: 1, steps, finished, verdict: worstVerdict(steps.map((s) => s.verdict)) });

beforeEach(() => useAuthDebugStore.getState().hide());

describe('the auth debugger view', () => {
  it('starts for a URL, runs one step per click, shows findings, exchanges and the diagram, and stops where the run stops', async () => {
    let steps = 0;
    const fake = installFakePeriscope({
      'auth-debug:start': () => ({ runId: 'run-1', run: runWith([]), nextStep: 'challenge' }),
      'auth-debug:next': () => (++steps === 1 ? { runId: 'run-1', run: runWith([challenge]), nextStep: 'resource-metadata' } : { runId: 'run-1', run: runWith([challenge, metadata], true) }),
    });
    act(() => openAuthDebugger());
    render(<AuthDebuggerView />);
    fireEvent.change(screen.getByLabelText('Server URL'), { target: { value: 'https://mcp.example/mcp' } });
    fireEvent.change(screen.getByLabelText('Scopes (optional)'), { target: { value: 'mcp:tools' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    const next = await screen.findByRole('button', { name: 'Next step: Unauthenticated request and its challenge' });
    expect(fake.calls('auth-debug:start')).toEqual([{ url: 'https://mcp.example/mcp', scope: 'mcp:tools' }]);
    fireEvent.click(next);
    const first = await screen.findByRole('region', { name: /1\. Unauthenticated request and its challenge/ });
    expect(within(first).getByRole('list', { name: 'Findings' })).toHaveTextContent('Pass: The server answered 401 Unauthorized.');
    expect(within(first).getByTestId('auth-debug-exchange')).toHaveTextContent('www-authenticate: Bearer resource_metadata=');
    // The diagram: four lanes, each step with its verdict, each arrow said in words for screen readers.
    const diagram = screen.getByTestId('auth-debug-diagram');
    expect(within(diagram).getAllByTestId('sequence-lane').map((l) => l.textContent)).toEqual(['Client', 'Browser', 'MCP server', 'Auth server']);
    expect(within(diagram).getByTestId('sequence-step')).toHaveTextContent('1. Unauthenticated request and its challenge Pass');
    expect(within(diagram).getByTestId('sequence-arrow')).toHaveTextContent('Client to MCP server: POST initialize (no token)');
    expect(within(diagram).getByTestId('sequence-arrow')).toHaveClass('to-right');
    fireEvent.click(screen.getByRole('button', { name: 'Next step: Protected resource metadata' }));
    const second = await screen.findByRole('region', { name: /2\. Protected resource metadata/ });
    expect(second).toHaveAttribute('data-verdict', 'fail');
    expect(within(second).getByTestId('auth-debug-finding')).toHaveTextContent('Fail: The metadata\'s resource "https://other.example/mcp" is not the MCP server\'s URL. (RFC 9728 sections 3.3 and 7.3)');
    expect(within(second).getByTestId('auth-debug-stopped')).toHaveTextContent('The run stops here');
    expect(screen.getByRole('button', { name: 'Run finished' })).toBeDisabled();
    expect(screen.getByTestId('auth-debug-status')).toHaveTextContent('2 of 8 steps · result Fail · stopped: Without valid protected resource metadata there is no authorization server to go to');
  });

  /**
   * Opens the debugger on a URL and starts a run whose one Next step adds `steps` (the challenge
   * and the metadata unless told) and ends it; resolves to that button.
   */
  async function startRunEndingInOneStep(steps: AuthDebugStepResult[] = [challenge, metadata]): Promise<HTMLElement> {
    installFakePeriscope({
      'auth-debug:start': () => ({ runId: 'run-1', run: runWith([]), nextStep: 'challenge' }),
      'auth-debug:next': () => ({ runId: 'run-1', run: runWith(steps, true) }),
    });
    act(() => openAuthDebugger());
    render(<AuthDebuggerView />);
    fireEvent.change(screen.getByLabelText('Server URL'), { target: { value: 'https://mcp.example/mcp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    return screen.findByRole('button', { name: 'Next step: Unauthenticated request and its challenge' });
  }

  it('shows each step\'s verdict once, as the badge in its heading; each finding has a sign, its verdict said to screen readers', async () => {
    const mixed: AuthDebugStepResult = {
      ...challenge,
      verdict: 'warn',
      findings: [
        { id: 'status-401', verdict: 'pass', message: 'The server answered 401 Unauthorized.' },
        { id: 'resource-metadata-not-named', verdict: 'warn', message: 'The challenge has no resource_metadata parameter.', source: 'RFC 9728 section 5.1' },
      ],
    };
    fireEvent.click(await startRunEndingInOneStep([mixed, metadata]));
    const steps = await screen.findAllByTestId('auth-debug-step');
    for (const [step, word] of [[steps[0]!, 'Warning'], [steps[1]!, 'Fail']] as const) {
      // One badge in the step, in its heading.
      const badges = step.querySelectorAll('.verdict-badge');
      expect([...badges].map((b) => b.textContent)).toEqual([word]);
      expect(within(step).getByRole('heading', { level: 3 })).toContainElement(badges[0] as HTMLElement);
    }
    // Each finding: a sign (hidden from screen readers, who hear the verdict's word instead).
    const findings = within(steps[0]!).getAllByTestId('auth-debug-finding');
    expect(findings.map((f) => f.querySelector('[aria-hidden="true"]')?.textContent)).toEqual(['✓', '!']);
    expect(findings.map((f) => f.textContent!.replace(/^[✓!✗i]/, ''))).toEqual([
      'Pass: The server answered 401 Unauthorized.',
      'Warning: The challenge has no resource_metadata parameter. (RFC 9728 section 5.1)',
    ]);
  });

  it('a server that asks for no authorization: the run ends neutrally, with its reason, and nothing says Fail', async () => {
    const answered: AuthDebugStepResult = {
      ...challenge,
      verdict: 'info',
      findings: [{ id: 'no-challenge', verdict: 'info', message: 'The server answered 200 without a token: it does not ask for authorization.', source: 'MCP Authorization, "Protocol Requirements": authorization is optional' }],
      facts: { status: '200' },
    };
    const none: AuthDebugStepResult = {
      ...metadata,
      verdict: 'info',
      findings: [{ id: 'no-authorization', verdict: 'info', message: 'No protected resource metadata, and none is needed: the server answered the request without a token.' }],
      stopped: 'This server does not ask for authorization: no OAuth flow to debug.',
    };
    let steps = 0;
    installFakePeriscope({
      'auth-debug:start': () => ({ runId: 'run-1', run: runWith([]), nextStep: 'challenge' }),
      'auth-debug:next': () => (++steps === 1 ? { runId: 'run-1', run: runWith([answered]), nextStep: 'resource-metadata' } : { runId: 'run-1', run: runWith([answered, none], true) }),
    });
    act(() => openAuthDebugger());
    render(<AuthDebuggerView />);
    fireEvent.change(screen.getByLabelText('Server URL'), { target: { value: 'http://127.0.0.1:3000/mcp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next step: Unauthenticated request and its challenge' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next step: Protected resource metadata' }));
    const last = await screen.findByRole('region', { name: /2\. Protected resource metadata/ });
    expect(last).toHaveAttribute('data-verdict', 'info');
    expect(within(last).getByRole('heading', { level: 3 })).toHaveTextContent(/Protected resource metadata\s*Info/);
    expect(within(last).getByTestId('auth-debug-stopped')).toHaveTextContent('The run stops here: This server does not ask for authorization: no OAuth flow to debug.');
    // The toolbar's status line says why the run ended at step 2 of 8: it did not break off.
    expect(screen.getByTestId('auth-debug-status')).toHaveTextContent('2 of 8 steps · result Info · stopped: This server does not ask for authorization: no OAuth flow to debug');
    expect(screen.getByTestId('auth-debugger')).not.toHaveTextContent(/\b(Fail|Warning)\b/);
  });

  it('a run stopped early: its reason in the status line is a button to the step that stopped it, the whole reason in its tooltip', async () => {
    const refused: AuthDebugStepResult = {
      ...challenge,
      verdict: 'fail',
      findings: [{ id: 'no-answer', verdict: 'fail', message: 'The request got no answer: Connection refused by 127.0.0.1:1: nothing is listening on that port. Try: is the server running? check the port (and http vs https) in the URL.' }],
      facts: {},
      arrows: [
        { from: 'client', to: 'mcp-server', label: 'POST initialize (no token)' },
        { from: 'mcp-server', to: 'client', label: 'no answer: connection refused', missing: 'no-answer' },
      ],
      stopped: 'The MCP server did not answer: Connection refused by 127.0.0.1:1: nothing is listening on that port.',
    };
    fireEvent.click(await startRunEndingInOneStep([refused]));
    const step = await screen.findByRole('region', { name: /1\. Unauthenticated request and its challenge/ });
    const reason = within(screen.getByTestId('auth-debug-status')).getByRole('button', { name: 'stopped: The MCP server did not answer: Connection refused by 127.0.0.1:1: nothing is listening on that port' });
    expect(reason).toHaveAttribute('title', 'The MCP server did not answer: Connection refused by 127.0.0.1:1: nothing is listening on that port (step 1)');
    expect(screen.getByTestId('auth-debug-status')).toHaveTextContent(/^Run on https:\/\/mcp\.example\/mcp: 1 of 8 steps · result Fail · stopped: The MCP server did not answer: Connection refused by 127\.0\.0\.1:1: nothing is listening on that port · step 1 added/);
    // The diagram draws the request that was sent, then its missing answer: not as an arrow from
    // the server (a reply), but as a note on the client's lifeline, said as the client waiting.
    const arrows = within(screen.getByTestId('auth-debug-diagram')).getAllByTestId('sequence-arrow');
    expect(arrows.map((a) => a.textContent)).toEqual(['Client to MCP server: POST initialize (no token)', 'Client, waiting on MCP server: ✗ no answer: connection refused']);
    expect(arrows[1]).toHaveAttribute('data-missing', 'no-answer');
    expect(arrows[1]!.querySelector('.sequence-line')).toBeNull();
    expect(arrows[1]).not.toHaveClass('to-left');
    expect(arrows[1]!.style.getPropertyValue('--start')).toBe('2');
    act(() => screen.getByRole('button', { name: 'Copy as text' }).focus());
    fireEvent.click(reason);
    expect(document.activeElement).toBe(within(step).getByRole('heading', { level: 3 }));
  });

  it('a request never sent (a blocked port): the step and its exchange say "not sent", and the diagram draws it leaving the client and never reaching the server', async () => {
    const blocked: AuthDebugStepResult = {
      ...challenge,
      exchanges: [{ ...challenge.exchanges[0]!, url: 'http://127.0.0.1:9/mcp', status: undefined, responseHeaders: undefined, phase: 'failed', error: { kind: 'invalid-url', message: "Port 9 of http://127.0.0.1:9/mcp is on the Fetch standard's list of blocked ports, so HTTP clients refuse to connect to it", hint: 'run the server on another port (for example 3000 or 8080)', detail: { url: 'http://127.0.0.1:9/mcp', port: '9' } } }],
      verdict: 'fail',
      findings: [{ id: 'not-sent', verdict: 'fail', message: "The request was not sent: Port 9 of http://127.0.0.1:9/mcp is on the Fetch standard's list of blocked ports, so HTTP clients refuse to connect to it. Try: run the server on another port (for example 3000 or 8080)." }],
      facts: {},
      arrows: [{ from: 'client', to: 'mcp-server', label: "POST initialize (no token) not sent: port 9 is on the Fetch standard's list of blocked ports", missing: 'not-sent' }],
      stopped: "The request to the MCP server was not sent: Port 9 of http://127.0.0.1:9/mcp is on the Fetch standard's list of blocked ports, so HTTP clients refuse to connect to it.",
    };
    fireEvent.click(await startRunEndingInOneStep([blocked]));
    const step = await screen.findByRole('region', { name: /1\. Unauthenticated request and its challenge/ });
    expect(within(step).getByTestId('auth-debug-exchange').querySelector('summary')).toHaveTextContent("POST http://127.0.0.1:9/mcp → not sent: Port 9 of http://127.0.0.1:9/mcp is on the Fetch standard's list of blocked ports");
    expect(screen.getByTestId('auth-debugger')).not.toHaveTextContent(/did not answer|no answer/);
    const [arrow, ...more] = within(screen.getByTestId('auth-debug-diagram')).getAllByTestId('sequence-arrow');
    expect(more).toEqual([]);
    expect(arrow).toHaveTextContent("Client to MCP server: POST initialize (no token) not sent: port 9 is on the Fetch standard's list of blocked ports");
    expect(arrow).toHaveAttribute('data-missing', 'not-sent');
    // Drawn as a stub that stops short (auth-sequence.css): the class says which.
    expect(arrow).toHaveClass('sequence-not-sent');
  });

  it('brings each new step into view under the toolbar and says it; the focus stays on Next step, then goes to the last step', async () => {
    let steps = 0;
    installFakePeriscope({
      'auth-debug:start': () => ({ runId: 'run-1', run: runWith([]), nextStep: 'challenge' }),
      'auth-debug:next': () => (++steps === 1 ? { runId: 'run-1', run: runWith([challenge]), nextStep: 'resource-metadata' } : { runId: 'run-1', run: runWith([challenge, metadata], true) }),
    });
    act(() => openAuthDebugger());
    render(<AuthDebuggerView />);
    const pane = screen.getByTestId('auth-debugger');
    fireEvent.change(screen.getByLabelText('Server URL'), { target: { value: 'https://mcp.example/mcp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    const next = await screen.findByRole('button', { name: 'Next step: Unauthenticated request and its challenge' });
    // The pane's scroll padding and the diagram's sticky lanes leave the toolbar's height free.
    expect(pane.style.getPropertyValue('--toolbar-height')).toBe('50px');
    fireEvent.click(next);
    await screen.findByRole('region', { name: /1\. Unauthenticated/ });
    // Step 1 (260-540 px) ends below the fold (400 px): its top comes just under the toolbar, stuck at the top.
    expect(pane.scrollTop).toBe(260 - 50 - 8);
    expect(screen.getByTestId('auth-debug-status')).toHaveTextContent('1 of 8 steps · step 1 added: Unauthenticated request and its challenge (Pass)');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next step: Protected resource metadata' }));
    // Steps still to come: the diagram is the sequence so far.
    expect(screen.getByRole('figure', { name: 'Sequence so far' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Next step: Protected resource metadata' }));
    const second = await screen.findByRole('region', { name: /2\. Protected resource metadata/ });
    expect(pane.scrollTop).toBe(560 - 50 - 8);
    expect(screen.getByTestId('auth-debug-status')).toHaveTextContent('2 of 8 steps · result Fail · stopped: Without valid protected resource metadata there is no authorization server to go to · step 2 added: Protected resource metadata (Fail)');
    // Next step is disabled now: the focus goes to the step it added, not to the page.
    expect(document.activeElement).toBe(within(second).getByRole('heading', { level: 3 }));
    // The run is over: its diagram is the whole sequence, not "so far".
    expect(screen.getByRole('figure', { name: 'Sequence of the run' })).toBeInTheDocument();
    expect(screen.queryByRole('figure', { name: 'Sequence so far' })).toBeNull();
  });

  it('"Show the diagram" scrolls the diagram, under every step, just under the toolbar and moves the focus to it', async () => {
    const next = await startRunEndingInOneStep();
    expect(screen.queryByRole('button', { name: 'Show the diagram' })).toBeNull();
    fireEvent.click(next);
    fireEvent.click(await screen.findByRole('button', { name: 'Show the diagram' }));
    const pane = screen.getByTestId('auth-debugger');
    // The diagram starts at 260 + 2 × 300 px.
    expect(pane.scrollTop).toBe(860 - 50 - 8);
    expect(document.activeElement).toBe(screen.getByRole('figure', { name: 'Sequence of the run' }));
    // And back: the last step (at 260 + 300 px) just under the toolbar, the focus on its heading.
    fireEvent.click(within(screen.getByRole('figure', { name: 'Sequence of the run' })).getByRole('button', { name: 'Back to step 2' }));
    expect(pane.scrollTop).toBe(560 - 50 - 8);
    const last = screen.getByRole('region', { name: /2\. Protected resource metadata/ });
    expect(document.activeElement).toBe(within(last).getByRole('heading', { level: 3 }));
  });

  it('a finished run keeps its Next step button in place, disabled and no longer the main button', async () => {
    const next = await startRunEndingInOneStep();
    expect(next).toHaveClass('primary');
    fireEvent.click(next);
    const finished = await screen.findByRole('button', { name: 'Run finished' });
    expect(finished).toBeDisabled();
    expect(finished).not.toHaveClass('primary');
  });

  it('scrolls nothing when it opens on a run already there', () => {
    installFakePeriscope({});
    act(() => {
      openAuthDebugger();
      useAuthDebugStore.getState().setProgress({ runId: 'run-1', run: runWith([challenge, metadata], true) });
    });
    render(<AuthDebuggerView />);
    expect(screen.getByTestId('auth-debugger').scrollTop).toBe(0);
  });

  it('"Copy as text" copies the diagram as the command line prints it (lanes, steps, ASCII arrows)', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    installFakePeriscope({
      'auth-debug:start': () => ({ runId: 'run-1', run: runWith([]), nextStep: 'challenge' }),
      'auth-debug:next': () => ({ runId: 'run-1', run: runWith([challenge]), nextStep: 'resource-metadata' }),
    });
    act(() => openAuthDebugger());
    render(<AuthDebuggerView />);
    fireEvent.change(screen.getByLabelText('Server URL'), { target: { value: 'https://mcp.example/mcp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next step: Unauthenticated request and its challenge' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy as text' }));
    await waitFor(() => expect(screen.getByTestId('copy-auth-diagram-status')).toHaveTextContent('Copy as text: copied to the clipboard'));
    expect(writeText).toHaveBeenCalledWith(authSequenceDiagram([challenge]));
    expect(authSequenceDiagram([challenge])).toMatch(/Client +Browser +MCP server +Auth server[\s\S]*1\. Unauthenticated request and its challenge \[ok\]/);
  });

  it('checks the Server URL as the remote editor does: a suggestion for a missing scheme, HTTP only, nothing sent until it fits', async () => {
    const fake = installFakePeriscope({ 'auth-debug:start': () => ({ runId: 'run-1', run: runWith([]), nextStep: 'challenge' }) });
    act(() => openAuthDebugger());
    render(<AuthDebuggerView />);
    const field = screen.getByLabelText('Server URL');
    const refused: Array<[string, RegExp]> = [
      ['', /URL is empty/],
      ['localhost:3000/mcp', /has no scheme: did you mean http:\/\/localhost:3000\/mcp\?/],
      ['ws://127.0.0.1:3000/mcp', /works with HTTP servers \(Streamable HTTP or SSE\): use http:\/\/ or https:\/\/, not ws:\/\//],
      ['ftp://files.example/mcp', /not ftp:\/\//],
      ['https://mcp example/mcp', /has a space in its host name/],
    ];
    for (const [typed, problem] of refused) {
      fireEvent.change(field, { target: { value: typed } });
      fireEvent.click(screen.getByRole('button', { name: 'Start' }));
      expect(field, typed).toHaveAttribute('aria-invalid', 'true');
      expect(field, typed).toHaveAccessibleDescription(problem);
      expect(field, typed).toHaveFocus();
    }
    fireEvent.change(field, { target: { value: 'localhost:3000/mcp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    // The message asks; the suggestion's button puts the URL in, and the problem goes with it.
    fireEvent.click(screen.getByRole('button', { name: 'Use http://localhost:3000/mcp' }));
    expect(field).toHaveValue('http://localhost:3000/mcp');
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(fake.calls('auth-debug:start')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(fake.calls('auth-debug:start')).toEqual([{ url: 'http://localhost:3000/mcp' }]));
  });

  it('for a saved remote asks for no URL, and shows a refusal from main in words, with the focus on it (not dropped to the page)', async () => {
    const fake = installFakePeriscope({
      'auth-debug:start': () => {
        throw new FakeFailure({ kind: 'not-found', message: 'There is no saved remote with the id "r1".', hint: 'Pick the remote again in the sidebar.' });
      },
    });
    act(() => openAuthDebugger({ remoteId: 'r1', remoteName: 'Local tools' }));
    render(<AuthDebuggerView />);
    expect(screen.queryByLabelText('Server URL')).not.toBeInTheDocument();
    expect(screen.getByText(/for the saved remote “Local tools”/)).toBeInTheDocument();
    const start = screen.getByRole('button', { name: 'Start' });
    act(() => start.focus());
    fireEvent.click(start);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('There is no saved remote with the id "r1".'));
    expect(fake.calls('auth-debug:start')).toEqual([{ remoteId: 'r1' }]);
    // Start was disabled while main answered: the focus goes to the problem, which is read out.
    expect(document.activeElement).toBe(screen.getByTestId('auth-debug-error'));
    expect(document.activeElement).toContainElement(screen.getByRole('alert'));
  });

  it('a refused Next step takes the focus to the problem too', async () => {
    installFakePeriscope({
      'auth-debug:start': () => ({ runId: 'run-1', run: runWith([]), nextStep: 'challenge' }),
      'auth-debug:next': () => {
        throw new FakeFailure({ kind: 'not-found', message: 'This auth debugger run is over.', hint: 'Start the auth debugger again.' });
      },
    });
    act(() => openAuthDebugger());
    render(<AuthDebuggerView />);
    fireEvent.change(screen.getByLabelText('Server URL'), { target: { value: 'https://mcp.example/mcp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next step: Unauthenticated request and its challenge' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('This auth debugger run is over.'));
    expect(document.activeElement).toBe(screen.getByTestId('auth-debug-error'));
  });

  describe('a saved remote the debugger cannot take', () => {
    const cases: Array<[string, Partial<Remote>, RegExp]> = [
      ['WebSocket', { transport: 'websocket', url: 'ws://127.0.0.1:3000/mcp' }, /this remote uses WebSocket \(ws:\/\/127\.0\.0\.1:3000\/mcp\)\./],
      ['auto-detect with a ws:// URL', { transport: 'auto', url: 'wss://mcp.example/ws' }, /this remote uses WebSocket \(wss:\/\/mcp\.example\/ws\)\./],
      ['stdio', { transport: 'stdio', command: 'node' } as Partial<Remote>, /this remote runs a local process \(stdio\), which has no URL to authorize\./],
    ];
    for (const [what, fields, words] of cases) {
      it(`${what}: says so before Start, which is disabled, and offers another URL`, () => {
        const fake = installFakePeriscope({});
        useRemotesStore.setState({ remotes: [{ id: 'w1', name: 'Sockets', ...fields } as Remote] });
        act(() => openAuthDebugger({ remoteId: 'w1', remoteName: 'Sockets' }));
        render(<AuthDebuggerView />);
        const problem = screen.getByTestId('auth-debug-remote-problem');
        expect(problem).toHaveTextContent(/^The auth debugger works with HTTP servers \(Streamable HTTP or SSE\): /);
        expect(problem).toHaveTextContent(words);
        expect(problem).toHaveTextContent('To debug a server over HTTP, use another URL.');
        const start = screen.getByRole('button', { name: 'Start' });
        expect(start).toBeDisabled();
        expect(start).toHaveAccessibleDescription(words);
        expect(screen.getByRole('button', { name: 'Use another URL' })).toBeEnabled();
        fireEvent.submit(start.closest('form')!);
        expect(fake.calls('auth-debug:start')).toEqual([]);
      });
    }

    it('an http(s) remote is offered as before', () => {
      installFakePeriscope({});
      useRemotesStore.setState({ remotes: [{ id: 'h1', name: 'Team', transport: 'streamable', url: 'https://team.example/mcp' } as Remote] });
      act(() => openAuthDebugger({ remoteId: 'h1', remoteName: 'Team' }));
      render(<AuthDebuggerView />);
      expect(screen.queryByTestId('auth-debug-remote-problem')).toBeNull();
      expect(screen.getByRole('button', { name: 'Start' })).toBeEnabled();
    });
  });

  it('while a run is under way its settings are read-only and the status line names its URL; End run opens them, and a changed URL is started as a new run', async () => {
    const user = userEvent.setup();
    const fake = installFakePeriscope({
      'auth-debug:start': ({ url }: { url: string }) => ({ runId: `run-${url}`, run: { ...runWith([]), serverUrl: url }, nextStep: 'challenge' }),
      'auth-debug:next': () => ({ runId: 'run-https://mcp.example/mcp', run: runWith([challenge]), nextStep: 'resource-metadata' }),
    });
    act(() => openAuthDebugger());
    render(<AuthDebuggerView />);
    const field = screen.getByLabelText('Server URL');
    await user.type(field, 'https://mcp.example/mcp');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await user.click(await screen.findByRole('button', { name: 'Next step: Unauthenticated request and its challenge' }));
    await screen.findByRole('region', { name: /1\. Unauthenticated request/ });
    const status = screen.getByTestId('auth-debug-status');
    expect(status).toHaveTextContent(/^Run on https:\/\/mcp\.example\/mcp: 1 of 8 steps/);
    // The fields show what the run uses, and cannot be changed under it.
    for (const name of ['Server URL', 'Client id (optional)', 'Scopes (optional)']) {
      const input = screen.getByLabelText(name);
      expect(input, name).toHaveAttribute('readonly');
      expect(input, name).toHaveAccessibleDescription('The run under way uses these settings: End run to change them.');
    }
    await user.type(field, '{Backspace}{Backspace}other');
    expect(field).toHaveValue('https://mcp.example/mcp');
    expect(screen.getByRole('button', { name: 'Next step: Protected resource metadata' })).toBeEnabled();
    // Start over runs the same settings again.
    expect(screen.getByRole('button', { name: 'Start over' })).toBeEnabled();

    // End run: the steps stay, nothing comes next, and the focus is in the field, now editable.
    await user.click(screen.getByRole('button', { name: 'End run' }));
    expect(field).toHaveFocus();
    expect(field).not.toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'End run' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Run ended' })).toBeDisabled();
    expect(screen.getAllByTestId('auth-debug-step')).toHaveLength(1);
    expect(status).toHaveTextContent(/^Run on https:\/\/mcp\.example\/mcp: 1 of 8 steps · result Pass · ended by you before step 2 \(Protected resource metadata\)/);
    expect(screen.queryByTestId('auth-debug-locked-note')).toBeNull();
    // Another URL: the button says it starts a new run (not "over"), and that is what it does.
    await user.clear(field);
    await user.type(field, 'https://other.example/mcp');
    expect(screen.queryByRole('button', { name: 'Start over' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start a new run' }));
    await waitFor(() => expect(status).toHaveTextContent(/^Run on https:\/\/other\.example\/mcp: 0 of 8 steps/));
    expect(fake.calls('auth-debug:start')).toEqual([{ url: 'https://mcp.example/mcp' }, { url: 'https://other.example/mcp' }]);
    expect(field).toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Start over' })).toBeEnabled();
    // Ended before any step: no result is claimed (nothing was judged).
    await user.click(screen.getByRole('button', { name: 'End run' }));
    expect(status).toHaveTextContent(/^Run on https:\/\/other\.example\/mcp: 0 of 8 steps · ended by you before step 1 /);
    expect(status).not.toHaveTextContent(/result/);
  });

  it('offers "Use another URL" for a saved remote\'s run only while no run is under way (it would drop the run)', async () => {
    const user = userEvent.setup();
    installFakePeriscope({
      'auth-debug:start': () => ({ runId: 'run-1', run: { ...runWith([]), serverUrl: 'https://mcp.example/mcp' }, nextStep: 'challenge' }),
    });
    act(() => useRemotesStore.setState({ remotes: [{ id: 'r-prod', name: 'Prod', transport: 'streamable', url: 'https://mcp.example/mcp' } as Remote] }));
    act(() => openAuthDebugger({ remoteId: 'r-prod', remoteName: 'Prod' }));
    render(<AuthDebuggerView />);
    expect(screen.getByRole('button', { name: 'Use another URL' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByRole('button', { name: 'End run' });
    expect(screen.queryByRole('button', { name: 'Use another URL' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'End run' }));
    expect(screen.getByRole('button', { name: 'Use another URL' })).toBeInTheDocument();
  });

  it('a run that finished leaves the settings editable, and Start over repeats it while they are unchanged', async () => {
    fireEvent.click(await startRunEndingInOneStep());
    await screen.findByRole('button', { name: 'Run finished' });
    const field = screen.getByLabelText('Server URL');
    expect(field).not.toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'End run' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Start over' })).toBeEnabled();
    fireEvent.change(field, { target: { value: 'https://other.example/mcp' } });
    expect(screen.getByRole('button', { name: 'Start a new run' })).toBeEnabled();
    fireEvent.change(field, { target: { value: 'https://mcp.example/mcp' } });
    expect(screen.getByRole('button', { name: 'Start over' })).toBeEnabled();
  });

  it('takes the focus when it opens, closes on Esc, and gives the focus back to the button that opened it', async () => {
    const fake = installFakePeriscope({});
    /** As the app shows it: the header's button, and the view while a target is set. */
    function Harness() {
      const shown = useAuthDebugStore((state) => state.target !== undefined);
      return (
        <>
          <button type="button" onClick={() => openAuthDebugger()}>
            Auth debugger…
          </button>
          {shown && <AuthDebuggerView />}
        </>
      );
    }
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Auth debugger…' });
    opener.focus();
    act(() => fireEvent.click(opener));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Auth debugger' }));
    fireEvent.keyDown(screen.getByLabelText('Server URL'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('auth-debugger')).not.toBeInTheDocument());
    expect(document.activeElement).toBe(opener);
    expect(fake.calls('auth-debug:start')).toEqual([]);
  });

  describe('opened from the window header', () => {
    const showTab = (kind: 'connection' | 'session', url?: string, remoteId?: string) => {
      useUiStore.setState({ tabs: [{ id: 'c1', kind, title: 'Tab' }], activeTabId: 'c1' });
      useConnectionsStore.setState({ infos: { c1: { connectionId: 'c1', label: 'Tab', state: 'connected', ...(url ? { url } : {}) } as ConnectionInfo }, remoteOf: remoteId ? { c1: remoteId } : {} });
    };
    beforeEach(() => useRemotesStore.setState({ remotes: [{ id: 'r1', name: 'Team server', url: 'https://team.example/mcp' } as Remote] }));

    it('fills in the URL of the connection tab in front', () => {
      installFakePeriscope({});
      showTab('connection', 'https://mcp.example/mcp');
      act(() => openAuthDebugger(authDebugTargetOfActiveTab()));
      render(<AuthDebuggerView />);
      expect(screen.getByLabelText('Server URL')).toHaveValue('https://mcp.example/mcp');
    });

    it('looks at the saved remote of the connection tab in front', () => {
      installFakePeriscope({});
      showTab('connection', 'https://mcp.example/mcp', 'r1');
      expect(authDebugTargetOfActiveTab()).toEqual({ remoteId: 'r1', remoteName: 'Team server' });
      act(() => openAuthDebugger(authDebugTargetOfActiveTab()));
      render(<AuthDebuggerView />);
      expect(screen.getByText(/the saved remote “Team server” \(https:\/\/team\.example\/mcp\)/)).toBeInTheDocument();
      expect(screen.queryByLabelText('Server URL')).toBeNull();
    });

    it('"Use another URL" turns it to a URL typed in, starting from the remote\'s, with the focus there', async () => {
      const fake = installFakePeriscope({ 'auth-debug:start': () => ({ runId: 'run-1', run: runWith([]), nextStep: 'challenge' }) });
      showTab('connection', 'https://mcp.example/mcp', 'r1');
      act(() => openAuthDebugger(authDebugTargetOfActiveTab()));
      /** As the app shows it: one view per target, a new one when the target changes. */
      function Shown() {
        const target = useAuthDebugStore((state) => state.target);
        return target ? <AuthDebuggerView key={target.remoteId ?? 'url'} /> : null;
      }
      render(<Shown />);
      fireEvent.click(screen.getByRole('button', { name: 'Use another URL' }));
      const field = screen.getByLabelText('Server URL');
      expect(field).toHaveValue('https://team.example/mcp');
      expect(field).toHaveFocus();
      expect(screen.getByText(/for a server URL/)).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Use another URL' })).toBeNull();
      fireEvent.change(field, { target: { value: 'https://other.example/mcp' } });
      fireEvent.click(screen.getByRole('button', { name: 'Start' }));
      await waitFor(() => expect(fake.calls('auth-debug:start')).toEqual([{ url: 'https://other.example/mcp' }]));
    });

    it('starts empty in front of a session tab, a stdio connection or no tab at all', () => {
      showTab('session', 'https://mcp.example/mcp');
      expect(authDebugTargetOfActiveTab()).toEqual({});
      showTab('connection', 'node server.js');
      expect(authDebugTargetOfActiveTab()).toEqual({});
      useUiStore.setState({ tabs: [], activeTabId: undefined });
      expect(authDebugTargetOfActiveTab()).toEqual({});
    });
  });
});
