/**
 * How the latency-over-time chart writes times, on its axis and in its legend: local time (the
 * trace list's clock), 24-hour, and one way of writing a date ("2026-07-28") wherever one shows;
 * the rest of the app writes a date and time the same way (dateTimeLabel).
 * uPlot's own labels wrote a half second as ":15.500" (the rest of the time only at a minute's
 * first tick), the legend to the minute with am/pm, and the date once as 7/28/26, once as
 * 2026-07-28.
 */

const SECOND = 1;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** uPlot's x values are seconds since the epoch with fractions: to whole milliseconds first, so 15.5 s does not print as 15.499. */
const dateOf = (seconds: number) => new Date(Math.round(seconds * 1000));

/** "2026-07-28": the chart's one way of writing a date. */
export function chartDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "18:36:15.500": the time of day with `decimals` digits of the second (none: "18:36:15"). */
function clock(d: Date, decimals: number): string {
  const whole = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return decimals > 0 ? `${whole}.${pad(d.getMilliseconds(), 3).slice(0, decimals)}` : whole;
}

/** The digits of a second a tick step needs (0.5 s: 1, 0.25 s: 2, 1 ms: 3); at most 3. */
function decimalsFor(stepSeconds: number): number {
  for (let decimals = 0; decimals < 3; decimals++) {
    const scaled = stepSeconds * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return decimals;
  }
  return 3;
}

/** One tick's time at a step: "18:36" from a minute on, "18:36:15", "18:36:15.5" (zeros dropped: the whole second reads "18:36:15"). */
function tickTime(d: Date, stepSeconds: number): string {
  if (stepSeconds >= MINUTE) return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const decimals = decimalsFor(stepSeconds);
  return decimals === 0 ? clock(d, 0) : clock(d, decimals).replace(/\.?0+$/, '');
}

/**
 * The time axis' labels, one per tick. `splits` are the ticks in seconds since the epoch,
 * `stepSeconds` the distance between them (uPlot's foundIncr). Every tick reads as a whole time
 * of day, with as many digits of the second as the step needs, so no tick is a bare ":15.500";
 * the first tick and the first of each new day add the date on a second line. At a step of a day
 * or more a tick is its date alone.
 */
export function timeAxisLabels(splits: number[], stepSeconds: number): string[] {
  let previousDate = '';
  return splits.map((split) => {
    const d = dateOf(split);
    const date = chartDate(d);
    if (stepSeconds >= DAY) return date;
    const label = date === previousDate ? tickTime(d, stepSeconds) : `${tickTime(d, stepSeconds)}\n${date}`;
    previousDate = date;
    return label;
  });
}

/** The legend's time under the pointer, to the millisecond: "2026-07-28 18:36:15.500". */
export function timeLegendLabel(seconds: number): string {
  const d = dateOf(seconds);
  return `${chartDate(d)} ${clock(d, 3)}`;
}

/**
 * A moment as the app writes one beside its charts: "2026-07-28 18:36:15", local time, 24-hour
 * (the Overview's "Connected at", a saved session's date). `moment`: milliseconds since the epoch,
 * or a date string (ISO 8601, as files store it); one that is no date is given back as it is.
 */
export function dateTimeLabel(moment: number | string): string {
  const d = new Date(moment);
  return Number.isNaN(d.getTime()) ? String(moment) : `${chartDate(d)} ${clock(d, 0)}`;
}

/** A time of day as the app writes one: "18:36:15", local time, 24-hour (a call's start, a ping's, a log line's). */
export function timeOfDayLabel(epochMs: number): string {
  return clock(new Date(epochMs), 0);
}
