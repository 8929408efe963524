import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { InvalidListItem } from '../../../shared/model/invalid-list-item';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';
import { installFakeLayout } from '../support/layout';
import { installFakeBoxes } from '../support/fake-boxes';

/**
 * Items the server listed that break the MCP schema (main leaves them out and names them, see
 * lenient-list.ts): each section lists the rest and says, folded to one line, how many were left
 * out; opened, the notice names each one and what is wrong.
 */
installFakeLayout();
/** An opened notice's list: 90 px of it in view at y = 100, each item 30 px tall; it scrolls. */
installFakeBoxes((el) => {
  const list = el.closest('ul[aria-label$="left out"]') as HTMLElement | null;
  if (!list) return undefined;
  if (el === list) return { left: 0, top: 100, width: 200, height: 90 };
  if (el.matches('[data-testid="invalid-item"]')) return { left: 0, top: 100 + 30 * [...list.children].indexOf(el) - list.scrollTop, width: 200, height: 30 };
  return undefined;
});
let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

const info: ConnectionInfo = { connectionId: 'c1', label: 'Broken lists', state: 'connected', transport: 'streamable', era: 'legacy', capabilities: { tools: {}, resources: {}, prompts: {} }, warnings: [] };
const BAD_TOOLS: InvalidListItem[] = [
  { index: 1, name: 'string-schema', problems: ['inputSchema.type: expected "object"'] },
  { index: 2, problems: ['name: missing (expected string)'] },
];

async function open(section: 'Tools' | 'Resources' | 'Prompts', tools: { tools: Array<{ name: string; description?: string; inputSchema?: Record<string, unknown> }>; invalid?: InvalidListItem[] } = { tools: [{ name: 'echo', inputSchema: { type: 'object' } }], invalid: BAD_TOOLS }) {
  installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [makeRemote()],
    'connections:open': () => info,
    'connections:list-tools': () => tools,
    'connections:list-resources': () => ({ resources: [{ uri: 'file:///ok-a.txt', name: 'ok-a' }], invalid: [{ index: 1, name: 'no-uri', problems: ['uri: missing (expected string)'] }] }),
    'connections:list-resource-templates': () => ({ resourceTemplates: [] }),
    'connections:list-prompts': () => ({ prompts: [{ name: 'ok-greet' }], invalid: [{ index: 1, name: 'arguments-not-a-list', problems: ['arguments: expected array, received string'] }] }),
  });
  stop = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  fireEvent.click(await screen.findByRole('tab', { name: section }));
}

describe('list items that break the MCP schema', () => {
  it('Tools: the valid tools are listed; the notice counts the others and, opened, names each with its problem', async () => {
    await open('Tools');
    const notice = await screen.findByTestId('invalid-tools');
    expect(within(screen.getByTestId('tool-list')).getAllByTestId('tool-item').map((b) => b.getAttribute('data-tool'))).toEqual(['echo']);
    const summary = within(notice).getByText('2 tools left out: they break the MCP schema');
    expect(notice).not.toHaveAttribute('open');
    fireEvent.click(summary);
    const items = within(notice).getAllByTestId('invalid-item').map((li) => li.textContent);
    expect(items).toEqual(['string-schema: inputSchema.type: expected "object"', '#3: name: missing (expected string)']);
    expect(within(notice).getByTestId('invalid-items-trace')).toHaveTextContent('The Trace section shows what the server sent.');
    // Two short items fit: no count of more below.
    expect(within(notice).queryByTestId('invalid-items-more')).toBeNull();
  });

  it('a tool left out for its x-mcp-header declaration (no position known) is named with the reason', async () => {
    await open('Tools', {
      tools: [{ name: 'good', inputSchema: { type: 'object' } }],
      invalid: [{ name: 'number-typed', problems: ['invalid x-mcp-header declaration: n: x-mcp-header is only permitted on primitive-typed properties (string, integer, boolean); got number'] }],
    });
    const notice = await screen.findByTestId('invalid-tools');
    fireEvent.click(within(notice).getByText('1 tool left out: it breaks the MCP schema'));
    expect(within(notice).getByTestId('invalid-item')).toHaveTextContent('number-typed: invalid x-mcp-header declaration: n: x-mcp-header is only permitted');
  });

  it('Resources and Prompts: the same notice, in the singular for one', async () => {
    await open('Resources');
    expect(await screen.findByTestId('invalid-resources')).toHaveTextContent('1 resource left out: it breaks the MCP schema');
    expect(screen.queryByTestId('invalid-resource-templates')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Prompts' }));
    const prompts = await screen.findByTestId('invalid-prompts');
    expect(prompts).toHaveTextContent('1 prompt left out: it breaks the MCP schema');
    expect(within(prompts).getByTestId('invalid-item')).toHaveTextContent('arguments-not-a-list: arguments: expected array, received string');
  });

  it("a server's name or description cannot reorder or hide the app's words: controls and bidi overrides show as escapes, isolated", async () => {
    const rlo = '\u202e';
    await open('Tools', {
      tools: [{ name: 'echo', description: `shown ${rlo}reversed`, inputSchema: { type: 'object' } }],
      invalid: [{ index: 1, name: `evil${rlo}\u001b[31m`, problems: ['inputSchema.type: expected "object"'] }, { index: 2, name: 'x'.repeat(500), problems: ['inputSchema.type: expected "object"'] }],
    });
    const notice = await screen.findByTestId('invalid-tools');
    fireEvent.click(within(notice).getByText(/left out/));
    const [evil, long] = within(notice).getAllByTestId('invalid-item');
    expect(evil!.textContent).toBe('evil\\u202e\\u001b[31m: inputSchema.type: expected "object"');
    expect(evil!.querySelector('bdi')).not.toBeNull();
    expect(long!.querySelector('code')).toHaveTextContent(`${'x'.repeat(79)}…`);
    expect(long!.querySelector('code')).toHaveAttribute('title', 'x'.repeat(500));
    expect(within(notice).getByRole('list', { name: 'tools left out' })).toHaveAttribute('tabindex', '0');
    expect(within(screen.getByTestId('tool-list')).getByTestId('tool-item')).toHaveTextContent('shown \\u202ereversed');
  });

  it('an opened list that scrolls says how many are below, until it is scrolled to its end (overlay scrollbars show nothing)', async () => {
    const invalid = Array.from({ length: 10 }, (_, i) => ({ index: i + 1, name: `bad-${i + 1}`, problems: ['inputSchema.type: expected "object"'] }));
    await open('Tools', { tools: [{ name: 'echo', inputSchema: { type: 'object' } }], invalid });
    const notice = (await screen.findByTestId('invalid-tools')) as HTMLDetailsElement;
    // Folded: nothing laid out, nothing said.
    expect(within(notice).queryByTestId('invalid-items-more')).toBeNull();
    act(() => {
      notice.open = true;
      notice.dispatchEvent(new Event('toggle'));
    });
    const list = within(notice).getByRole('list', { name: 'tools left out' });
    // Items 1-3 fill the 90 px; 7 more are below.
    expect(await within(notice).findByTestId('invalid-items-more')).toHaveTextContent('7 more tools below: scroll the list');
    expect(list).toHaveClass('is-scrolling', 'more-after');
    expect(list).toHaveAttribute('aria-describedby', within(notice).getByTestId('invalid-items-more').id);
    act(() => {
      list.scrollTop = 150;
      list.dispatchEvent(new Event('scroll'));
    });
    expect(within(notice).getByTestId('invalid-items-more')).toHaveTextContent('2 more tools below: scroll the list');
    act(() => {
      list.scrollTop = 210;
      list.dispatchEvent(new Event('scroll'));
    });
    expect(within(notice).queryByTestId('invalid-items-more')).toBeNull();
    expect(list).toHaveClass('is-scrolling', 'more-before');
    expect(list).not.toHaveClass('more-after');
    expect(within(notice).getByTestId('invalid-items-trace')).toHaveTextContent('The Trace section shows what the server sent.');
  });

  it('every tool invalid: says none of the listed tools is valid, not that the server offers none', async () => {
    await open('Tools', { tools: [], invalid: BAD_TOOLS });
    await screen.findByTestId('invalid-tools');
    expect(screen.getByText('None of the tools the server lists is valid (see above).')).toBeInTheDocument();
    expect(screen.queryByText('This server offers no tools.')).toBeNull();
  });

  it("the chosen tool's heading, description and Call button show a server's bidi override as an escape; a long name is cut between characters, after escaping", async () => {
    const rlo = '\u202e';
    await open('Tools', {
      tools: [{ name: `valid${rlo}gnp.exe`, description: `desc ${rlo}override \u001b[1m`, inputSchema: { type: 'object' } }],
      invalid: [
        { index: 1, name: `${'a'.repeat(78)}😀tail`, problems: ['inputSchema.type: expected "object"'] },
        { index: 2, name: '\u001b'.repeat(70), problems: ['inputSchema.type: expected "object"'] },
      ],
    });
    const call = await screen.findByTestId('call-tool');
    expect(call).toHaveTextContent('Call valid\\u202egnp.exe');
    expect(screen.getByTestId('tool-workbench')).toHaveTextContent('desc \\u202eoverride \\u001b[1m');
    fireEvent.click(within(screen.getByTestId('invalid-tools')).getByText(/left out/));
    const [emoji, escapes] = within(screen.getByTestId('invalid-tools')).getAllByTestId('invalid-item').map((li) => li.querySelector('code')!.textContent!);
    expect(emoji).toBe(`${'a'.repeat(78)}😀…`);
    expect(escapes).toHaveLength(80);
    expect(escapes!.endsWith('…')).toBe(true);
  });
});
