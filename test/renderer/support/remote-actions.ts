import { fireEvent, screen } from '@testing-library/react';

/** Opens the editor of a remote from its card (Edit sits under "More actions"). */
export function editRemote(name: string): void {
  const more = screen.getByRole('button', { name: `More actions for ${name}` });
  if (more.getAttribute('aria-expanded') !== 'true') fireEvent.click(more);
  fireEvent.click(screen.getByRole('button', { name: `Edit ${name}` }));
}
