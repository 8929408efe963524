import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartData } from '../../workbench/latency-chart-data';
import { legendIdle } from './chart-hover';
import { CHART_KEYS_HINT, chartKeyAction } from './chart-keys';
import { CHART_HEIGHT, type ChartTheme } from './latency-chart-options';

/** A CSS variable of the theme now in force (light or dark), for the canvas, which cannot read CSS. */
function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

interface UPlotChartProps {
  data: ChartData;
  /** uPlot's options for these methods at this width in this theme. */
  options(methods: string[], width: number, theme: ChartTheme): uPlot.Options;
  caption: ReactNode;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  description: string;
  /** The accessible name of uPlot's legend (each series, and its value under the pointer). */
  legendLabel: string;
  /** The chart's figures in words for screen readers, after the legend (see ChartFigures). */
  figures?: ReactNode;
  testId: string;
  points: number;
  /** What the chart draws, when one chart can draw the same data two ways: a change draws it anew. */
  view?: string;
  /** Buttons for the chart (its views), beside the caption but not part of the figure's name. */
  controls?: ReactNode;
}

/**
 * One uPlot canvas chart in the app's theme: drawn anew when the methods, the view or the colour
 * scheme change, given new data in place otherwise (keeping a range the user zoomed into until a
 * double-click, or 0 on the focused chart, zooms out), and resized with its pane. A drag zooms;
 * so do + and − on the focused chart, and the arrow keys pan (chart-keys.ts). The legend is put beside the canvas rather
 * than in it: inside the element with role="img" a screen reader would hear the chart's name and
 * none of the names and values the legend holds.
 */
export function UPlotChart({ data, options, caption, description, legendLabel, figures, testId, points, view = '', controls }: UPlotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const legend = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const shape = useRef('');
  // A drag zoomed in (until a double-click): new data then keeps the range instead of resetting it.
  const zoomed = useRef(false);
  const settingData = useRef(false);
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
    const key = `${scheme}\u0000${view}\u0000${data.methods.join('\u0000')}`;
    settingData.current = true;
    try {
      if (plot.current && shape.current === key) {
        plot.current.setData(data.columns as uPlot.AlignedData, !zoomed.current);
        return;
      }
      plot.current?.destroy();
      shape.current = key;
      zoomed.current = false;
      const theme = { text: themeColour('--text-muted', '#50575f'), grid: themeColour('--border', '#c9ced6') };
      const chosen = options(data.methods, Math.max(300, element.clientWidth), theme);
      // Any change of the x range not made by new data is the user's drag (a double-click, below, undoes it).
      const noteZoom = (_u: uPlot, key: string) => {
        if (key === 'x' && !settingData.current) zoomed.current = true;
      };
      // uPlot builds its legend in the plot, then hands it over here (and removes it when destroyed).
      const mountLegend = (_u: uPlot, table: HTMLElement) => legend.current?.append(table);
      // With no pointer over the plot, or no point near it, the legend names the series only:
      // uPlot would show a dash for every value (latency.css hides them while data-idle is set).
      const noteCursor = (u: uPlot) => legend.current?.setAttribute('data-idle', String(legendIdle(u)));
      plot.current = new uPlot(
        {
          ...chosen,
          legend: { ...chosen.legend, mount: mountLegend },
          hooks: { ...chosen.hooks, setScale: [...(chosen.hooks?.setScale ?? []), noteZoom], setCursor: [...(chosen.hooks?.setCursor ?? []), noteCursor] },
        },
        data.columns as uPlot.AlignedData,
        element,
      );
      noteCursor(plot.current);
    } finally {
      settingData.current = false;
    }
  });

  // uPlot zooms out on a double-click (its own handler runs first, on the plot inside this element).
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const zoomOut = () => {
      zoomed.current = false;
    };
    element.addEventListener('dblclick', zoomOut);
    return () => element.removeEventListener('dblclick', zoomOut);
  }, []);

  // The keyboard's zoom and pan (chart-keys.ts); show all is what a double-click does.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const u = plot.current;
    const { min, max, distr } = u?.scales['x'] ?? {};
    if (!u || min == null || max == null || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = chartKeyAction(event.key, min, max, distr === 3);
    if (!action) return;
    event.preventDefault();
    if (action === 'show-all') {
      zoomed.current = false;
      settingData.current = true;
      try {
        u.setData(u.data, true);
      } finally {
        settingData.current = false;
      }
    } else {
      u.setScale('x', { min: action.range[0], max: action.range[1] });
    }
  };

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
    <figure className="latency-chart" data-testid={testId} data-points={points} {...(view ? { 'data-view': view } : {})}>
      <figcaption>{caption}</figcaption>
      {controls && <div className="chart-controls">{controls}</div>}
      {/* Focusable for its keys: the chart is a picture to a screen reader, which hears the keys with it. */}
      <div ref={host} className="chart-plot" role="img" aria-label={`${description} ${CHART_KEYS_HINT}`} tabIndex={0} onKeyDown={onKeyDown} />
      <div ref={legend} className="chart-legend" role="group" aria-label={legendLabel} />
      {figures}
    </figure>
  );
}
