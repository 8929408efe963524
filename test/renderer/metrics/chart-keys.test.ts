import { describe, expect, it } from 'vitest';
import { chartKeyAction } from '../../../renderer/components/metrics/chart-keys';

/** The latency charts' keyboard zoom and pan (the timeline's keys), on a linear and a log axis. */
describe('latency charts: zoom and pan from the keyboard', () => {
  const range = (key: string, min: number, max: number, log = false) => {
    const action = chartKeyAction(key, min, max, log);
    return action && action !== 'show-all' ? action.range : action;
  };

  it('pans a fifth of the range shown with the arrow keys', () => {
    expect(range('ArrowRight', 100, 200)).toEqual([120, 220]);
    expect(range('ArrowLeft', 100, 200)).toEqual([80, 180]);
  });

  it('halves the range around its middle with + (or =) and doubles it with − (or -, _)', () => {
    for (const key of ['+', '=']) expect(range(key, 100, 200)).toEqual([125, 175]);
    for (const key of ['-', '_', '−']) expect(range(key, 100, 200)).toEqual([50, 250]);
  });

  it('shows everything again with 0 or Home', () => {
    expect(chartKeyAction('0', 100, 200)).toBe('show-all');
    expect(chartKeyAction('Home', 100, 200)).toBe('show-all');
  });

  it('moves a log axis in its log space: a step covers the same share of decades anywhere', () => {
    const [from, to] = range('ArrowRight', 1, 1000, true) as [number, number];
    expect(Math.log10(from)).toBeCloseTo(0.6, 9);
    expect(Math.log10(to)).toBeCloseTo(3.6, 9);
    const [zoomFrom, zoomTo] = range('+', 1, 10_000, true) as [number, number];
    expect([Math.log10(zoomFrom), Math.log10(zoomTo)].map((v) => Number(v.toFixed(9)))).toEqual([1, 3]);
  });

  it('leaves other keys to the page, and does nothing with a range that cannot move', () => {
    for (const key of ['Tab', 'Enter', 'a', 'ArrowUp', 'PageDown']) expect(chartKeyAction(key, 100, 200)).toBeUndefined();
    expect(chartKeyAction('+', 5, 5)).toBeUndefined();
    expect(chartKeyAction('ArrowLeft', Number.NaN, 5)).toBeUndefined();
    expect(chartKeyAction('+', 0, 100, true)).toBeUndefined();
  });
});
