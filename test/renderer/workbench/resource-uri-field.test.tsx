import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { ErrorInfo } from '../../../shared/model/error-info';
import { FakeFailure, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';
import { openConnectionSection } from '../support/open-tools-section';

installFakeLayout();
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const info = (capabilities: Record<string, unknown>): ConnectionInfo => ({
  connectionId: 'c1',
  label: 'Playground',
  state: 'connected',
  transport: 'streamable',
  url: 'http://127.0.0.1:4100/mcp',
  era: 'legacy',
  capabilities,
  warnings: [],
});

const NOT_FOUND: ErrorInfo = {
  kind: 'protocol',
  message: 'The server answered with JSON-RPC error -32002: Resource not found',
  hint: 'the server refused the request; its message above says why',
  detail: { code: -32002, data: { uri: 'notes://missing' } },
};
const REFUSED: ErrorInfo = { kind: 'refused', message: 'Nothing answered at 127.0.0.1:4100 (connection refused).', hint: 'start the server, or check the port' };

/** The Resources section of a connection whose server lists one resource and serves more. */
async function openResources(capabilities: Record<string, unknown> = { resources: { subscribe: true } }) {
  const { fake, stopBridge } = await openConnectionSection('Resources', 'resource-panel', {
    info: info(capabilities),
    handlers: {
      'connections:list-resources': () => ({ resources: [{ uri: 'notes://readme', name: 'readme', title: 'Readme', description: 'What this is' }] }),
      'connections:list-resource-templates': () => ({ resourceTemplates: [] }),
      'connections:read-resource': ({ uri }: { uri: string }) => {
        if (uri === 'notes://missing') throw new FakeFailure(NOT_FOUND);
        if (uri === 'notes://unreachable') throw new FakeFailure(REFUSED);
        return { contents: [{ uri, mimeType: 'text/plain', text: `contents of ${uri}` }] };
      },
      'connections:subscribe-resource': () => ({ honored: true }),
    },
  });
  stop = stopBridge;
  return fake;
}

const field = () => screen.getByRole('textbox', { name: 'Resource URI' });
const readButton = () => screen.getByRole('button', { name: 'Read resource URI' });

describe('the Resource URI field', () => {
  it('explains a blank or scheme-less URI in its own words and sends nothing', async () => {
    const fake = await openResources();
    const user = userEvent.setup();
    await user.click(readButton());
    const problem = screen.getByTestId('resource-uri-problem');
    expect(problem).toHaveTextContent('Enter a resource URI to read, such as file:///home/me/notes.md.');
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(field()).toHaveAccessibleDescription(problem.textContent!);
    // Back in the field, where the fix is typed.
    expect(field()).toHaveFocus();
    await user.type(field(), '   ');
    expect(screen.queryByTestId('resource-uri-problem')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Subscribe to resource URI' }));
    expect(screen.getByTestId('resource-uri-problem')).toHaveTextContent('Enter a resource URI to subscribe to');
    for (const typed of ['readme', '//notes/readme', ':readme', '1notes://readme', 'my notes:readme']) {
      await user.clear(field());
      await user.type(field(), `${typed}{Enter}`);
      expect(screen.getByTestId('resource-uri-problem'), typed).toHaveTextContent('Not a URI: it has no scheme. Start with one and a colon, as in file:///home/me/notes.md or https://example.com/data.json.');
      expect(field()).toHaveValue(typed);
    }
    expect(fake.calls('connections:read-resource')).toEqual([]);
    expect(fake.calls('connections:subscribe-resource')).toEqual([]);
  });

  it('Enter reads a URI the list leaves out, into the same reader a listed resource opens in', async () => {
    const fake = await openResources();
    const user = userEvent.setup();
    expect(field()).toHaveAccessibleDescription('Read any URI the server may serve, also one its list leaves out. Enter reads it.');
    // Whitespace around it (a paste) goes; nothing inside is changed.
    await user.type(field(), '  notes://hidden/a%20b?x=1 {Enter}');
    expect(fake.calls('connections:read-resource')).toEqual([{ connectionId: 'c1', uri: 'notes://hidden/a%20b?x=1' }]);
    const panel = screen.getByTestId('resource-panel');
    await waitFor(() => expect(within(panel).getByTestId('content-text')).toHaveTextContent('contents of notes://hidden/a%20b?x=1'));
    expect(within(panel).getByRole('heading')).toHaveTextContent('notes://hidden/a%20b?x=1');
    expect(within(panel).getByTestId('resource-not-listed')).toHaveTextContent("Read from the Resource URI field: the server's resources list does not include this URI.");
    expect(within(panel).getByTestId('read-resource')).toHaveTextContent('Read again');
    expect(within(panel).getByText(/^Read at /)).toBeInTheDocument();
    expect(screen.queryByTestId('resource-uri-problem')).toBeNull();
    expect(field()).toHaveValue('  notes://hidden/a%20b?x=1 ');
  });

  it('a listed URI opens as the list entry, chosen in the list', async () => {
    await openResources();
    const user = userEvent.setup();
    await user.type(field(), 'notes://readme');
    await user.click(readButton());
    const panel = screen.getByTestId('resource-panel');
    await waitFor(() => expect(within(panel).getByTestId('content-text')).toHaveTextContent('contents of notes://readme'));
    expect(panel).toHaveTextContent('What this is');
    expect(within(panel).queryByTestId('resource-not-listed')).toBeNull();
    expect(within(screen.getByTestId('resource-list')).getByTestId('resource-item')).toHaveAttribute('aria-current', 'true');
  });

  it.each([
    ['the server answers with a JSON-RPC error', 'notes://missing', NOT_FOUND],
    ['the server cannot be reached', 'notes://unreachable', REFUSED],
  ])('a failed read (%s) shows the error as a read does, and keeps what was typed, also across sections', async (_, uri, error) => {
    await openResources();
    const user = userEvent.setup();
    await user.type(field(), `${uri}{Enter}`);
    const notice = await screen.findByTestId('error-notice');
    expect(within(screen.getByTestId('resource-panel')).getByTestId('error-notice')).toBe(notice);
    expect(notice).toHaveAttribute('data-kind', error.kind);
    expect(notice).toHaveTextContent('Could not read the resource');
    expect(within(notice).getByTestId('error-message')).toHaveTextContent(error.message);
    expect(within(notice).getByTestId('error-hint')).toHaveTextContent(error.hint!);
    // Not "Read at", which reads as a success.
    expect(within(screen.getByTestId('resource-panel')).getByText(/^Tried at /)).toBeInTheDocument();
    expect(within(screen.getByTestId('resource-panel')).queryByText(/^Read at /)).toBeNull();
    expect(field()).toHaveValue(uri);
    expect(readButton()).toBeEnabled();
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Resources' }));
    expect(field()).toHaveValue(uri);
  });

  it('Subscribe subscribes to the typed URI as a listed resource is, once', async () => {
    const fake = await openResources();
    const user = userEvent.setup();
    await user.type(field(), 'notes://hidden');
    await user.click(screen.getByRole('button', { name: 'Subscribe to resource URI' }));
    await waitFor(() => expect(screen.getByTestId('subscription-status')).toHaveTextContent('Subscribed (resources/subscribe); no update yet.'));
    expect(screen.getByTestId('resource-panel')).toHaveTextContent('notes://hidden');
    expect(screen.getByTestId('unsubscribe')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Subscribe to resource URI' }));
    expect(fake.calls('connections:subscribe-resource')).toEqual([{ connectionId: 'c1', uri: 'notes://hidden' }]);
    expect(fake.calls('connections:read-resource')).toEqual([]);
  });

  it('offers no Subscribe when the server offers no resource subscriptions', async () => {
    await openResources({ resources: {} });
    expect(screen.queryByRole('button', { name: 'Subscribe to resource URI' })).toBeNull();
    expect(readButton()).toBeInTheDocument();
  });
});

describe('the Resources search field', () => {
  it('is named and says "Search resources", as Tools says "Search tools"', async () => {
    await openResources();
    const search = screen.getByRole('searchbox', { name: 'Search resources' });
    expect(search).toHaveAttribute('placeholder', 'Search resources');
  });
});
