import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LatencyDistributionChart } from '../../../renderer/components/metrics/latency-chart';
import type { LatencySamples } from '../../../shared/model/metrics';
import type { ChartData } from '../../../renderer/workbench/latency-chart-data';
import { useChartViewStore } from '../../../renderer/stores/chart-view-store';

beforeEach(() => useChartViewStore.setState({ views: {} }));

// uPlot needs a canvas happy-dom lacks: the stand-in shows the caption the chart would have, and
// keeps the data it would draw.
const drawn = vi.hoisted(() => ({ data: undefined as ChartData | undefined }));
vi.mock('../../../renderer/components/metrics/uplot-chart', () => ({
  UPlotChart: ({ caption, controls, testId, view, data }: { caption: ReactNode; controls?: ReactNode; testId: string; view?: string; data: ChartData }) => {
    drawn.data = data;
    return (
      <figure data-testid={testId} data-view={view}>
        <figcaption>{caption}</figcaption>
        {controls}
      </figure>
    );
  },
}));

/** `perMethod` answers of each of the methods, 10 ms apart. */
function samples(methods: string[], perMethod: number): LatencySamples {
  const method = methods.flatMap((_, id) => Array.from({ length: perMethod }, () => id));
  return { methods, from: 0, next: method.length, at: method.map((_, i) => 1_700_000_000_000 + i), latencyMs: method.map((_, i) => 10 + i), method };
}

describe('the latency distribution chart', () => {
  it('says why there is no curve while every method has one answer (each a flat line at it, across the axis)', () => {
    render(<LatencyDistributionChart samples={samples(['server/discover', 'tools/list', 'tools/call'], 1)} />);
    expect(screen.getByTestId('distribution-too-few')).toHaveTextContent('one answer per method so far: each line flat at its answer, a curve from 2 answers');
    const [xs, ...lines] = drawn.data!.columns;
    expect(xs.at(-1)).toBeGreaterThanOrEqual(4);
    expect(lines.map((line) => [...new Set(line)])).toEqual([[10], [11], [12]]);
  });

  it('says nothing once a method has a curve', () => {
    render(<LatencyDistributionChart samples={samples(['tools/call'], 2)} what="instance" />);
    expect(screen.getByTestId('latency-distribution')).toHaveTextContent('percentile curve per instance');
    expect(screen.queryByTestId('distribution-too-few')).not.toBeInTheDocument();
  });
});

describe('the latency distribution chart’s two views', () => {
  it('starts on the percentile curves and switches to the histogram and back by its buttons, outside the figure\'s caption', async () => {
    const user = userEvent.setup();
    render(<LatencyDistributionChart samples={samples(['tools/call'], 1)} />);
    const views = screen.getByRole('group', { name: 'Latency distribution: view' });
    // Not in the caption: the figure is named by its caption, which should not read out the buttons.
    expect(views.closest('figcaption')).toBeNull();
    const percentiles = within(views).getByRole('button', { name: 'Percentiles' });
    const histogram = within(views).getByRole('button', { name: 'Histogram' });
    expect(percentiles).toHaveAttribute('aria-pressed', 'true');
    expect(histogram).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByTestId('distribution-too-few')).toBeInTheDocument();

    await user.click(histogram);
    expect(histogram).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('latency-distribution')).toHaveAttribute('data-view', 'histogram');
    expect(screen.getByTestId('latency-distribution')).toHaveTextContent("share of each method's answers per latency bucket, log scale · drag to zoom, double-click to zoom out");
    // One answer makes a histogram bar: the note is about curves only.
    expect(screen.queryByTestId('distribution-too-few')).not.toBeInTheDocument();

    await user.click(percentiles);
    expect(screen.getByTestId('latency-distribution')).toHaveAttribute('data-view', 'percentiles');
    expect(screen.getByTestId('distribution-too-few')).toBeInTheDocument();
  });

  it('keeps the chosen view when the chart is drawn anew (the section shown again), each chart its own', async () => {
    const user = userEvent.setup();
    const first = render(<LatencyDistributionChart samples={samples(['tools/call'], 3)} />);
    await user.click(screen.getByRole('button', { name: 'Histogram' }));
    first.unmount();
    render(<LatencyDistributionChart samples={samples(['tools/call'], 3)} />);
    render(<LatencyDistributionChart samples={samples(['tools/call'], 3)} label="Both distributions" what="run" testId="load-compare-chart" />);
    expect(screen.getByTestId('latency-distribution')).toHaveAttribute('data-view', 'histogram');
    expect(screen.getByTestId('load-compare-chart')).toHaveAttribute('data-view', 'percentiles');
  });

  it('names the methods the histogram leaves out for having too few answers', async () => {
    const user = userEvent.setup();
    const few: LatencySamples = { methods: ['server/discover', 'tools/call'], from: 0, next: 21, at: Array.from({ length: 21 }, (_, i) => i), latencyMs: Array.from({ length: 21 }, (_, i) => 5 + i), method: [0, ...Array<number>(20).fill(1)] };
    render(<LatencyDistributionChart samples={few} />);
    expect(screen.queryByTestId('histogram-left-out')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Histogram' }));
    expect(screen.getByTestId('histogram-left-out')).toHaveTextContent('left out, under 10 answers: server/discover');
  });
});
