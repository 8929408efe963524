import type { ReactNode } from 'react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LatencyDistributionChart } from '../../../renderer/components/metrics/latency-chart';
import type { LatencySamples } from '../../../shared/model/metrics';

// uPlot needs a canvas happy-dom lacks: the stand-in shows the caption the chart would have.
vi.mock('../../../renderer/components/metrics/uplot-chart', () => ({
  UPlotChart: ({ caption, testId }: { caption: ReactNode; testId: string }) => (
    <figure data-testid={testId}>
      <figcaption>{caption}</figcaption>
    </figure>
  ),
}));

/** `perMethod` answers of each of the methods, 10 ms apart. */
function samples(methods: string[], perMethod: number): LatencySamples {
  const method = methods.flatMap((_, id) => Array.from({ length: perMethod }, () => id));
  return { methods, from: 0, next: method.length, at: method.map((_, i) => 1_700_000_000_000 + i), latencyMs: method.map((_, i) => 10 + i), method };
}

describe('the latency distribution chart', () => {
  it('says a curve needs two answers while every method has one (the chart would be empty without a word)', () => {
    render(<LatencyDistributionChart samples={samples(['server/discover', 'tools/list', 'tools/call'], 1)} />);
    expect(screen.getByTestId('distribution-too-few')).toHaveTextContent('a curve needs 2 answers or more per method');
  });

  it('says nothing once a method has a curve', () => {
    render(<LatencyDistributionChart samples={samples(['tools/call'], 2)} what="instance" />);
    expect(screen.getByTestId('latency-distribution')).toHaveTextContent('percentile curve per instance');
    expect(screen.queryByTestId('distribution-too-few')).not.toBeInTheDocument();
  });
});
