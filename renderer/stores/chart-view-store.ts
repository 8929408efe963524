import { create } from 'zustand';

/** How a latency distribution is drawn: percentile curves or a histogram (see latency-chart.tsx). */
export type DistributionView = 'percentiles' | 'histogram';

interface ChartViewState {
  /** By chart (its test id: the Latency section's distribution, the load runs' comparison). */
  views: Record<string, DistributionView>;
  choose(chart: string, view: DistributionView): void;
}

/**
 * The view chosen for each distribution chart, kept while the app runs: the chart is drawn anew
 * when its section is shown again or other runs are compared, and should come back as it was left.
 */
export const useChartViewStore = create<ChartViewState>()((set) => ({
  views: {},
  choose: (chart, view) => set((s) => ({ views: { ...s.views, [chart]: view } })),
}));
