import { spansInRange, type SpanGroup, type TimelineModel, type TimelineSpan } from '../../timeline/timeline-spans';
import { axisTicks, formatTick, type TimeRange } from '../../timeline/timeline-range';

/** The theme's colours for the canvas (which cannot read CSS variables itself). */
export interface TimelineTheme {
  text: string;
  muted: string;
  grid: string;
  danger: string;
  accent: string;
  stream: string;
}

/** Where things are drawn, in CSS px. */
export interface TimelineLayout {
  width: number;
  height: number;
  axisHeight: number;
  /** Top of each group's first lane, and the height of one lane in it. */
  top: Record<SpanGroup, number>;
  lane: Record<SpanGroup, number>;
}

const AXIS_PX = 20;
const GROUP_LABEL_PX = 16;
/** The height lanes of a group share at most: many lanes get thinner, down to 4 px each. */
const GROUP_MAX_PX: Record<SpanGroup, number> = { calls: 260, streams: 110 };
const LANE_MAX_PX = 16;
const LANE_MIN_PX = 4;

export function timelineLayout(model: TimelineModel, width: number): TimelineLayout {
  const laneOf = (group: SpanGroup) => Math.max(LANE_MIN_PX, Math.min(LANE_MAX_PX, Math.floor(GROUP_MAX_PX[group] / Math.max(1, model.lanes[group]))));
  const lane = { calls: laneOf('calls'), streams: laneOf('streams') };
  const callsTop = AXIS_PX + GROUP_LABEL_PX;
  const streamsTop = callsTop + Math.max(1, model.lanes.calls) * lane.calls + GROUP_LABEL_PX;
  return { width, axisHeight: AXIS_PX, top: { calls: callsTop, streams: streamsTop }, lane, height: streamsTop + Math.max(1, model.lanes.streams) * lane.streams + 4 };
}

/**
 * Draws the spans of `range` (only those: see spansInRange) with the time axis. Bars are filled in
 * one pass per colour (a canvas is slow to switch fill styles, fast to fill rectangles), then the
 * marks: failed bars get a danger-coloured outline and end cap, open ones a dashed end, progress
 * a tick each, the selected span an accent frame. Returns how many spans were drawn.
 */
export function drawTimeline(ctx: CanvasRenderingContext2D, model: TimelineModel, range: TimeRange, layout: TimelineLayout, theme: TimelineTheme, colourOf: (span: TimelineSpan) => string, selected?: number): number {
  const { width, height } = layout;
  const scale = width / (range.to - range.from);
  const xOf = (t: number) => (t - range.from) * scale;
  ctx.clearRect(0, 0, width, height);
  drawAxis(ctx, model, range, layout, theme, xOf);

  const visible = spansInRange(model, range.from, range.to);
  const byColour = new Map<string, number[]>();
  for (const i of visible) {
    const colour = colourOf(model.spans[i]!);
    let list = byColour.get(colour);
    if (!list) byColour.set(colour, (list = []));
    list.push(i);
  }
  const box = (span: TimelineSpan) => {
    const x0 = Math.max(-2, xOf(span.start));
    const x1 = Math.min(width + 2, xOf(span.end));
    const h = layout.lane[span.group];
    const gap = h >= 8 ? 3 : 1;
    // A pixel of air at the end, so back-to-back calls in one lane read as two bars.
    const w = x1 - x0 > 4 ? x1 - x0 - 1 : Math.max(1.5, x1 - x0);
    return { x: x0, y: layout.top[span.group] + span.lane * h + gap / 2, w, h: h - gap };
  };
  for (const [colour, list] of byColour) {
    ctx.fillStyle = colour;
    for (const i of list) {
      const b = box(model.spans[i]!);
      ctx.fillRect(b.x, b.y, b.w, b.h);
    }
  }
  for (const i of visible) {
    const span = model.spans[i]!;
    if (!span.failed && span.outcome !== 'open' && span.progress.length === 0 && i !== selected) continue;
    const b = box(span);
    if (span.failed) {
      ctx.strokeStyle = theme.danger;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(b.x + 0.75, b.y + 0.75, Math.max(0, b.w - 1.5), Math.max(0, b.h - 1.5));
      ctx.fillStyle = theme.danger;
      ctx.fillRect(b.x + b.w - Math.min(4, b.w), b.y, Math.min(4, b.w), b.h);
    }
    if (span.outcome === 'open') {
      ctx.strokeStyle = theme.text;
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 2]);
      ctx.beginPath();
      ctx.moveTo(b.x + b.w - 0.5, b.y - 1);
      ctx.lineTo(b.x + b.w - 0.5, b.y + b.h + 1);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    if (span.progress.length > 0) {
      ctx.fillStyle = theme.text;
      for (const tick of span.progress) {
        const x = xOf(tick.at);
        if (x >= -1 && x <= width + 1) ctx.fillRect(x - 0.75, b.y - 1, 1.5, b.h + 2);
      }
    }
    if (i === selected) {
      ctx.strokeStyle = theme.accent;
      ctx.lineWidth = 2;
      ctx.strokeRect(b.x - 2, b.y - 2, b.w + 4, b.h + 4);
    }
  }
  return visible.length;
}

function drawAxis(ctx: CanvasRenderingContext2D, model: TimelineModel, range: TimeRange, layout: TimelineLayout, theme: TimelineTheme, xOf: (t: number) => number): void {
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = theme.muted;
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const ticks = axisTicks(range, layout.width, model.start);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : range.to - range.from;
  for (const t of ticks) {
    const x = Math.round(xOf(t)) + 0.5;
    ctx.moveTo(x, layout.axisHeight - 4);
    ctx.lineTo(x, layout.height);
    // A label that would run off the right edge is left out (its line stays).
    if (x < layout.width - 60) ctx.fillText(formatTick(t - model.start, step), x + 3, layout.axisHeight / 2);
  }
  ctx.moveTo(0, layout.axisHeight - 0.5);
  ctx.lineTo(layout.width, layout.axisHeight - 0.5);
  ctx.stroke();
  ctx.fillStyle = theme.text;
  ctx.fillText('Calls', 4, layout.top.calls - 8);
  ctx.fillText('Streams and connects', 4, layout.top.streams - 8);
}

/** The span under a point (CSS px in the canvas), within 4 px sideways; undefined when none. */
export function spanAt(model: TimelineModel, range: TimeRange, layout: TimelineLayout, x: number, y: number): number | undefined {
  const group: SpanGroup | undefined = y >= layout.top.streams ? 'streams' : y >= layout.top.calls ? 'calls' : undefined;
  if (!group) return undefined;
  const lane = Math.floor((y - layout.top[group]) / layout.lane[group]);
  const perPx = (range.to - range.from) / layout.width;
  const t = range.from + x * perPx;
  let best: number | undefined;
  let bestDistance = 4 * perPx;
  for (const i of spansInRange(model, t - 4 * perPx, t + 4 * perPx)) {
    const span = model.spans[i]!;
    if (span.group !== group || span.lane !== lane) continue;
    const distance = t < span.start ? span.start - t : t > span.end ? t - span.end : 0;
    if (distance <= bestDistance) [best, bestDistance] = [i, distance];
  }
  return best;
}
