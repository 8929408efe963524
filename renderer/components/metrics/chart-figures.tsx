import { describeFigures, type SeriesFigures } from '../../workbench/latency-figures';

/**
 * A latency chart's figures in words, one item per series (count, p50, p95, p99), for screen
 * readers: the canvas is a picture, and the legend under it only has values while a pointer is
 * over the plot. Not shown: sighted readers have the chart and its legend. Not a live region
 * either: a live chart refreshes it every second or faster, which would be read out each time.
 */
export function ChartFigures({ label, figures }: { label: string; figures: SeriesFigures[] }) {
  return (
    <ul className="visually-hidden" aria-label={label} data-testid="chart-figures">
      {figures.map((f) => (
        <li key={f.series}>{describeFigures(f)}</li>
      ))}
    </ul>
  );
}
