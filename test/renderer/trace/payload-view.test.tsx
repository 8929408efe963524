import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chunksOf, TEXT_CHUNK_CHARS } from '../../../renderer/components/trace/large-text';
import { PayloadView } from '../../../renderer/components/trace/payload-view';
import { installFakeLayout } from '../support/layout';

installFakeLayout(480, 600);

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const result = (over: Record<string, unknown>) => ({ jsonrpc: '2.0', id: 7, result: over });

describe('payloads of any size and kind', () => {
  it('shows a 5 MB text result complete: every block of it is reachable by scrolling, wrapped', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `line ${i} ${'lorem ipsum '.repeat(8)}`);
    const text = `${lines.join('\n')}\nTHE VERY END`;
    expect(text.length).toBeGreaterThan(5_000_000);
    render(<PayloadView title="Message" value={result({ content: [{ type: 'text', text }] })} />);
    // Content first: the text block with its real line breaks, not a JSON string.
    expect(screen.getByRole('button', { name: 'Content' })).toHaveAttribute('aria-pressed', 'true');
    const window = screen.getByTestId('content-text');
    expect(window).toHaveAttribute('data-length', String(text.length));
    expect(Number(window.getAttribute('data-chunks'))).toBe(chunksOf(text).length);
    expect(within(window).getAllByText(/line 0 lorem/)[0]).toBeInTheDocument();
    // Scrolling to the end brings the last block (virtualized: only blocks in view exist).
    window.scrollTo({ top: 1e9 });
    fireEvent.scroll(window);
    expect(window.textContent).toContain('THE VERY END');
    expect(window.querySelectorAll('pre').length).toBeLessThan(6);
  });

  it('the JSON modes are complete too', () => {
    const text = 'x'.repeat(300_000);
    render(<PayloadView title="Message" value={result({ content: [{ type: 'text', text }] })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Raw' }));
    const raw = screen.getByTestId('payload-text');
    expect(Number(raw.getAttribute('data-length'))).toBe(JSON.stringify(result({ content: [{ type: 'text', text }] })).length);
    expect(screen.queryByTestId('payload-show-all')).toBeNull();
  });

  it('cuts text into blocks at line breaks when it can, and hard only inside a very long line', () => {
    const lined = Array.from({ length: 3_000 }, (_, i) => `row ${i}`).join('\n');
    const blocks = chunksOf(lined);
    expect(blocks.join('')).toBe(lined);
    for (const block of blocks.slice(0, -1)) expect(block.endsWith('\n')).toBe(true);
    const oneLine = 'y'.repeat(TEXT_CHUNK_CHARS * 3 + 5);
    expect(chunksOf(oneLine).map((b) => b.length)).toEqual([TEXT_CHUNK_CHARS, TEXT_CHUNK_CHARS, TEXT_CHUNK_CHARS, 5]);
  });

  it('shows images as images: image content, an image resource blob, a text holding a data: URI', () => {
    render(
      <PayloadView
        title="Message"
        value={result({
          content: [
            { type: 'image', mimeType: 'image/png', data: PNG },
            { type: 'resource', resource: { uri: 'file:///logo.png', mimeType: 'image/png', blob: PNG } },
            { type: 'text', text: `data:image/png;base64,${PNG}` },
            { type: 'resource', resource: { uri: 'file:///data.bin', mimeType: 'application/octet-stream', blob: 'AAEC' } },
            { type: 'image', mimeType: 'text/html', data: PNG },
          ],
        })}
      />,
    );
    const images = screen.getAllByTestId('content-image') as HTMLImageElement[];
    expect(images).toHaveLength(3);
    for (const img of images) expect(img.getAttribute('src')).toBe(`data:image/png;base64,${PNG}`);
    expect(images[1]).toHaveAccessibleName('Block 2: embedded resource: file:///logo.png: image/png image');
    expect(screen.getByTestId('content-blocks')).toHaveTextContent('binary, application/octet-stream');
    expect(screen.getByTestId('content-blocks')).toHaveTextContent('image of type text/html (not shown)');
  });

  it('reads resources/read contents and prompts/get messages as content too', () => {
    const { unmount } = render(<PayloadView title="Message" value={result({ contents: [{ uri: 'playground://readme', mimeType: 'text/markdown', text: '# Hello\nworld' }] })} />);
    expect(screen.getByTestId('content-text').textContent).toBe('# Hello\nworld');
    unmount();
    render(<PayloadView title="Message" value={result({ messages: [{ role: 'user', content: { type: 'text', text: 'Summarize this' } }] })} />);
    expect(screen.getByTestId('content-blocks')).toHaveTextContent('Message 1 (user)');
    expect(screen.getByTestId('content-text')).toHaveTextContent('Summarize this');
  });

  it('a message without content blocks opens as pretty JSON', () => {
    render(<PayloadView title="Message" value={{ jsonrpc: '2.0', id: 1, method: 'ping' }} />);
    expect(screen.queryByRole('button', { name: 'Content' })).toBeNull();
    expect(screen.getByTestId('payload-text').textContent).toContain('"method": "ping"');
  });
});
