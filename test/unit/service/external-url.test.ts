import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../../../main/core/service/external-url';

describe('safeExternalUrl', () => {
  it('lets plain http and https links through, normalized', () => {
    expect(safeExternalUrl('https://modelcontextprotocol.io/docs')).toBe('https://modelcontextprotocol.io/docs');
    expect(safeExternalUrl('http://example.com')).toBe('http://example.com/');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.com/',
    'https://exa mple.com',
    'https://example.com/\n',
    'not a url',
    '',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('refuses %s', (raw) => {
    expect(safeExternalUrl(raw)).toBeUndefined();
  });
});
