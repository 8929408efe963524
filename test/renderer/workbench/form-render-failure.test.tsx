import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { openToolsSection, PLAYGROUND_INFO as info, setUpToolsSectionTests } from '../support/open-tools-section';

/**
 * A schema the form library throws on while drawing (a `$ref` loop) used to unmount the whole
 * window, which went blank; the failure now stays in the form, says why, and offers JSON.
 */
setUpToolsSectionTests();

const LOOP = {
  type: 'object',
  $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } },
  properties: { loop: { anyOf: [{ $ref: '#/$defs/A' }, { type: 'string' }] } },
};
const PLAIN = { type: 'object', properties: { message: { type: 'string' } } };

describe('a tool whose schema the form cannot draw', () => {
  it('shows why in place of the form, keeps the window, and its arguments can still be written as JSON and sent', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const opened = await openToolsSection({ info, tools: [{ name: 'loopy', inputSchema: LOOP }, { name: 'echo', inputSchema: PLAIN }] });
      const failure = await screen.findByTestId('render-error');
      expect(failure).toHaveTextContent(/The form for loopy's input schema could not be drawn: .*circular/);
      // The rest of the window is there: the tool list, the section tabs.
      expect(screen.getByRole('tab', { name: 'Trace' })).toBeInTheDocument();

      fireEvent.click(within(failure).getByRole('button', { name: 'Edit the arguments as JSON' }));
      const editor = await screen.findByTestId('mode-json');
      expect(editor).toHaveAttribute('aria-pressed', 'true');
      fireEvent.click(screen.getByTestId('call-tool'));
      await waitFor(() => expect(opened.fake.calls('connections:call-tool')).toHaveLength(1));

      // Another tool's form draws as usual.
      fireEvent.click(screen.getByText('echo'));
      fireEvent.click(await screen.findByTestId('mode-form'));
      expect(await screen.findByRole('textbox', { name: /^message/ })).toBeInTheDocument();
      expect(screen.queryByTestId('render-error')).toBeNull();
    } finally {
      quiet.mockRestore();
    }
  });
});
