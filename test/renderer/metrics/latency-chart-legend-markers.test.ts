import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { distributionChartOptions, histogramChartOptions, latencyChartOptions } from '../../../renderer/components/metrics/latency-chart-options';

/**
 * The legends of the three latency charts (over time, percentiles, histogram) mark each series
 * alike: a marker filled with the series' colour, not a hollow ring for a line or a faint fill for
 * a lightly filled bar.
 */
const methods = ['tools/call', 'tools/list', 'ping'];
const colours: Record<string, string> = { 'tools/call': '#2f7ed8', 'tools/list': '#e0622a', ping: '#2e9e5b' };
const theme = { text: '#000', grid: '#ccc' };
const charts = {
  'over time': latencyChartOptions(methods, 800, theme, (m) => colours[m]!),
  percentiles: distributionChartOptions(methods, 800, theme, (m) => colours[m]!),
  histogram: histogramChartOptions(methods, 800, theme, (m) => colours[m]!),
};

describe('the latency charts’ legend markers', () => {
  it.each(Object.entries(charts))('%s: each method’s marker is filled with its colour', (_chart, options) => {
    const fill = options.legend?.markers?.fill as ((u: uPlot, seriesIdx: number) => string) | undefined;
    expect(fill).toBeTypeOf('function');
    methods.forEach((method, i) => expect(fill!({} as uPlot, i + 1)).toBe(colours[method]));
  });
});
