import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContentBlocks } from '../../../renderer/components/trace/content-blocks';
import { chunksOf } from '../../../renderer/components/trace/large-text';
import { DANGEROUS } from '../../fixtures/dangerous-text';

describe('characters that act instead of showing, in the window', () => {
  it.each(DANGEROUS)('$name: a text block shows its \\uXXXX escape, as the CLI does', ({ text, shown }) => {
    render(<ContentBlocks blocks={[{ kind: 'text', text: `before ${text} after`, label: 'Block 1' }]} />);
    expect(screen.getByTestId('content-text').textContent).toBe(`before ${shown} after`);
  });

  it('in Markdown too, and a long text cut into blocks keeps every escape whole', async () => {
    render(<ContentBlocks blocks={[{ kind: 'text', text: '# Title\n\nrtl\u202eevil and a\u0000b', label: 'Block 1' }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show as Markdown: Block 1' }));
    const view = await screen.findByTestId('markdown-view');
    expect(view.textContent).toContain('rtl\\u202eevil and a\\u0000b');
    expect(view.textContent).not.toContain('\u202e');
    expect(view.textContent).not.toContain('\u0000');
    const long = `${'x'.repeat(20_000)}\u202e${'y'.repeat(20_000)}`;
    const { container } = render(<ContentBlocks blocks={[{ kind: 'text', text: long, label: 'Block 2' }]} />);
    expect(container.textContent).not.toContain('\u202e');
    expect(chunksOf('a\u202eb').join('')).toBe('a\u202eb');
  });

  it('leaves ordinary text alone: tabs, line breaks, CRLF, emoji with joiners, other scripts', () => {
    const plain = 'tab\there\nline two\r\nfamily 👨\u200d👩\u200d👧 and עברית';
    render(<ContentBlocks blocks={[{ kind: 'text', text: plain, label: 'Block 1' }]} />);
    expect(screen.getByTestId('content-text').textContent).toBe(plain);
  });
});
