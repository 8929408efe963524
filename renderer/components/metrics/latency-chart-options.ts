import type uPlot from 'uplot';
import { SERIES_COLOURS } from '../../workbench/latency-chart-data';

export const CHART_HEIGHT = 240;

/**
 * The latency-over-time chart's uPlot options: time on x, ms on y from 0, one point series per
 * method (no lines), drag to zoom on x. `theme` gives the axis and grid colours (the canvas cannot
 * read CSS variables). Shared by the chart and its benchmark, so both draw the same thing.
 */
export function latencyChartOptions(methods: string[], width: number, theme: { text: string; grid: string }, hooks?: uPlot.Options['hooks']): uPlot.Options {
  const axis = { stroke: theme.text, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid } };
  return {
    width,
    height: CHART_HEIGHT,
    scales: { x: { time: true }, y: { range: (_u, min, max) => [0, Math.max(1, max ?? min ?? 1) * 1.05] } },
    axes: [axis, { ...axis, label: 'ms', size: 60 }],
    series: [
      { label: 'time' },
      ...methods.map((method, i) => {
        const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
        return {
          label: method,
          stroke: colour,
          fill: colour,
          paths: () => null,
          points: { show: true, size: 4, width: 0, fill: colour },
          value: (_u: uPlot, v: number | null) => (v == null ? '—' : `${v.toFixed(v < 10 ? 2 : 0)} ms`),
        };
      }),
    ],
    cursor: { drag: { x: true, y: false } },
    legend: { live: true },
    ...(hooks ? { hooks } : {}),
  };
}
