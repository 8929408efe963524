import { describe, expect, it } from 'vitest';
import { expectFormRoundTrip, expectJsonModeShows } from './round-trip-checks';
import { CORPUS } from './tool-schema-corpus';

/** Every schema of the hand-written corpus (shapes chosen one per feature) through form and JSON mode. */
describe('tool form round trip over hand-picked schemas', () => {
  it('has at least 30 schemas', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s: form → JSON → form without change', async (_name, { schema, text }) => {
    await expectFormRoundTrip(schema, text);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s: JSON mode shows the text as typed', async (_name, { text }) => {
    await expectJsonModeShows(text);
  });
});
