import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { PendingServerRequest, Root } from '../../../shared/model/server-request';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { ClientInputBody } from '../../../renderer/components/trace/protocol-facts';
import type { ClientInputEntry } from '../../../shared/model/trace';
import { UrlElicitationRequired } from '../../../renderer/components/server-requests/url-elicitation-required';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const info: ConnectionInfo = { connectionId: 'c1', label: 'Playground', state: 'connected', transport: 'streamable', era: 'legacy', capabilities: { tools: {} }, warnings: [] };

function request(id: string, method: PendingServerRequest['method'], params: unknown, extra: Partial<PendingServerRequest> = {}): PendingServerRequest {
  return { id, connectionId: 'c1', method, params, era: 'legacy', arrivedAt: Date.now(), ...extra };
}

async function openRequests(pending: PendingServerRequest[] = [], roots: Root[] = []) {
  let remote = makeRemote({ roots });
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [remote],
    'connections:open': () => info,
    // As main answers: every connection the app opens declares roots.
    'server-requests:list': () => ({ pending, settled: [], rootsDeclared: true }),
    'server-requests:answer': () => undefined,
    'app:open-external': () => undefined,
    'remotes:set-server-requests': ({ policy, roots: next }: { policy?: 'ask' | 'decline' | 'accept-defaults'; roots?: Root[] }) => {
      remote = { ...remote, ...(policy ? { serverRequestPolicy: policy } : {}), ...(next ? { roots: next } : {}) };
      return { remote, notified: next ? 1 : 0 };
    },
  });
  stop = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  fireEvent.click(await screen.findByRole('tab', { name: /^Requests/ }));
  await screen.findByTestId('server-requests-view', {}, { timeout: 5000 });
  // The pending list arrives after the view (its own request): tests read the cards at once.
  if (pending.length > 0) await screen.findAllByTestId('pending-request', {}, { timeout: 5000 });
  return fake;
}

const card = () => screen.getByTestId('pending-request');
const answers = (fake: Awaited<ReturnType<typeof openRequests>>) => fake.calls('server-requests:answer') as Array<{ requestId: string; answer: unknown }>;

describe('Requests section: elicitation forms', () => {
  it('builds the form from the spec enum kinds, with defaults applied, and sends the content on Accept', async () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string', title: 'Name', default: 'Ada' },
        size: { type: 'string', title: 'Size', oneOf: [{ const: 's', title: 'Small' }, { const: 'l', title: 'Large' }], default: 'l' },
        colour: { type: 'string', title: 'Colour', enum: ['red', 'blue'] },
        legacy: { type: 'string', title: 'Legacy', enum: ['x', 'y'], enumNames: ['Ex', 'Why'] },
        toppings: { type: 'array', title: 'Toppings', items: { type: 'string', enum: ['milk', 'sugar'] }, default: ['milk'] },
        extras: { type: 'array', title: 'Extras', items: { anyOf: [{ const: 'h', title: 'Honey' }, { const: 'c', title: 'Cinnamon' }] } },
        count: { type: 'integer', title: 'Count', default: 2 },
        agree: { type: 'boolean', title: 'Agree', default: true },
      },
    };
    const fake = await openRequests([request('q1', 'elicitation/create', { mode: 'form', message: 'Your order?', requestedSchema: schema })]);
    expect(within(card()).getByTestId('request-message')).toHaveTextContent('Your order?');
    expect(within(card()).getByRole('textbox', { name: /Name/ })).toHaveValue('Ada');
    const size = within(card()).getByRole('combobox', { name: /Size/ });
    expect(within(size).getAllByRole('option').map((o) => o.textContent)).toEqual(expect.arrayContaining(['Small', 'Large']));
    const legacy = within(card()).getByRole('combobox', { name: /Legacy/ });
    expect(within(legacy).getAllByRole('option').map((o) => o.textContent)).toEqual(expect.arrayContaining(['Ex', 'Why']));
    expect(within(card()).getByRole('checkbox', { name: 'milk' })).toBeChecked();
    expect(within(card()).getByRole('checkbox', { name: 'Cinnamon' })).not.toBeChecked();
    fireEvent.click(within(card()).getByRole('checkbox', { name: 'Cinnamon' }));
    fireEvent.change(within(card()).getByRole('combobox', { name: /Colour/ }), { target: { value: '1' } });
    fireEvent.click(within(card()).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(answers(fake)).toHaveLength(1));
    expect(answers(fake)[0]).toEqual({
      connectionId: 'c1',
      requestId: 'q1',
      answer: { action: 'accept', content: { name: 'Ada', size: 'l', colour: 'blue', toppings: ['milk'], extras: ['c'], count: 2, agree: true } },
    });
  });

  it('enforces required fields before Accept; Decline and Cancel send their own answers', async () => {
    const schema = { type: 'object', properties: { name: { type: 'string', title: 'Your name' } }, required: ['name'] };
    const fake = await openRequests([request('q1', 'elicitation/create', { message: 'Name?', requestedSchema: schema }), request('q2', 'elicitation/create', { message: 'Again?', requestedSchema: schema })]);
    const [first, second] = screen.getAllByTestId('pending-request');
    fireEvent.click(within(first).getByRole('button', { name: 'Accept' }));
    expect(await within(first).findByText('A value is required')).toBeInTheDocument();
    expect(answers(fake)).toEqual([]);
    fireEvent.click(within(first).getByRole('button', { name: 'Decline' }));
    fireEvent.click(within(second).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(answers(fake).map((a) => a.answer)).toEqual([{ action: 'decline' }, { action: 'cancel' }]));
    // Settled: the card goes, and the focus that was in it lands on the list's heading.
    within(second).getByRole('button', { name: 'Cancel' }).focus();
    act(() => fake.emit({ type: 'server-request-settled', record: { ...request('q2', 'elicitation/create', {}), settledAt: Date.now(), outcome: 'cancel', answeredBy: 'user', source: 'you' } }));
    await waitFor(() => expect(screen.getByRole('heading', { name: /Waiting for your answer/ })).toHaveFocus());
  });

  it('a schema outside the spec gets a JSON answer field instead of a form', async () => {
    const fake = await openRequests([request('q1', 'elicitation/create', { message: 'Nested?', requestedSchema: { type: 'object', properties: { deep: { type: 'object', properties: {} } } } })]);
    expect(within(card()).getByRole('note')).toHaveTextContent('"deep" has the type "object"');
    fireEvent.change(within(card()).getByRole('textbox', { name: 'Answer content (JSON object)' }), { target: { value: '{"deep": 1}' } });
    fireEvent.click(within(card()).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(answers(fake)[0]?.answer).toEqual({ action: 'accept', content: { deep: 1 } }));
  });
});

describe('Requests section: URL consent', () => {
  it('shows the full URL and its punycode host, and opens it only on a click', async () => {
    const fake = await openRequests([request('u1', 'elicitation/create', { mode: 'url', message: 'Sign in', url: 'https://exаmple.com/login?x=1', elicitationId: 'e1' })]);
    expect(within(card()).getByTestId('url-host')).toHaveTextContent('xn--exmple-4nf.com');
    expect(within(card()).getByTestId('url-full')).toHaveTextContent('https://ex\\u{430}mple.com/login?x=1');
    expect(within(card()).getByText(/non-ASCII letters/)).toBeInTheDocument();
    expect(fake.calls('app:open-external')).toEqual([]);
    fireEvent.click(within(card()).getByRole('button', { name: 'Decline' }));
    await waitFor(() => expect(answers(fake)[0]?.answer).toEqual({ action: 'decline' }));
    expect(fake.calls('app:open-external')).toEqual([]);
  });

  it('the open button opens the page and answers accept; a non-http URL cannot be opened', async () => {
    const fake = await openRequests([
      request('u1', 'elicitation/create', { mode: 'url', message: 'Pay', url: 'https://pay.example.com/checkout' }),
      request('u2', 'elicitation/create', { mode: 'url', message: 'Run', url: 'file:///etc/passwd' }),
    ]);
    const [ok, bad] = screen.getAllByTestId('pending-request');
    expect(within(bad).getByTestId('url-open')).toBeDisabled();
    fireEvent.click(within(ok).getByRole('button', { name: 'Open pay.example.com in the browser' }));
    await waitFor(() => expect(fake.calls('app:open-external')).toEqual([{ url: 'https://pay.example.com/checkout' }]));
    await waitFor(() => expect(answers(fake)[0]).toMatchObject({ requestId: 'u1', answer: { action: 'accept' } }));
  });
});

describe('Requests section: sampling, badges, history, policy, roots', () => {
  it('shows the sampling request and sends the reply typed in its place', async () => {
    const fake = await openRequests([
      request('s1', 'sampling/createMessage', {
        messages: [{ role: 'user', content: { type: 'text', text: 'What is 2 + 2?' } }],
        systemPrompt: 'Answer briefly.',
        maxTokens: 20,
        modelPreferences: { hints: [{ name: 'claude' }], intelligencePriority: 0.8 },
        tools: [{ name: 'calculator' }],
        toolChoice: { mode: 'auto' },
      }),
    ]);
    expect(card()).toHaveTextContent('Answer briefly.');
    expect(card()).toHaveTextContent('hints: claude; intelligence 0.8');
    expect(card()).toHaveTextContent('calculator (tool choice: auto)');
    expect(within(card()).getByRole('list', { name: 'Messages to the model' })).toHaveTextContent('What is 2 + 2?');
    fireEvent.change(within(card()).getByRole('textbox', { name: 'Reply text' }), { target: { value: '4' } });
    fireEvent.change(within(card()).getByRole('textbox', { name: 'Model name' }), { target: { value: 'me' } });
    fireEvent.click(within(card()).getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(answers(fake)[0]?.answer).toEqual({ action: 'reply', text: '4', model: 'me', stopReason: 'endTurn' }));
  });

  it('a new request gets a badge on both tabs and a notice; settling it moves it to the history', async () => {
    const fake = await openRequests();
    expect(screen.getByTestId('no-pending')).toBeInTheDocument();
    const pending = request('q9', 'elicitation/create', { message: 'Ready?', requestedSchema: { type: 'object', properties: {} } });
    act(() => fake.emit({ type: 'server-request', request: pending }));
    expect(await screen.findByRole('tab', { name: /^Requests\s*, 1 waiting$/ })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /^Playground \(connected\)\s*, 1 waiting/ })).toBeInTheDocument();
    expect(screen.getByTestId('notices')).toHaveTextContent('Playground sent a question: “Ready?”. Answer it in the Requests section');
    act(() => fake.emit({ type: 'server-request-settled', record: { ...pending, settledAt: pending.arrivedAt + 4000, outcome: 'accept', answeredBy: 'user', source: 'you, in the Requests section', answer: { action: 'accept' } } }));
    await waitFor(() => expect(screen.queryByTestId('pending-request')).toBeNull());
    expect(screen.getByRole('tab', { name: 'Requests' })).toBeInTheDocument();
    // The notice asked for an answer: once answered it goes; the history tells the rest.
    expect(screen.getByTestId('notices')).not.toHaveTextContent('Ready?');
    const history = within(screen.getByTestId('request-history')).getByTestId('settled-request');
    expect(history).toHaveTextContent('Accepted');
    expect(history).toHaveTextContent('by you · waited 4 s');
    expect(history).toHaveTextContent('“Ready?”');
  });

  it('2026-07-28: a later round of a call shows what earlier rounds answered', async () => {
    const round = (n: number, key: string) => ({ rootSeq: 7, round: n, method: 'tools/call', name: 'order_coffee', key });
    const first = request('r1', 'elicitation/create', { message: 'What would you like?', requestedSchema: { type: 'object', properties: {} } }, { era: 'modern', round: round(1, 'order') });
    const fake = await openRequests();
    act(() => fake.emit({ type: 'server-request-settled', record: { ...first, settledAt: first.arrivedAt + 1, outcome: 'accept', answeredBy: 'user', source: 'you', answer: { action: 'accept', content: { drink: 'latte' } } } }));
    act(() => fake.emit({ type: 'server-request', request: request('r2', 'elicitation/create', { message: 'Order a latte?', requestedSchema: { type: 'object', properties: {} } }, { era: 'modern', round: round(2, 'confirm') }) }));
    const pending = await screen.findByTestId('pending-request');
    expect(pending).toHaveTextContent('Inside your tools/call order_coffee call, round 2 (2026-07-28 input_required)');
    expect(within(pending).getByRole('list', { name: 'Earlier rounds of this call' })).toHaveTextContent('Round 1: accepted by you — {"drink":"latte"}');
  });

  it('the policy is saved with the remote and says what it does while active', async () => {
    const fake = await openRequests();
    fireEvent.change(screen.getByRole('combobox', { name: 'When this server asks' }), { target: { value: 'decline' } });
    await waitFor(() => expect(fake.calls('remotes:set-server-requests')).toEqual([{ remoteId: 'r-playground', policy: 'decline' }]));
    expect(await screen.findByTestId('policy-active')).toHaveTextContent('Policy active: always decline.');
    // Its answers are said in the notices, the latest one only.
    const settled = (id: string, message: string) => ({ ...request(id, 'elicitation/create', { message }), settledAt: Date.now(), outcome: 'decline' as const, answeredBy: 'policy' as const, source: 'policy' });
    act(() => fake.emit({ type: 'server-request-settled', record: settled('p1', 'First?') }));
    act(() => fake.emit({ type: 'server-request-settled', record: settled('p2', 'Second?') }));
    const notices = screen.getByTestId('notices');
    expect(notices).toHaveTextContent('Playground: the remote\'s policy answered “Second?” (decline) without asking you.');
    expect(notices).not.toHaveTextContent('First?');
  });

  it('roots are edited, checked and saved with the remote', async () => {
    const fake = await openRequests([], [{ uri: 'file:///a', name: 'A' }]);
    expect(screen.getByRole('textbox', { name: 'Root 1 URI' })).toHaveValue('file:///a');
    expect(await screen.findByText(/This connection declared roots: saving tells the server\./)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Add root' }));
    const uri = screen.getByRole('textbox', { name: 'Root 2 URI' });
    fireEvent.change(uri, { target: { value: 'not a uri' } });
    expect(screen.getByRole('button', { name: 'Save roots' })).toBeDisabled();
    expect(uri).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(uri, { target: { value: 'file:///b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save roots' }));
    await waitFor(() => expect(fake.calls('remotes:set-server-requests')).toEqual([{ remoteId: 'r-playground', roots: [{ uri: 'file:///a', name: 'A' }, { uri: 'file:///b' }] }]));
    expect(await screen.findByText(/the server was told they changed/)).toBeInTheDocument();
  });
});

describe('URL elicitation required (-32042) in the trace', () => {
  it('explains the error and shows each URL with its host, without a way to open it from there', () => {
    const message = { jsonrpc: '2.0', id: 3, error: { code: -32042, message: 'Needs a sign-in', data: { elicitations: [{ mode: 'url', url: 'https://auth.example.com/x', message: 'Sign in', elicitationId: 'e' }] } } };
    render(<UrlElicitationRequired message={message} />);
    const note = screen.getByTestId('url-elicitation-required');
    expect(note).toHaveTextContent('URL elicitation required (error -32042)');
    expect(note).toHaveTextContent('Sign in: auth.example.com https://auth.example.com/x');
    expect(within(note).queryByRole('button')).toBeNull();
  });

  it('says nothing for other errors', () => {
    const { container } = render(<UrlElicitationRequired message={{ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'nope' } }} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('the trace names who answered', () => {
  const entry = (over: Partial<ClientInputEntry>): ClientInputEntry => ({
    type: 'client-input', seq: 1, connectionId: 'c1', wallTime: 1, monoTime: 1, method: 'elicitation/create', era: 'legacy', answeredBy: 'option', source: "the remote's policy for requests from the server: always decline", outcome: 'decline', request: {}, answer: { action: 'decline' }, ...over,
  });
  it('an answer of the policy, and a question that ended unanswered', () => {
    const { rerender } = render(<ClientInputBody entry={entry({})} />);
    expect(screen.getByText(/Answered by a configured option \(the remote's policy for requests from the server: always decline\)/)).toBeInTheDocument();
    rerender(<ClientInputBody entry={entry({ answeredBy: 'default', outcome: 'error', source: 'nobody: Not answered: the connection closed while the question was waiting.' })} />);
    expect(screen.getByText(/error\. Not answered: the connection closed while the question was waiting\./)).toBeInTheDocument();
    expect(screen.queryByText(/nobody was asked/)).toBeNull();
  });
});

describe('a malformed sampling request', () => {
  it('still shows a card that can be rejected', async () => {
    const fake = await openRequests([request('s1', 'sampling/createMessage', { messages: 'not a list', tools: { a: 1 }, modelPreferences: { hints: 'x' }, maxTokens: 'lots' })]);
    expect(card()).toHaveTextContent('Max tokens');
    fireEvent.click(within(card()).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(answers(fake)[0]?.answer).toEqual({ action: 'reject' }));
  });
});
