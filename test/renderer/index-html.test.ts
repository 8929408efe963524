import { describe, expect, it } from 'vitest';
import indexHtml from '../../renderer/index.html?raw';
import { META_CONTENT_SECURITY_POLICY } from '../../main/core/service/content-security-policy';

describe('renderer/index.html', () => {
  const doc = new DOMParser().parseFromString(indexHtml, 'text/html');

  it('carries the same strict Content-Security-Policy as the main process sends', () => {
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    const policy = meta?.getAttribute('content') ?? '';
    expect(policy).toBe(META_CONTENT_SECURITY_POLICY);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toMatch(/script-src 'self'(;|$)/);
  });

  it('loads only the bundled module script and no inline code', () => {
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts).toHaveLength(1);
    expect(scripts[0].getAttribute('src')).toBe('./main.tsx');
    expect(scripts[0].textContent).toBe('');
    expect(doc.querySelectorAll('style')).toHaveLength(0);
  });
});
