import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RenderErrorBoundary } from '../../../renderer/components/render-error-boundary';

function Part({ fail }: { fail: boolean }) {
  if (fail) throw new Error('Definition for #/$defs/B is a circular reference');
  return <p>drawn</p>;
}

describe('RenderErrorBoundary: an error while drawing one part stays in that part', () => {
  it('says what failed and why, offers the action, keeps what is around it, and draws again for a new reset key', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const page = (fail: boolean, key: string) => (
        <main>
          <h1>around</h1>
          <RenderErrorBoundary what="The Tools section" resetKey={key} action={<button type="button">Edit as JSON</button>}>
            <Part fail={fail} />
          </RenderErrorBoundary>
        </main>
      );
      const { rerender } = render(page(true, 'a'));
      expect(screen.getByRole('alert')).toHaveTextContent('The Tools section could not be drawn: Definition for #/$defs/B is a circular reference');
      expect(screen.getByRole('button', { name: 'Edit as JSON' })).toBeInTheDocument();
      expect(screen.getByRole('heading', { name: 'around' })).toBeInTheDocument();
      // The same key: still failed (not drawn again on every update); a new key draws again.
      rerender(page(false, 'a'));
      expect(screen.getByRole('alert')).toBeInTheDocument();
      rerender(page(false, 'b'));
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.getByText('drawn')).toBeInTheDocument();
    } finally {
      quiet.mockRestore();
    }
  });
});
