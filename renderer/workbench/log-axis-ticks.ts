/**
 * Ticks of a log axis (the latency histogram's), as many as its width has room to label: 1, 2 and
 * 5 of each decade when wide, fewer when narrow, so no label touches the next.
 */

/**
 * Widths of a label's characters at uPlot's 12 px axis font, in the widest of the usual sans
 * fonts (DejaVu Sans, Linux's default: digits 7.6 px, "m" 11.7 px), so an estimate errs wide.
 */
const NARROW_CHARACTER_PX = 3.9;
const WIDE_CHARACTER_PX = 11.8;
const CHARACTER_PX = 7.7;
/** Clear space kept between two labels, so they read as two. */
const MIN_GAP_PX = 12;

/** Ticks at 1, 2 and 5 times each power of ten within [min, max]: a one-decade range still reads. */
export function oneTwoFive(min: number, max: number): number[] {
  return ticksOf(min, max, [1, 2, 5], 1);
}

/**
 * The densest ticks within [min, max] whose labels (`label` of each) fit `widthPx` of axis with
 * room between them: 1, 2 and 5 of each decade, else each power of ten, else every second, third…
 * power of ten (multiples of that count, so a tick keeps its place as the range changes). The
 * widths are estimated (the canvas' own measure is not at hand where uPlot asks for splits).
 */
export function logAxisTicks(min: number, max: number, widthPx: number, label: (value: number) => string): number[] {
  if (!(widthPx > 0) || !(min > 0) || !(max > min)) return oneTwoFive(min, max);
  const span = Math.log10(max) - Math.log10(min);
  const at = (value: number) => ((Math.log10(value) - Math.log10(min)) / span) * widthPx;
  const fits = (ticks: number[]) =>
    ticks.every((tick, i) => i === 0 || at(tick) - at(ticks[i - 1]!) >= (labelWidth(label(tick)) + labelWidth(label(ticks[i - 1]!))) / 2 + MIN_GAP_PX);
  let ticks = oneTwoFive(min, max);
  if (fits(ticks)) return ticks;
  for (let everyDecades = 1; ; everyDecades++) {
    ticks = ticksOf(min, max, [1], everyDecades);
    if (ticks.length <= 1 || fits(ticks)) return ticks;
  }
}

/** An estimate of a label's width in CSS px. */
export function labelWidth(text: string): number {
  let width = 0;
  for (const character of text) width += character === ' ' || character === '.' ? NARROW_CHARACTER_PX : character === 'm' ? WIDE_CHARACTER_PX : CHARACTER_PX;
  return width;
}

/** `steps` times each power of ten within [min, max] whose exponent is a multiple of `everyDecades`. */
function ticksOf(min: number, max: number, steps: number[], everyDecades: number): number[] {
  const ticks: number[] = [];
  for (let decade = Math.floor(Math.log10(min)); 10 ** decade <= max; decade++) {
    if (((decade % everyDecades) + everyDecades) % everyDecades !== 0) continue;
    for (const step of steps) {
      const tick = Number((step * 10 ** decade).toPrecision(12));
      if (tick >= min * (1 - 1e-9) && tick <= max * (1 + 1e-9)) ticks.push(tick);
    }
  }
  return ticks;
}
