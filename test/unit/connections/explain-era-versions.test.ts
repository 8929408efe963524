import { describe, expect, it } from 'vitest';
import { explainEra } from '../../../main/core/connections/era/explain-era';

/** A server's supportedVersions is the server's text: the explanation names ten and counts the rest. */
describe('the era explanation with a long list of offered versions', () => {
  it('names ten versions and counts the rest, in the explanation and the probe detail', () => {
    const offered = ['2026-07-28', ...Array.from({ length: 200 }, (_, i) => `2099-${i}`)];
    const detection = explainEra({
      requested: 'auto',
      chosen: 'modern',
      negotiatedVersion: '2026-07-28',
      supportedVersions: offered,
      probe: { outcome: 'modern', detail: 'offered …' },
    });
    expect(detection.explanation).toContain(`offering ${offered.slice(0, 10).join(', ')} and 191 more`);
    expect(detection.explanation).not.toContain('2099-150');
  });
});

describe('the era explanation of a modern connection', () => {
  it('says once which protocol the connection speaks', () => {
    const facts = { chosen: 'modern' as const, negotiatedVersion: '2026-07-28', supportedVersions: ['2026-07-28'], probe: { outcome: 'modern' as const, detail: 'offered 2026-07-28' } };
    expect(explainEra({ ...facts, requested: 'auto' }).explanation).toBe('Auto: the server answered server/discover, offering 2026-07-28, so the connection speaks the 2026-07-28 protocol.');
    expect(explainEra({ ...facts, requested: 'modern' }).explanation).toBe('The modern era was chosen for this connection: the server answered server/discover, offering 2026-07-28; the connection speaks the 2026-07-28 protocol.');
  });
});
