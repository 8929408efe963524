import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { latencyChartOptions } from '../../../renderer/components/metrics/latency-chart-options';
import { dateTimeLabel, timeOfDayLabel } from '../../../renderer/workbench/chart-time-labels';

/**
 * How the latency-over-time chart writes times: its axis at every zoom, and its legend under the
 * pointer. Times are built in local time (the chart's clock), so the expectations hold in any zone.
 */
const options = latencyChartOptions(['tools/call'], 800, { text: '#000', grid: '#ccc' });
const u = {} as uPlot;
const axisValues = options.axes![0]!.values as (u: uPlot, splits: number[], axisIdx: number, space: number, step: number) => string[];
const legendTime = options.series[0]!.value as (u: uPlot, v: number | null, seriesIdx: number, dataIdx: number | null) => string;

/** Seconds since the epoch, as uPlot holds the chart's x, for a local date and time. */
const at = (hours: number, minutes: number, seconds: number, ms = 0, day = 28) => new Date(2026, 6, day, hours, minutes, seconds, ms).getTime() / 1000;
/** `count` ticks `step` seconds apart, the first on a multiple of the step after `from` (uPlot's splits). */
const ticks = (from: number, step: number, count = 6) => Array.from({ length: count }, (_, i) => Number(((Math.ceil(from / step) + i) * step).toFixed(3)));

// uPlot's steps for a time axis, from a millisecond to twelve hours.
const STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200];

/** A label's time of day back in seconds since midnight ("18:36:15.5" → 66975.5), its first line only. */
function secondsOfDay(label: string): number {
  const [h, m, s = '0'] = label.split('\n')[0]!.split(':');
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

describe('latency over time: the time axis', () => {
  it('reads "18:36:15" and "18:36:15.5" at half seconds, not ":15.500"', () => {
    const labels = axisValues(u, [at(18, 36, 15), at(18, 36, 15, 500), at(18, 36, 16)], 0, 50, 0.5);
    expect(labels).toEqual(['18:36:15\n2026-07-28', '18:36:15.5', '18:36:16']);
  });

  it.each(STEPS)('at a step of %s s: every tick a whole time of day, as precise as the step, each its own', (step) => {
    const splits = ticks(at(18, 36, 14, 987), step);
    const labels = axisValues(u, splits, 0, 50, step);
    labels.forEach((label, i) => {
      const [time] = label.split('\n');
      expect(time).toMatch(/^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/);
      // The tick's own time, to the step: nothing dropped, nothing rounded away.
      const tick = new Date(splits[i]! * 1000);
      expect(secondsOfDay(label)).toBeCloseTo(tick.getHours() * 3600 + tick.getMinutes() * 60 + tick.getSeconds() + tick.getMilliseconds() / 1000, 3);
    });
    // No two ticks alike, read with the date last written under one (ticks hours apart may cross midnight).
    let date = '';
    const read = labels.map((label) => {
      const [time, newDate] = label.split('\n');
      date = newDate ?? date;
      return `${date} ${time}`;
    });
    expect(new Set(read).size).toBe(labels.length);
    // Minutes and more say hours and minutes; below a minute, seconds too.
    expect(labels[1]!.split('\n')[0]).toMatch(step >= 60 ? /^\d{2}:\d{2}$/ : /^\d{2}:\d{2}:\d{2}/);
  });

  it('writes the date once, under the first tick, and again under the first tick of a new day, always as YYYY-MM-DD', () => {
    const labels = axisValues(u, [at(22, 0, 0), at(23, 0, 0), at(0, 0, 0, 0, 29), at(1, 0, 0, 0, 29), at(2, 0, 0, 0, 29), at(3, 0, 0, 0, 29)], 0, 50, 3600);
    expect(labels).toEqual(['22:00\n2026-07-28', '23:00', '00:00\n2026-07-29', '01:00', '02:00', '03:00']);
  });

  it('writes each tick as its date when ticks are days apart', () => {
    expect(axisValues(u, [at(0, 0, 0, 0, 28), at(0, 0, 0, 0, 29)], 0, 50, 86_400)).toEqual(['2026-07-28', '2026-07-29']);
  });
});

describe('latency over time: the legend', () => {
  it('gives the time under the pointer to the millisecond, with the date written as on the axis', () => {
    expect(legendTime(u, at(18, 36, 15, 500), 0, 0)).toBe('2026-07-28 18:36:15.500');
    expect(legendTime(u, at(9, 5, 7, 3), 0, 0)).toBe('2026-07-28 09:05:07.003');
    // uPlot's x in seconds is a float: 15.5 s is not written as 15.499.
    expect(legendTime(u, at(18, 36, 15) + 0.4999999, 0, 0)).toBe('2026-07-28 18:36:15.500');
  });
});

describe('a date and time elsewhere in the app', () => {
  it('is written as the charts write one (local time, 24-hour), from epoch ms or an ISO string', () => {
    const moment = new Date(2026, 6, 28, 18, 36, 15, 500);
    expect(dateTimeLabel(moment.getTime())).toBe('2026-07-28 18:36:15');
    expect(dateTimeLabel(moment.toISOString())).toBe('2026-07-28 18:36:15');
    expect(dateTimeLabel(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('2026-01-02 03:04:05');
  });

  it('gives back what is no date as it is', () => {
    expect(dateTimeLabel('yesterday-ish')).toBe('yesterday-ish');
  });
});

describe('a time of day elsewhere in the app', () => {
  it('is written 24-hour, local time, to the second (a call in the history, a ping, a log line)', () => {
    expect(timeOfDayLabel(new Date(2026, 6, 28, 0, 35, 12, 900).getTime())).toBe('00:35:12');
    expect(timeOfDayLabel(new Date(2026, 6, 28, 18, 5, 7).getTime())).toBe('18:05:07');
  });
});
