import uPlot from 'uplot';
import { CURVE_MAX_NINES, maxReachedIndex, ninesLabel, SERIES_COLOURS } from '../../workbench/latency-chart-data';
import { bucketEdgeLabel, bucketUnder } from '../../workbench/latency-histogram';
import { timeAxisLabels, timeLegendLabel } from '../../workbench/chart-time-labels';
import { logAxisTicks } from '../../workbench/log-axis-ticks';
import { percentileAxisSplits } from '../../workbench/percentile-axis';
import { pointWithinReach } from './chart-hover';

/** Axis and grid colours of the theme in force. */
export interface ChartTheme {
  text: string;
  grid: string;
}

const msValue = (_u: uPlot, v: number | null) => (v == null ? '—' : `${v.toFixed(v < 10 ? 2 : 0)} ms`);

export const CHART_HEIGHT = 240;

/** The colour a chart draws a series (a method, a load run) in, by its name. */
export type SeriesColour = (series: string) => string;

/** The palette in the order of `methods`: the colours when nothing else decides them. */
export function coloursInOrder(methods: string[]): SeriesColour {
  return (method) => SERIES_COLOURS[Math.max(0, methods.indexOf(method)) % SERIES_COLOURS.length]!;
}

/**
 * Every chart's legend markers filled with the series' own colour: uPlot fills a marker with the
 * series' fill, so a line (the percentile curves) had a hollow one and a lightly filled bar (the
 * histogram) a faint one, beside the time chart's solid ones.
 */
function filledMarkers(methods: string[], colourOf: SeriesColour): uPlot.Legend.Markers {
  return { fill: (_u: uPlot, seriesIdx: number) => (seriesIdx > 0 ? colourOf(methods[seriesIdx - 1]!) : 'transparent') };
}

/**
 * The latency-over-time chart's uPlot options: time on x, ms on y from 0, one point series per
 * method (no lines), drag to zoom on x; hovering shows the values of the points within
 * HOVER_REACH_PX of the pointer (none farther off). `theme` gives the axis and grid colours (the canvas cannot
 * read CSS variables); `colourOf` each series' colour. Shared by the chart and its benchmark, so
 * both draw the same thing.
 */
export function latencyChartOptions(methods: string[], width: number, theme: ChartTheme, colourOf: SeriesColour = coloursInOrder(methods), hooks?: uPlot.Options['hooks']): uPlot.Options {
  const axis = { stroke: theme.text, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid } };
  return {
    width,
    height: CHART_HEIGHT,
    scales: { x: { time: true, range: timeRange }, y: { range: (_u, min, max) => [0, Math.max(1, max ?? min ?? 1) * 1.05] } },
    // Each tick a whole time of day ("18:36:15.25" is about 75 px at the axis' 12 px): ticks at least 90 px apart.
    axes: [{ ...axis, space: 90, values: (_u, splits, _axis, _space, step) => timeAxisLabels(splits, step) }, { ...axis, label: 'ms', size: 60 }],
    series: [
      { label: 'time', value: (_u, v) => (v == null ? '—' : timeLegendLabel(v)) },
      ...methods.map((method) => {
        const colour = colourOf(method);
        return {
          label: method,
          stroke: colour,
          fill: colour,
          paths: () => null,
          points: { show: true, size: 4, width: 0, fill: colour },
          value: msValue,
        };
      }),
    ],
    // The legend shows the points near the pointer, not the nearest whatever its distance.
    cursor: { drag: { x: true, y: false }, dataIdx: pointWithinReach() },
    legend: { live: true, markers: filledMarkers(methods, colourOf) },
    ...(hooks ? { hooks } : {}),
  };
}

/**
 * The x range when uPlot scales by itself: the data's with 2% of its span either side, so the
 * first and last points are drawn whole rather than cut by the plot's edges; when every point
 * sits at one instant (a load run of one request), a second either side. uPlot widens such a
 * range before asking (its autoScaleX adds 86,400 / `ms` to a single time: with times in seconds,
 * 86,400,000 s, nearly three years), so the ticks read as dates and the point sat at the far
 * left. The data is ascending, so first = last means one instant.
 */
export function timeRange(u: uPlot, min: number | null, max: number | null): uPlot.Range.MinMax {
  const xs = u.data?.[0];
  const first = xs?.[0];
  const last = xs?.[xs.length - 1];
  // uPlot asks with the data's extent when it scales by itself, and with the chosen range after a
  // zoom (or a redraw of one): only the first is widened, a zoom is left as chosen.
  if (first == null || last == null || min !== first) return [min, max];
  // One instant: uPlot's own range for it starts there (whatever it widened the end to).
  if (last === first) return [first - 1, first + 1];
  if (max !== last) return [min, max];
  const pad = (last - first) * 0.02;
  return [first - pad, last + pad];
}

/**
 * The percentile curve's options: x in nines (0 = p0 … 4 = p99.99, further when the data goes
 * further) labelled as percentiles, ms on y from 0, one line per method in its colour of the time
 * chart (`colourOf`). A dot marks where each curve first reaches its method's max (see
 * percentileCurves), from where it runs flat to the right edge, the legend saying "(max)"; a
 * method with one answer is flat from p0, its dot there.
 */
export function distributionChartOptions(methods: string[], width: number, theme: ChartTheme, colourOf: SeriesColour = coloursInOrder(methods)): uPlot.Options {
  const axis = { stroke: theme.text, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid } };
  return {
    width,
    height: CHART_HEIGHT,
    // The data's own extent (p0 to p99.99 or further), and a zoom as dragged.
    scales: { x: { time: false, range: (_u, min, max) => [min, max] }, y: { range: (_u, min, max) => [0, Math.max(1, max ?? min ?? 1) * 1.05] } },
    axes: [
      { ...axis, splits: (_u, _axis, min, max) => percentileAxisSplits(min, max, Math.max(CURVE_MAX_NINES, Math.floor(max))), values: (_u, splits) => splits.map(ninesLabel) },
      { ...axis, label: 'ms', size: 60 },
    ],
    series: [
      { label: 'percentile', value: (_u, v) => (v == null ? '—' : ninesLabel(v)) },
      ...methods.map((method) => {
        const colour = colourOf(method);
        return {
          label: method,
          stroke: colour,
          width: 2,
          // uPlot joins values with lines and draws no points: the max's dot is asked for by its index.
          points: { show: false, size: 8, width: 0, fill: colour, filter: maxDot },
          value: (u: uPlot, v: number | null, seriesIdx: number, dataIdx: number | null) => (v == null ? '—' : `${msValue(u, v)}${dataIdx != null && dataIdx >= maxReachedIndex(u.data[seriesIdx]!) ? ' (max)' : ''}`),
        };
      }),
    ],
    cursor: { drag: { x: true, y: false } },
    legend: { live: true, markers: filledMarkers(methods, colourOf) },
  };
}

/** The index where a curve first reaches its max, while it is in the x range shown (a zoom may leave it out). */
function maxDot(u: uPlot, seriesIdx: number): number[] | null {
  const end = maxReachedIndex(u.data[seriesIdx]!);
  const x = u.data[0][end];
  const { min, max } = u.scales.x!;
  return end >= 0 && x != null && (min == null || x >= min) && (max == null || x <= max) ? [end] : null;
}

/** One bar per bucket, from its lower edge (the data's x) to the next, touching its neighbours. */
const bucketBars = uPlot.paths.bars!({ align: 1, size: [1, Infinity] });

/**
 * The histogram's options (see latencyHistogram): x the latency on a log scale, labelled at 1, 2
 * and 5 of each decade, or fewer when the plot is too narrow for their labels (logAxisTicks); y the share of a method's answers in percent; one bar series per method in
 * its colour in the other charts (`colourOf`: the histogram leaves some methods out, so its own
 * order would give the rest other colours), lightly filled so overlapping methods stay readable. The cursor
 * (and so the legend) names the bucket under it; a drag zooms to exactly the range dragged
 * (uPlot's own log range would round it out to whole decades).
 */
export function histogramChartOptions(methods: string[], width: number, theme: ChartTheme, colourOf: SeriesColour = coloursInOrder(methods)): uPlot.Options {
  const axis = { stroke: theme.text, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid } };
  return {
    width,
    height: CHART_HEIGHT,
    scales: { x: { time: false, distr: 3, log: 10, range: (_u, min, max) => [min, max] }, y: { range: (_u, _min, max) => [0, Math.max(1, max ?? 1) * 1.05] } },
    axes: [
      // Every split labelled (uPlot's log axes label the powers of ten only), so the splits are
      // only as many as the plot's width (in CSS px: the bbox is in the canvas') has room to label.
      { ...axis, splits: (u, _axis, min, max) => logAxisTicks(min, max, u.bbox.width / (uPlot.pxRatio || 1), bucketEdgeLabel), filter: (_u, splits) => splits, values: (_u, splits) => splits.map((v) => (v == null ? '' : bucketEdgeLabel(v))) },
      { ...axis, label: '% of answers', size: 60 },
    ],
    series: [
      { label: 'latency from', value: (_u, v) => (v == null ? '—' : bucketEdgeLabel(v)) },
      ...methods.map((method) => {
        const colour = colourOf(method);
        return { label: method, stroke: colour, fill: `${colour}33`, width: 1, paths: bucketBars, points: { show: false }, value: (_u: uPlot, v: number | null) => (v == null ? '0 %' : `${v.toFixed(1)} %`) };
      }),
    ],
    cursor: { drag: { x: true, y: false }, dataIdx: (u, _series, closest, xValue) => (u.data[0].length > 1 ? bucketUnder(u.data[0], xValue) : closest) },
    legend: { live: true, markers: filledMarkers(methods, colourOf) },
  };
}
