import { describe, expect, it } from 'vitest';
import { axisTicks, fitRange, formatOffset, formatTick, MIN_RANGE_MS, panRange, zoomRange } from '../../../renderer/timeline/timeline-range';

describe('timeline ranges', () => {
  it('fit all leaves 2 % of air each side; a lone instant gets 100 ms around it', () => {
    expect(fitRange(100, 200)).toEqual({ from: 98, to: 202 });
    expect(fitRange(100, 100)).toEqual({ from: 50, to: 150 });
  });

  it('zooms around an anchor, which stays where it is on screen, and never below the narrowest range', () => {
    const range = { from: 0, to: 100 };
    expect(zoomRange(range, 0.5)).toEqual({ from: 25, to: 75 });
    expect(zoomRange(range, 0.5, 80)).toEqual({ from: 40, to: 90 });
    expect(zoomRange(range, 2, 0)).toEqual({ from: 0, to: 200 });
    const tiny = zoomRange(range, 1e-9);
    expect(tiny.to - tiny.from).toBeCloseTo(MIN_RANGE_MS, 9);
  });

  it('pans by a share of the width', () => {
    expect(panRange({ from: 10, to: 20 }, -0.2)).toEqual({ from: 8, to: 18 });
  });

  it('ticks at round steps counted from the origin, about one per 110 px', () => {
    expect(axisTicks({ from: 1000, to: 2000 }, 550, 1003)).toEqual([1003, 1203, 1403, 1603, 1803]);
    expect(axisTicks({ from: 0, to: 10 }, 1100)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('offsets in words', () => {
    expect([0, 0.25, 3.21, 512.4, 1250, 12_340, 125_000].map(formatOffset)).toEqual(['0 ms', '0.25 ms', '3.2 ms', '512 ms', '1.25 s', '12.3 s', '2 min 5 s']);
  });

  it('axis labels with the decimals their step needs', () => {
    expect([5010, 5015, 5020].map((t) => formatTick(t, 5))).toEqual(['5.010 s', '5.015 s', '5.020 s']);
    expect([0, 250, 500].map((t) => formatTick(t, 250))).toEqual(['0 ms', '250 ms', '500 ms']);
    expect([0.2, 0.4].map((t) => formatTick(t, 0.2))).toEqual(['0.2 ms', '0.4 ms']);
    expect([2000, 4000].map((t) => formatTick(t, 2000))).toEqual(['2 s', '4 s']);
  });
});
