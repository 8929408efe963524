import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl } from '../../../main/core/service/sender-policy';
import { META_CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../../main/core/service/content-security-policy';

const packaged = { indexFileUrl: 'file:///opt/MCP%20Periscope/resources/app.asar/out/renderer/index.html' };
const dev = { devServerUrl: 'http://localhost:5173/' };

describe('isTrustedRendererUrl', () => {
  it('trusts our own index.html, with or without a hash', () => {
    expect(isTrustedRendererUrl(packaged.indexFileUrl, packaged)).toBe(true);
    expect(isTrustedRendererUrl(`${packaged.indexFileUrl}#/trace`, packaged)).toBe(true);
  });

  it('trusts the dev server origin only in development', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/', packaged)).toBe(false);
  });

  it.each([
    'file:///tmp/evil.html',
    'file:///opt/MCP%20Periscope/resources/app.asar/out/renderer/other.html',
    'http://localhost:5174/',
    'https://localhost:5173/',
    'http://evil.example/',
    'data:text/html,<script>1</script>',
    'about:blank',
    '',
    'not a url',
  ])('drops %s', (url) => {
    expect(isTrustedRendererUrl(url, { ...packaged, ...dev })).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only our own scripts: no eval, no inline script, no remote code', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('opens connect-src only to the dev server socket or the test bridge when asked', () => {
    expect(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173' })).toContain("connect-src 'self' ws://localhost:5173");
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });
});
