import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContentBlocks } from '../../../renderer/components/trace/content-blocks';
import { MARKDOWN_MAX_CHARS } from '../../../renderer/components/trace/text-block';

const HOSTILE = [
  '# Report',
  '',
  'Some **bold** text and a table:',
  '',
  '| city | temp |',
  '| --- | --- |',
  '| Oslo | 3 |',
  '',
  '<img src="http://127.0.0.1:9/pixel" onerror="alert(1)"><script>alert(2)</script>',
  '',
  '[docs](https://example.com/docs) and [run me](javascript:alert(3))',
  '',
  '![chart](http://127.0.0.1:9/chart.png)',
].join('\n');

describe('text content as Markdown, on request', () => {
  // The view loads on first use; loaded here first, so a busy machine's first transform of the
  // Markdown libraries cannot outlast a findBy's wait (these tests are about what it shows).
  beforeAll(async () => {
    await import('../../../renderer/components/markdown/markdown-view');
  }, 60_000);

  it('shows the text exactly by default and renders Markdown only when asked', async () => {
    render(<ContentBlocks blocks={[{ kind: 'text', text: HOSTILE, label: 'Block 1' }]} />);
    expect(screen.getByTestId('content-text').textContent).toBe(HOSTILE);
    expect(screen.queryByTestId('markdown-view')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show as Markdown: Block 1' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(toggle);
    const view = await screen.findByTestId('markdown-view');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(within(view).getByRole('heading', { level: 1 })).toHaveTextContent('Report');
    expect(within(view).getByRole('table')).toHaveTextContent('Oslo');
    expect(view.querySelector('strong')).toHaveTextContent('bold');
    fireEvent.click(toggle);
    expect(screen.queryByTestId('markdown-view')).toBeNull();
    expect(screen.getByTestId('content-text').textContent).toBe(HOSTILE);
  });

  it('lets nothing in a server text act by itself: no raw HTML, no fetched image, no navigating link', async () => {
    render(<ContentBlocks blocks={[{ kind: 'text', text: HOSTILE, label: 'Block 1' }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show as Markdown: Block 1' }));
    const view = await screen.findByTestId('markdown-view');
    expect(view.querySelector('script, img, iframe, a[href]')).toBeNull();
    // Raw HTML is shown as text, so the user sees what the server sent.
    expect(view).toHaveTextContent('<script>alert(2)</script>');
    expect(within(view).getByTestId('markdown-image')).toHaveTextContent('[image: chart] http://127.0.0.1:9/chart.png');
    // A link shows its full address; only an http(s) one gets a button to open it.
    expect(view).toHaveTextContent('docs https://example.com/docs');
    expect(within(view).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Open https://example.com/docs in the system browser']);
  });

  it.each(['javascript:alert(3)', 'JaVaScRiPt:alert(4)', 'vbscript:msgbox(1)', 'data:text/html;base64,PGI+eDwvYj4=', 'file:///etc/passwd', 'weird+scheme://a/b', 'relative/path'])(
    'shows a link to %s with its address as the server sent it, as text, with no way to open it',
    async (address) => {
      render(<ContentBlocks blocks={[{ kind: 'text', text: `see [this](<${address}>)`, label: 'Block 1' }]} />);
      fireEvent.click(screen.getByRole('button', { name: 'Show as Markdown: Block 1' }));
      const view = await screen.findByTestId('markdown-view');
      expect(view.querySelector('a, [href]')).toBeNull();
      expect(view.querySelector('.markdown-link-url')?.textContent).toBe(address);
      expect(within(view).queryAllByRole('button')).toEqual([]);
    },
  );

  it('keeps a text too long to render as plain text, and says why', () => {
    const long = 'x'.repeat(MARKDOWN_MAX_CHARS + 1);
    render(<ContentBlocks blocks={[{ kind: 'text', text: long, label: 'Block 1' }]} />);
    const toggle = screen.getByRole('button', { name: 'Show as Markdown: Block 1' });
    expect(toggle).toBeDisabled();
    expect(toggle.getAttribute('title')).toMatch(/Longer than 200,000 characters/);
  });
});
