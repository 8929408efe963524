import { describe, expect, it } from 'vitest';
import { SERIES_COLOURS } from '../../../renderer/workbench/latency-chart-data';
import { runColour, runColours, runSeriesName } from '../../../renderer/workbench/run-colours';

describe('a load run’s colour', () => {
  it('is the same for a run alone (live, its result) and beside any other run in a comparison', () => {
    for (const number of [1, 2, 3, 7]) {
      const alone = runColours([number])(runSeriesName(number));
      expect(alone).toBe(runColour(number));
      for (const other of [1, 2, 3, 4, 9].filter((n) => n !== number)) {
        expect(runColours([other, number])(runSeriesName(number)), `run ${number} beside run ${other}`).toBe(alone);
        expect(runColours([number, other])(runSeriesName(number)), `run ${number} beside run ${other}, asked the other way`).toBe(alone);
      }
    }
  });

  it('differs between runs drawn together: run 2 beside run 3 is not the colour run 1 has', () => {
    const colourOf = runColours([2, 3]);
    expect(colourOf('Run 2')).not.toBe(colourOf('Run 3'));
    // The bug this prevents: the second run of a comparison took the second colour, whatever its number.
    expect(colourOf('Run 2')).not.toBe(runColour(1));
    expect(colourOf('Run 2')).toBe(runColour(2));
  });

  it('goes round the palette by run number, and runs a whole palette apart still differ when overlaid', () => {
    const after = SERIES_COLOURS.length + 1;
    expect(runColour(after)).toBe(runColour(1));
    const colourOf = runColours([1, after]);
    expect(colourOf('Run 1')).toBe(runColour(1));
    expect(colourOf(runSeriesName(after))).not.toBe(colourOf('Run 1'));
  });
});
