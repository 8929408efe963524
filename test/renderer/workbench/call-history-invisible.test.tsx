import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CallHistory } from '../../../renderer/components/tools/call-history';
import type { ToolCall } from '../../../renderer/stores/tool-calls-store';

/**
 * A history line holds what the server answered (the start of its text) beside what the app says
 * (the latency): a bidi override in the server's text must not reorder the app's words, so it is
 * written as its escape there, as in the result itself.
 */
const call: ToolCall = {
  id: 'k1',
  connectionId: 'c1',
  tool: 'echo',
  argumentsText: '{"message":"rtl\u202eevil"}',
  startedAt: Date.UTC(2026, 0, 1),
  status: 'done',
  outcome: { result: { content: [{ type: 'text', text: 'rtl\u202eevil' }] }, elapsedMs: 13, latencyMs: 13 },
};

describe('a history line with characters that act instead of showing', () => {
  it('shows the result text and the arguments with them escaped, and the latency after them as written', () => {
    const noop = () => {};
    render(<CallHistory calls={[call]} shownId={undefined} live commandFor={() => undefined} onShow={noop} onRerun={noop} onEdit={noop} onPin={noop} onCopyCommand={noop} />);
    const entry = screen.getByTestId('history-entry');
    expect(entry.textContent).not.toContain('\u202e');
    expect(entry.querySelector('.history-outcome')?.textContent).toBe('ok: rtl\\u202eevil, 13 ms');
    expect(entry.querySelector('.history-args')?.textContent).toBe('{"message":"rtl\\u202eevil"}');
    expect(entry.querySelector('.history-args')?.getAttribute('title')).not.toContain('\u202e');
  });
});
