import { useMemo } from 'react';
import type { LatencySamples } from '../../../shared/model/metrics';
import { chartData, methodColours, percentileCurves } from '../../workbench/latency-chart-data';
import { HISTOGRAM_MIN_ANSWERS, latencyHistogram } from '../../workbench/latency-histogram';
import { useChartViewStore, type DistributionView } from '../../stores/chart-view-store';
import { distributionChartOptions, histogramChartOptions, latencyChartOptions, type ChartTheme, type SeriesColour } from './latency-chart-options';
import { seriesFigures } from '../../workbench/latency-figures';
import { ChartFigures } from './chart-figures';
import { UPlotChart } from './uplot-chart';

/**
 * Latency over time: each answered request a point, coloured by method, drawn on a canvas by
 * uPlot (100,000 points stay fast where an SVG chart would not). Drag across it to zoom into a
 * time range, double-click to zoom out; the legend under it names each method's colour and
 * shows the values under the cursor. `colourOf` gives each series its colour (a load run's is its
 * own, runColours); by default each method takes the next colour in the order main numbered them.
 * `what` a series is (a method, a run) names the figures read to screen readers.
 */
export function LatencyChart({ samples, label, what = 'method', testId = 'latency-chart', colourOf }: { samples: LatencySamples; label: string; what?: string; testId?: string; colourOf?: SeriesColour }) {
  // Rebuilt only when new samples arrive, not on every render of the section.
  const data = useMemo(() => chartData(samples), [samples]);
  const figures = useMemo(() => seriesFigures(samples), [samples]);
  const options = useMemo(() => {
    const colours = colourOf ?? methodColours(samples);
    return (methods: string[], width: number, theme: ChartTheme) => latencyChartOptions(methods, width, theme, colours);
  }, [samples, colourOf]);
  return (
    <UPlotChart
      data={data}
      options={options}
      testId={testId}
      points={samples.at.length}
      caption={
        <>
          {label} <span className="muted">· {samples.at.length.toLocaleString('en-US')} {samples.at.length === 1 ? 'request' : 'requests'} · drag to zoom, double-click to zoom out</span>
        </>
      }
      description={`${label}: ${samples.at.length} answered requests of ${data.methods.join(', ')}`}
      legendLabel={`${label}: legend, each ${what} and its latency under the pointer`}
      figures={<ChartFigures label={`${label}: each ${what}'s figures`} figures={figures} />}
    />
  );
}

const VIEW_NAMES: Record<DistributionView, string> = { percentiles: 'Percentiles', histogram: 'Histogram' };

/**
 * The distribution per method, two ways: as percentile curves, how slow the slowest 10 %, 1 %,
 * 0.1 % were (x in "nines": p0, p90, p99, p99.9, p99.99), the usual way to read a latency tail;
 * or as a histogram, each method's share of answers per latency bucket on a log scale, where two
 * modes of similar weight (a cache hit and a miss, two instances) show as two humps. The view
 * chosen stays while the app runs (chart-view-store.ts). Series take their colours as in LatencyChart.
 */
export function LatencyDistributionChart({ samples, label = 'Latency distribution', what = 'method', testId = 'latency-distribution', colourOf }: { samples: LatencySamples; label?: string; what?: string; testId?: string; colourOf?: SeriesColour }) {
  const view = useChartViewStore((s) => s.views[testId] ?? 'percentiles');
  const choose = useChartViewStore((s) => s.choose);
  const data = useMemo(() => (view === 'histogram' ? latencyHistogram(samples) : { ...percentileCurves(samples), leftOut: [] }), [samples, view]);
  const figures = useMemo(() => seriesFigures(samples), [samples]);
  // Each method in the colour it has in the time chart, though the histogram leaves some out.
  const options = useMemo(() => {
    const colours = colourOf ?? methodColours(samples);
    const chosen = view === 'histogram' ? histogramChartOptions : distributionChartOptions;
    return (methods: string[], width: number, theme: ChartTheme) => chosen(methods, width, theme, colours);
  }, [samples, colourOf, view]);
  // One answer per method draws each as a flat line (every percentile is that answer): the caption says why there is no curve.
  const noCurveYet = view === 'percentiles' && samples.method.length > 0 && new Set(samples.method).size === samples.method.length;
  return (
    <UPlotChart
      data={data}
      options={options}
      view={view}
      testId={testId}
      points={samples.at.length}
      caption={
        <>
          {label}{' '}
          <span className="muted">
            · {view === 'histogram' ? `share of each ${what}'s answers per latency bucket, log scale` : `percentile curve per ${what}, the tail to the right`} · drag to zoom, double-click to zoom out
          </span>
          {noCurveYet && (
            <span className="muted" data-testid="distribution-too-few">
              {' '}
              · one answer per {what} so far: each line flat at its answer, a curve from 2 answers
            </span>
          )}
          {data.leftOut.length > 0 && (
            <span className="muted" data-testid="histogram-left-out">
              {' '}
              · left out, under {HISTOGRAM_MIN_ANSWERS} answers: {data.leftOut.join(', ')}
            </span>
          )}
        </>
      }
      controls={
        <div role="group" aria-label={`${label}: view`} className="segmented chart-views">
          {(Object.keys(VIEW_NAMES) as DistributionView[]).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => choose(testId, v)}>
              {VIEW_NAMES[v]}
            </button>
          ))}
        </div>
      }
      description={view === 'histogram' ? `${label}: the histogram of ${data.methods.join(', ') || `no ${what}s yet`}` : `${label}: the percentile curve of ${data.methods.join(', ')}`}
      legendLabel={view === 'histogram' ? `${label}: legend, the latency bucket under the pointer and each ${what}'s share of it` : `${label}: legend, the percentile under the pointer and each ${what}'s latency at it`}
      figures={<ChartFigures label={`${label}: each ${what}'s figures`} figures={figures} />}
    />
  );
}
