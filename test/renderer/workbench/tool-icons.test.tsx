import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ToolList } from '../../../renderer/components/tools/tool-list';
import type { ToolInfo } from '../../../renderer/stores/tools-store';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function listOf(tools: ToolInfo[]) {
  const noop = () => undefined;
  return render(<ToolList tools={tools} status="ready" query="" onQuery={noop} onSelect={noop} onRefresh={noop} onDismissNotice={noop} />);
}

/**
 * Tool icons (MCP 2025-11-25 `icons`): the window fetches nothing from the network (its
 * Content-Security-Policy allows data: images only), so a data: image is shown and an icon at an
 * address is not, whichever comes first; a script-capable or non-image data: URI is never used.
 */
describe('tool icons in the Tools list', () => {
  it('shows the first data: image among the icons, decorative (the name beside it says what it is)', () => {
    const { container } = listOf([
      { name: 'search', inputSchema: { type: 'object' }, icons: [{ src: 'https://cdn.example.com/search.png' }, { src: PNG, mimeType: 'image/png' }] } as ToolInfo,
    ]);
    const images = container.querySelectorAll('img.tool-icon');
    expect(images).toHaveLength(1);
    expect(images[0]!.getAttribute('src')).toBe(PNG);
    expect(images[0]!.getAttribute('alt')).toBe('');
  });

  it('shows no image for an icon at an address, or for a data: URI that is not a known image type', () => {
    const { container } = listOf([
      { name: 'remote', inputSchema: { type: 'object' }, icons: [{ src: 'https://cdn.example.com/remote.png' }] } as ToolInfo,
      { name: 'html', inputSchema: { type: 'object' }, icons: [{ src: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' }] } as ToolInfo,
      { name: 'none', inputSchema: { type: 'object' } } as ToolInfo,
    ]);
    expect(container.querySelectorAll('img')).toHaveLength(0);
    expect(container.querySelectorAll('[data-testid="tool-item"]')).toHaveLength(3);
  });
});
