/**
 * The keyboard's zoom and pan of a uPlot chart's x axis (the latency charts), as the timeline has
 * them: ← and → move by a fifth of the range shown, + and − halve or double it around its middle,
 * 0 or Home show everything again. A log axis (the histogram's) moves and zooms in its log space,
 * so a step looks the same wherever it is.
 */

/** What a key does: a new x range, everything again, or nothing (the key is not the chart's). */
export type ChartKeyAction = { range: [number, number] } | 'show-all' | undefined;

/** Said with the chart's description, so the keys are found where the chart is. */
export const CHART_KEYS_HINT = 'Arrow keys pan, + and − zoom, 0 shows all.';

const PAN_STEP = 0.2;
const ZOOM_STEP = 0.5;

/**
 * The action of `key` (KeyboardEvent.key) on an x axis now showing `min` to `max` (`log`: a
 * base-10 log axis, both above 0). Undefined for any other key, or a range that cannot move
 * (empty or not finite).
 */
export function chartKeyAction(key: string, min: number, max: number, log = false): ChartKeyAction {
  if (key === '0' || key === 'Home') return 'show-all';
  const to = log ? Math.log10 : (v: number) => v;
  const from = log ? (v: number) => 10 ** v : (v: number) => v;
  const [low, high] = [to(min), to(max)];
  const width = high - low;
  if (!Number.isFinite(width) || !(width > 0)) return undefined;
  const middle = (low + high) / 2;
  const moved: [number, number] | undefined =
    key === 'ArrowLeft' ? [low - width * PAN_STEP, high - width * PAN_STEP]
    : key === 'ArrowRight' ? [low + width * PAN_STEP, high + width * PAN_STEP]
    : key === '+' || key === '=' ? [middle - (width * ZOOM_STEP) / 2, middle + (width * ZOOM_STEP) / 2]
    : key === '-' || key === '_' || key === '−' ? [middle - width / ZOOM_STEP / 2, middle + width / ZOOM_STEP / 2]
    : undefined;
  return moved ? { range: [from(moved[0]), from(moved[1])] } : undefined;
}
