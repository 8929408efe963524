import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RootsEditor } from '../../../renderer/components/server-requests/roots-editor';

/**
 * A root that is not a file:// URI with a path (MCP 2025-11-25: roots are file:// URIs) gets a
 * note and can still be saved, so QA can see how a server copes; a URI without a scheme is refused.
 */
describe('the Roots editor on URIs that are not file:// roots', () => {
  it.each([
    ['http://example.com/x', true],
    ['file://', true],
    ['file:///', true],
    ['file:///tmp/a b', false],
    ['file://server/share/project', false],
  ])('%s: note shown %s, Save allowed', (uri, noted) => {
    const onSave = vi.fn(async () => true);
    const { getByTestId, queryByTestId } = render(<RootsEditor idPrefix="r" saved={[]} era="legacy" declared disabled={false} onSave={onSave} />);
    fireEvent.click(getByTestId('add-root'));
    fireEvent.change(getByTestId('root-uri'), { target: { value: uri } });
    expect(queryByTestId('root-uri-note') !== null).toBe(noted);
    // The note is the field's description, as an error would be.
    expect(getByTestId('root-uri').getAttribute('aria-describedby') === 'r-root-0-note').toBe(noted);
    expect(getByTestId('save-roots')).not.toBeDisabled();
  });

  it('refuses a URI with no scheme, with the error instead of the note', () => {
    const { getByTestId, queryByTestId, getByText } = render(<RootsEditor idPrefix="r" saved={[]} era="legacy" declared disabled={false} onSave={async () => true} />);
    fireEvent.click(getByTestId('add-root'));
    fireEvent.change(getByTestId('root-uri'), { target: { value: 'home/me/project' } });
    expect(getByText('A root is a URI such as file:///home/me/project')).toBeInTheDocument();
    expect(queryByTestId('root-uri-note')).toBeNull();
    expect(getByTestId('save-roots')).toBeDisabled();
  });
});
