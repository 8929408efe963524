import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { spansInRange, type TimelineModel, type TimelineSpan } from '../../timeline/timeline-spans';
import { fitRange, formatClock, formatOffset, panRange, zoomRange, type TimeRange } from '../../timeline/timeline-range';
import { outcomeText, phasesText, progressText } from '../../timeline/span-text';
import { drawTimeline, spanAt, timelineLayout, type TimelineTheme } from './timeline-canvas';
import { TimelineSpanList } from './timeline-span-list';
import { countNoun } from '../../../shared/text/count-noun';

interface LatencyTimelineProps {
  model: TimelineModel;
  /** The range shown; undefined: everything (and it follows new traffic). */
  range: TimeRange | undefined;
  onRangeChange(range: TimeRange | undefined): void;
  /** A request's colour: its method's in the latency chart. */
  colourOf(method: string): string;
  /** The trace entry selected in the Trace section: its span is framed. */
  selectedSeq?: number;
  /** A span was clicked (or its row's button pressed): its entry's seq. */
  onSelect(seq: number): void;
  /** A live connection: Fit all follows new traffic (said next to the range). */
  live?: boolean;
}

const PAN_STEP = 0.2;
const ZOOM_STEP = 0.5;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The theme's colours now (light or dark). */
function readTheme(): TimelineTheme {
  return {
    text: cssVar('--text', '#1b1f24'),
    muted: cssVar('--text-muted', '#50575f'),
    grid: cssVar('--border', '#c9ced6'),
    danger: cssVar('--danger', '#b3261e'),
    accent: cssVar('--accent', '#0b5cad'),
    stream: cssVar('--text-muted', '#50575f'),
  };
}

/** One line about a span, for the tooltip and the "selected" line. */
export function spanSummary(span: TimelineSpan, wallOffset: number): string {
  return [span.label, `at ${formatClock(span.start + wallOffset)}`, `${formatOffset(span.end - span.start)}${span.outcome === 'open' ? ' so far' : ''}`, outcomeText(span), phasesText(span), progressText(span)].filter(Boolean).join(' · ');
}

/**
 * The request timeline (a waterfall): each call a bar from send to answer, in lanes so that calls
 * in flight together sit side by side, coloured by method; event streams and (re)connects in
 * lanes of their own under them; progress as ticks on their call. Drawn on a canvas, only the
 * spans in the visible range (10,000 bars take a few ms); the same spans are listed in a table
 * for screen readers and keyboards. Wheel or buttons zoom, dragging or arrow keys pan (when the
 * chart has focus: ← → pan, + − zoom, 0 fits all); a click selects the span's trace entry.
 */
export function LatencyTimeline({ model, range, onRangeChange, colourOf, selectedSeq, onSelect, live = false }: LatencyTimelineProps) {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(800);
  const [dark, setDark] = useState(() => matchMedia('(prefers-color-scheme: dark)').matches);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | undefined>();
  const [drawn, setDrawn] = useState({ count: 0, ms: 0 });
  const drag = useRef<{ x: number; range: TimeRange; moved: boolean } | undefined>(undefined);

  const view = range ?? fitRange(model.start, model.fitEnd);
  const layout = useMemo(() => timelineLayout(model, width), [model, width]);
  const visible = useMemo(() => spansInRange(model, view.from, view.to), [model, view.from, view.to]);
  const selected = selectedSeq === undefined ? undefined : model.spanOfSeq.get(selectedSeq);

  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    const element = host.current;
    const observer = element ? new ResizeObserver(() => setWidth(Math.max(300, element.clientWidth))) : undefined;
    if (element) {
      setWidth(Math.max(300, element.clientWidth));
      observer!.observe(element);
    }
    return () => {
      query.removeEventListener('change', onChange);
      observer?.disconnect();
    };
  }, []);

  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(layout.width * ratio);
    element.height = Math.round(layout.height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const theme = readTheme();
    const started = performance.now();
    // Calls (and listen streams) in their method's colour; HTTP streams grey; connects in the accent.
    const paint = (span: TimelineSpan) => (span.kind === 'connect' ? theme.accent : span.kind === 'stream' && span.method === 'stream' ? theme.stream : colourOf(span.method));
    const count = drawTimeline(ctx, model, view, layout, theme, paint, selected);
    setDrawn({ count, ms: performance.now() - started });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `view` is rebuilt each render; its bounds are what matter
  }, [model, view.from, view.to, layout, selected, dark, colourOf]);

  // A wheel zooms around the pointer (shift + wheel pans); it must not scroll the page meanwhile.
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const at = view.from + ((event.clientX - rect.left) / rect.width) * (view.to - view.from);
      if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) onRangeChange(panRange(view, (event.deltaX || event.deltaY) / 500));
      else onRangeChange(zoomRange(view, Math.exp(event.deltaY / 300), at));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [view, onRangeChange]);

  const onKeyDown = (event: KeyboardEvent) => {
    const next =
      event.key === 'ArrowLeft' ? panRange(view, -PAN_STEP)
      : event.key === 'ArrowRight' ? panRange(view, PAN_STEP)
      : event.key === '+' || event.key === '=' ? zoomRange(view, ZOOM_STEP)
      : event.key === '-' || event.key === '_' ? zoomRange(view, 1 / ZOOM_STEP)
      : undefined;
    if (event.key === '0' || event.key === 'Home') {
      event.preventDefault();
      onRangeChange(undefined);
    } else if (next) {
      event.preventDefault();
      onRangeChange(next);
    }
  };
  const point = (event: PointerEvent) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    drag.current = { x: event.clientX, range: view, moved: false };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (d) {
      const dx = event.clientX - d.x;
      if (Math.abs(dx) > 3) d.moved = true;
      if (d.moved) onRangeChange(panRange(d.range, -dx / layout.width));
      return;
    }
    const { x, y } = point(event);
    const index = spanAt(model, view, layout, x, y);
    setHover(index === undefined ? undefined : { index, x, y });
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = undefined;
    if (!d || d.moved) return;
    const { x, y } = point(event);
    const index = spanAt(model, view, layout, x, y);
    if (index !== undefined) onSelect(model.spans[index]!.seq);
  };

  const barCentre = (i: number) => {
    const span = model.spans[i]!;
    const middle = (Math.max(span.start, view.from) + Math.min(span.end, view.to)) / 2;
    const h = layout.lane[span.group];
    return { x: ((middle - view.from) / (view.to - view.from)) * layout.width, y: layout.top[span.group] + span.lane * h + h / 2 };
  };
  const calls = model.spans.length;
  // The part of the recording in view, as the axis counts it from the first span (0 ms): the
  // margin "Fit all" leaves before it is no time of the recording ("from −217 ms" was read).
  const inRecording = (t: number) => formatOffset(Math.min(model.end, Math.max(model.start, t)) - model.start);
  const description = `Timeline of ${countNoun(calls, 'span')} (${countNoun(model.lanes.calls, 'lane')} of calls, ${model.lanes.streams} of streams and connects), ${visible.length.toLocaleString('en-US')} in view from ${inRecording(view.from)} to ${inRecording(view.to)}. The table below lists the spans in view.`;
  const hovered = hover ? model.spans[hover.index] : undefined;
  const chosen = selected === undefined ? undefined : model.spans[selected];
  return (
    <figure className="latency-chart latency-timeline" data-testid="latency-timeline" data-from={view.from} data-to={view.to} data-drawn={drawn.count} data-draw-ms={drawn.ms.toFixed(2)} data-selected={chosen?.seq}>
      <figcaption>
        Timeline <span className="muted">· each call from send to answer, streams and (re)connects below · wheel or + − to zoom, drag or ← → to pan</span>
      </figcaption>
      <div className="timeline-toolbar" role="toolbar" aria-label="Timeline zoom and pan">
        <button type="button" onClick={() => onRangeChange(panRange(view, -PAN_STEP))}>← Earlier</button>
        <button type="button" onClick={() => onRangeChange(panRange(view, PAN_STEP))}>Later →</button>
        <button type="button" onClick={() => onRangeChange(zoomRange(view, ZOOM_STEP))}>Zoom in</button>
        <button type="button" onClick={() => onRangeChange(zoomRange(view, 1 / ZOOM_STEP))}>Zoom out</button>
        <button type="button" onClick={() => onRangeChange(undefined)} aria-pressed={range === undefined}>
          Fit all
        </button>
        <span className="muted timeline-range" data-testid="timeline-range">
          {formatOffset(view.to - view.from)} shown{range === undefined && live ? ', following new traffic' : ''}
        </span>
      </div>
      <div ref={host} className="timeline-host" tabIndex={0} role="group" aria-label="Timeline chart: arrow keys pan, + and − zoom, 0 fits all" onKeyDown={onKeyDown}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={description}
          style={{ width: layout.width, height: layout.height }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setHover(undefined)}
        />
        {hovered && hover && (
          <div className="timeline-tooltip" role="tooltip" data-testid="timeline-tooltip" style={{ left: Math.min(hover.x + 12, Math.max(0, layout.width - 280)), top: hover.y + 14 }}>
            {spanSummary(hovered, model.wallOffset)}
          </div>
        )}
      </div>
      <p className="muted timeline-selected" data-testid="timeline-selected">
        {chosen ? <>Selected in the trace: {spanSummary(chosen, model.wallOffset)}</> : 'Click a span to show its entry in the Trace section.'}
      </p>
      <TimelineSpanList model={model} visible={visible} selected={selected} onSelect={onSelect} barCentre={barCentre} />
    </figure>
  );
}
