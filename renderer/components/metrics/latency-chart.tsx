import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LatencySamples } from '../../../shared/model/metrics';
import { chartData } from '../../workbench/latency-chart-data';
import { CHART_HEIGHT, latencyChartOptions } from './latency-chart-options';

/** A CSS variable of the theme now in force (light or dark), for the canvas, which cannot read CSS. */
function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * Latency over time: each answered request a point, coloured by method, drawn on a canvas by
 * uPlot (100,000 points stay fast where an SVG chart would not). Drag across it to zoom into a
 * time range, double-click to zoom out; the legend under it names each method's colour and
 * shows the values under the cursor.
 */
export function LatencyChart({ samples, label }: { samples: LatencySamples; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const shape = useRef('');
  const data = chartData(samples);
  // The canvas takes the theme's colours when drawn: a switch of light and dark draws it anew.
  const [scheme, setScheme] = useState(() => matchMedia('(prefers-color-scheme: dark)').matches);
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setScheme(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const key = `${scheme}\u0000${data.methods.join('\u0000')}`;
    if (plot.current && shape.current === key) {
      plot.current.setData(data.columns as uPlot.AlignedData);
      return;
    }
    plot.current?.destroy();
    shape.current = key;
    const theme = { text: themeColour('--text-muted', '#50575f'), grid: themeColour('--border', '#c9ced6') };
    plot.current = new uPlot(
      latencyChartOptions(data.methods, Math.max(300, element.clientWidth), theme),
      data.columns as uPlot.AlignedData,
      element,
    );
  });

  // Follows the pane's width (the window, the split between panes).
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const observer = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(300, element.clientWidth), height: CHART_HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = undefined;
      shape.current = '';
    };
  }, []);

  return (
    <figure className="latency-chart" data-testid="latency-chart" data-points={samples.at.length}>
      <figcaption>
        {label} <span className="muted">· {samples.at.length.toLocaleString('en-US')} requests · drag to zoom, double-click to zoom out</span>
      </figcaption>
      <div ref={host} role="img" aria-label={`${label}: ${samples.at.length} answered requests of ${data.methods.join(', ')}`} />
    </figure>
  );
}
