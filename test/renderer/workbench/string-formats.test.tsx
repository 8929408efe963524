import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ToolCallOutcome } from '../../../shared/ipc/contract';
import { openToolsSection, PLAYGROUND_INFO, setUpToolsSectionTests } from '../support/open-tools-section';

/**
 * Strings with a `format` in a tool's input schema are checked before anything is sent (JSON
 * Schema 2020-12 formats, by the form's validator), and each error sits next to its own field.
 */
setUpToolsSectionTests();

const info = PLAYGROUND_INFO;
const SUBSCRIBE = {
  name: 'subscribe',
  inputSchema: { type: 'object', properties: { email: { type: 'string', format: 'email' }, homepage: { type: 'string', format: 'uri' } }, required: ['email'] },
};
const outcome: ToolCallOutcome = { result: { content: [{ type: 'text', text: 'subscribed' }] }, elapsedMs: 2, latencyMs: 1 };

async function openTools() {
  const opened = await openToolsSection({ info, tools: [SUBSCRIBE], handlers: { 'connections:call-tool': () => outcome } });
  return opened.fake;
}

/** The field's own wrapper: its label, input, help and errors. */
const fieldOf = (label: RegExp) => screen.getByLabelText(label).closest('.form-group') as HTMLElement;

describe('string formats in the tool form', () => {
  it('an invalid email and an invalid URI block the call, each error next to its field; fixed, the call goes', async () => {
    const fake = await openTools();
    fireEvent.change(screen.getByLabelText(/^email/), { target: { value: 'not-an-email' } });
    fireEvent.change(screen.getByLabelText(/^homepage/), { target: { value: 'not a uri' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    await waitFor(() => expect(fieldOf(/^email/)).toHaveTextContent('must be a valid email'));
    expect(fieldOf(/^homepage/)).toHaveTextContent('must be a valid uri');
    // Each error under its own field, not the other's.
    expect(fieldOf(/^email/)).not.toHaveTextContent('uri');
    expect(fieldOf(/^homepage/)).not.toHaveTextContent('email');
    expect(fake.calls('connections:call-tool')).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^email/), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText(/^homepage/), { target: { value: 'https://example.com/ada' } });
    fireEvent.click(screen.getByTestId('call-tool'));
    await waitFor(() => expect(fake.calls('connections:call-tool')).toHaveLength(1));
    expect(JSON.parse((fake.calls('connections:call-tool')[0] as { argumentsJson: string }).argumentsJson)).toEqual({ email: 'ada@example.com', homepage: 'https://example.com/ada' });
    expect(fieldOf(/^email/)).not.toHaveTextContent('must be a valid');
  });
});
