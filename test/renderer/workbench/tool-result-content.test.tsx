import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CallResult } from '../../../renderer/components/tools/call-result';
import type { ToolCall } from '../../../renderer/stores/tool-calls-store';
import type { ToolInfo } from '../../../renderer/stores/tools-store';
import { installFakeLayout } from '../support/layout';

/**
 * A tool result by content type, as the Tools section draws it: text with Find in result and Copy
 * text, audio and images, structuredContent checked against the tool's outputSchema.
 */
installFakeLayout(480, 600);

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** The first bytes of a WAV file ("RIFF....WAVE"), enough to be audio by its type. */
const WAV = 'UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA=';

const callOf = (result: Record<string, unknown>): ToolCall => ({
  id: 'call-1',
  connectionId: 'c1',
  tool: 'weather',
  argumentsText: '{}',
  startedAt: 0,
  status: 'done',
  elapsedMs: 5,
  outcome: { result, elapsedMs: 5, latencyMs: 3 },
});

const WEATHER: ToolInfo = {
  name: 'weather',
  inputSchema: { type: 'object' },
  outputSchema: {
    type: 'object',
    properties: { city: { type: 'string' }, temperatureC: { type: 'number' }, sky: { enum: ['clear', 'cloudy'] } },
    required: ['city', 'temperatureC', 'sky'],
  },
} as ToolInfo;

/** A text of over 5 MB whose only "needle" is near its end. */
function bigText(): string {
  const lines = Array.from({ length: 52_000 }, (_, i) => `line ${i}: ${'the quick brown fox jumps over the lazy dog '.repeat(2)}`);
  return `${lines.join('\n')}\nthe NEEDLE near the end\nlast line`;
}

describe('a tool result, by content type', () => {
  it('finds in a 5 MB text result: the count, the match marked and scrolled to, though its block was not drawn', async () => {
    const text = bigText();
    expect(text.length).toBeGreaterThan(5_000_000);
    render(<CallResult call={callOf({ content: [{ type: 'text', text }] })} tool={undefined} />);
    const window = screen.getByTestId('content-text');
    expect(window.textContent).not.toContain('NEEDLE');
    const find = screen.getByRole('searchbox', { name: 'Find in result' });
    fireEvent.change(find, { target: { value: 'needle' } });
    await waitFor(() => expect(screen.getByTestId('find-count')).toHaveTextContent('1 of 1'));
    const mark = await within(window).findByTestId('find-current');
    expect(mark).toHaveTextContent('NEEDLE');
    expect(mark.tagName).toBe('MARK');
    expect(window.scrollTop).toBeGreaterThan(0);
    // Esc empties the field, and the marks go with it.
    fireEvent.keyDown(find, { key: 'Escape' });
    expect(find).toHaveValue('');
    await waitFor(() => expect(within(window).queryByTestId('find-current')).toBeNull());
  });

  it('Enter and Next go forward, Shift+Enter and Previous back, wrapping at either end', async () => {
    const text = `Alpha beta ALPHA gamma alpha\n${'filler line\n'.repeat(12)}`;
    render(<CallResult call={callOf({ content: [{ type: 'text', text }] })} tool={undefined} />);
    const find = screen.getByRole('searchbox', { name: 'Find in result' });
    fireEvent.change(find, { target: { value: 'alpha' } });
    const count = screen.getByTestId('find-count');
    await waitFor(() => expect(count).toHaveTextContent('1 of 3'));
    expect(screen.getByTestId('content-text').querySelectorAll('mark')).toHaveLength(3);
    expect(screen.getByTestId('find-current')).toHaveTextContent('Alpha');
    fireEvent.keyDown(find, { key: 'Enter' });
    expect(count).toHaveTextContent('2 of 3');
    expect(screen.getByTestId('find-current')).toHaveTextContent('ALPHA');
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(count).toHaveTextContent('3 of 3');
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(count).toHaveTextContent('1 of 3');
    fireEvent.keyDown(find, { key: 'Enter', shiftKey: true });
    expect(count).toHaveTextContent('3 of 3');
    fireEvent.click(screen.getByRole('button', { name: 'Previous match' }));
    expect(count).toHaveTextContent('2 of 3');
    // A new search starts at its first occurrence; none says so and disables the buttons.
    fireEvent.change(find, { target: { value: 'delta' } });
    await waitFor(() => expect(count).toHaveTextContent('No matches'));
    expect(screen.getByRole('button', { name: 'Next match' })).toBeDisabled();
    // The text itself is untouched by the marks.
    expect(screen.getByTestId('content-text')).toHaveTextContent('Alpha beta ALPHA gamma alpha');
  });

  it('a search kept from a long result marks nothing in a short one, which has no find field', async () => {
    const long = `the needle\n${'hay\n'.repeat(20)}`;
    const { rerender } = render(<CallResult call={callOf({ content: [{ type: 'text', text: long }] })} tool={undefined} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find in result' }), { target: { value: 'needle' } });
    expect(await screen.findByTestId('find-current')).toHaveTextContent('needle');
    rerender(<CallResult call={{ ...callOf({ content: [{ type: 'text', text: 'a needle' }] }), id: 'call-2' }} tool={undefined} />);
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.getByTestId('content-text').querySelector('mark')).toBeNull();
  });

  it('several text blocks: one find field each, named by its block; none over a text read at a glance', () => {
    const long = 'x'.repeat(1_001);
    const lined = Array.from({ length: 11 }, (_, i) => `line ${i}`).join('\n');
    render(<CallResult call={callOf({ content: [{ type: 'text', text: long }, { type: 'text', text: 'short' }, { type: 'text', text: lined }] })} tool={undefined} />);
    expect(screen.getAllByRole('searchbox').map((s) => s.getAttribute('aria-label'))).toEqual(['Find in result: Block 1', 'Find in result: Block 3']);
  });

  it('Copy text puts every text block on the clipboard and says so on the button', async () => {
    let copied: string | undefined;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    render(<CallResult call={callOf({ content: [{ type: 'text', text: 'first' }, { type: 'image', mimeType: 'image/png', data: PNG }, { type: 'text', text: 'second' }] })} tool={undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy text' }));
    await waitFor(() => expect(copied).toBe('first\n\nsecond'));
    expect(await screen.findByRole('button', { name: '✓ Copied' })).toBeInTheDocument();
    expect(screen.getByTestId('copy-result-text-status')).toHaveTextContent('Copy text: copied to the clipboard');
  });

  it('plays audio from its data, and draws an image', () => {
    render(
      <CallResult
        call={callOf({
          content: [
            { type: 'audio', mimeType: 'audio/wav', data: WAV },
            { type: 'image', mimeType: 'image/png', data: PNG },
          ],
        })}
        tool={undefined}
      />,
    );
    const audio = screen.getByTestId('content-audio');
    expect(audio.tagName).toBe('AUDIO');
    expect(audio).toHaveAttribute('controls');
    expect(audio).toHaveAttribute('src', `data:audio/wav;base64,${WAV}`);
    expect(audio).toHaveAttribute('aria-label', 'Block 1: audio/wav audio');
    const image = screen.getByRole('img', { name: 'Block 2: image/png image' });
    expect(image).toHaveAttribute('src', `data:image/png;base64,${PNG}`);
    // Neither is text: nothing to copy or find.
    expect(screen.queryByTestId('copy-result-text')).toBeNull();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('lists each outputSchema violation when several fields are wrong, and still shows the content', () => {
    render(<CallResult call={callOf({ content: [], structuredContent: { city: 7, temperatureC: 'warm', sky: 'purple' } })} tool={WEATHER} />);
    const items = within(screen.getByRole('list', { name: "Does not match the tool's outputSchema" })).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items.find((t) => t?.startsWith('/city'))).toMatch(/string/);
    expect(items.find((t) => t?.startsWith('/temperatureC'))).toMatch(/number/);
    expect(items.find((t) => t?.startsWith('/sky'))).toBeDefined();
    expect(screen.getByTestId('structured-json')).toHaveTextContent('"sky": "purple"');
    expect(screen.queryByTestId('output-schema-ok')).toBeNull();
  });

  it('a missing field and a missing structuredContent are violations too', () => {
    const { unmount } = render(<CallResult call={callOf({ content: [], structuredContent: { city: 'Bern', temperatureC: 21 } })} tool={WEATHER} />);
    expect(screen.getByTestId('output-violations')).toHaveTextContent(/sky/);
    unmount();
    render(<CallResult call={callOf({ content: [{ type: 'text', text: 'sunny' }] })} tool={WEATHER} />);
    expect(screen.getByTestId('output-violations')).toHaveTextContent('(structuredContent) missing: the tool declares an outputSchema but returned no structuredContent');
    expect(screen.queryByTestId('structured-json')).toBeNull();
  });

  it('says a result that fits matches; a tool error is not checked', () => {
    const { unmount } = render(<CallResult call={callOf({ content: [], structuredContent: { city: 'Bern', temperatureC: 21.5, sky: 'clear' } })} tool={WEATHER} />);
    expect(screen.getByTestId('output-schema-ok')).toHaveTextContent("✓ Matches the tool's outputSchema.");
    expect(screen.queryByTestId('output-violations')).toBeNull();
    unmount();
    render(<CallResult call={callOf({ isError: true, content: [{ type: 'text', text: 'no weather today' }] })} tool={WEATHER} />);
    expect(screen.getByTestId('call-result')).toHaveAttribute('data-outcome', 'tool-error');
    expect(screen.queryByTestId('output-violations')).toBeNull();
    expect(screen.queryByTestId('output-schema-ok')).toBeNull();
  });
});
