import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorNotice } from '../../../renderer/components/error-notice';
import type { ErrorInfo } from '../../../shared/model/error-info';

const expired: ErrorInfo = {
  kind: 'auth',
  message: 'POST https://mcp.example/mcp answered 401 Unauthorized; it asks for Bearer',
  hint: 'The token expired 3 h ago (2026-12-01T09:00:00Z): get a new token (with what the server needs) and set it in the Authorization header',
  detail: {
    status: 401,
    wwwAuthenticate: [{ scheme: 'Bearer', params: { realm: 'mcp', error: 'invalid_token', resource_metadata: 'https://mcp.example/.well-known/oauth-protected-resource' } }],
    sentHeaders: { authorization: 'Bearer [redacted]', 'content-type': 'application/json' },
    token: {
      format: 'jwt',
      claims: { iss: 'https://as.example', sub: 'ada', aud: ['https://mcp.example/mcp'], exp: 1_764_579_600 },
      otherClaims: ['email'],
      times: { exp: 'expired 3 h ago' },
      problems: ['the token expired 3 h ago (2026-12-01T09:00:00Z)'],
      signature: 'not checked',
    },
  },
};

describe('an auth error explained', () => {
  it('shows the challenge, the token read without its key, what is wrong with it, and the masked headers sent', () => {
    render(<ErrorNotice error={expired} />);
    const explained = screen.getByTestId('auth-explanation');
    const challenge = within(explained).getByRole('region', { name: 'Challenge 1: Bearer' });
    expect(challenge).toHaveTextContent('errorinvalid_token');
    expect(challenge).toHaveTextContent('resource_metadatahttps://mcp.example/.well-known/oauth-protected-resource');
    const token = within(explained).getByRole('region', { name: 'The bearer token, read without its key' });
    expect(token).toHaveTextContent('the signature was not checked');
    expect(token.querySelector('[data-claim="exp"] dd')).toHaveTextContent(/^2025-12-01T09:00:00Z \(expired 3 h ago\)$/);
    expect(token.querySelector('[data-claim="aud"] dd')).toHaveTextContent('["https://mcp.example/mcp"]');
    expect(within(token).getByRole('list', { name: 'What is wrong with the token' })).toHaveTextContent('the token expired 3 h ago');
    expect(within(token).getByText('email')).toBeInTheDocument();
    expect(within(explained).getByRole('region', { name: 'Headers sent' })).toHaveTextContent('authorizationBearer [redacted]');
  });

  it('says an opaque token cannot be read, and shows nothing extra for other kinds of error', () => {
    const opaque = { ...expired, detail: { token: { format: 'opaque', problems: [], signature: 'not checked' } } };
    const { unmount } = render(<ErrorNotice error={opaque} />);
    expect(screen.getByTestId('auth-token')).toHaveTextContent('An opaque token: only the server that issued it can read it.');
    unmount();
    render(<ErrorNotice error={{ ...expired, kind: 'timeout' }} />);
    expect(screen.queryByTestId('auth-explanation')).not.toBeInTheDocument();
  });
});
