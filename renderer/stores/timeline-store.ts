import { create } from 'zustand';
import type { TimeRange } from '../timeline/timeline-range';

/**
 * Per tab: the time range the Latency section's timeline shows (absent: everything, following new
 * traffic). Kept when switching sections and tabs, so a click that shows an entry in the Trace
 * section and the way back find the timeline where it was.
 */
interface TimelineState {
  ranges: Record<string, TimeRange | undefined>;
  setRange(tabId: string, range: TimeRange | undefined): void;
  forget(tabId: string): void;
}

export const useTimelineStore = create<TimelineState>()((set) => ({
  ranges: {},
  setRange(tabId, range) {
    set((s) => ({ ranges: { ...s.ranges, [tabId]: range } }));
  },
  forget(tabId) {
    set((s) => {
      const { [tabId]: _gone, ...ranges } = s.ranges;
      return { ranges };
    });
  },
}));
