import { SERIES_COLOURS } from './latency-chart-data';

/** A load run's series name in the charts ("Run 3"); its colour is found by it. */
export function runSeriesName(runNumber: number): string {
  return `Run ${runNumber}`;
}

/**
 * A load run's colour wherever it is drawn (live, its result, a comparison): taken from its number
 * in the session, not from its place in a chart, so run 2 alone and run 2 beside run 1 or run 3 is
 * one colour.
 */
export function runColour(runNumber: number): string {
  const index = (((runNumber - 1) % SERIES_COLOURS.length) + SERIES_COLOURS.length) % SERIES_COLOURS.length;
  return SERIES_COLOURS[index]!;
}

/**
 * The colour of each run drawn together in one chart, by series name (runSeriesName): each its
 * runColour. Runs a multiple of SERIES_COLOURS apart (1 and 11) would share one, and overlaid
 * they could not be told apart: the later then takes the first colour no earlier run there has.
 * A name that is no run's takes the last colour of the palette (it should not happen).
 */
export function runColours(runNumbers: number[]): (series: string) => string {
  const colours = new Map<string, string>();
  const taken = new Set<string>();
  for (const number of [...runNumbers].sort((a, b) => a - b)) {
    let colour = runColour(number);
    if (taken.has(colour)) colour = SERIES_COLOURS.find((c) => !taken.has(c)) ?? colour;
    taken.add(colour);
    colours.set(runSeriesName(number), colour);
  }
  return (series) => colours.get(series) ?? SERIES_COLOURS.at(-1)!;
}
