import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LatencyTimeline } from '../components/metrics/latency-timeline';
import { useMetricsStore } from '../stores/metrics-store';
import { useTimelineStore } from '../stores/timeline-store';
import { useTraceStore } from '../stores/trace-store';
import { useTraceViewStore } from '../stores/trace-view-store';
import type { TraceLog } from '../trace/trace-log';
import { buildTimeline } from '../timeline/timeline-spans';
import type { TimeRange } from '../timeline/timeline-range';
import { methodColours } from '../workbench/latency-chart-data';

/** The timeline is rebuilt from the trace at most this often while traffic flows, in ms. */
export const TIMELINE_REBUILD_MS = 500;
/**
 * A rebuild costs a few µs per entry: a load run fills the trace with a hundred thousand calls,
 * whose rebuild takes a good part of a second. The pause between rebuilds grows with the trace
 * (1 ms per 25 entries: 10 s at 250,000), so they take about a tenth of the time at most.
 */
const rebuildPauseMs = (entries: number) => Math.max(TIMELINE_REBUILD_MS, entries / 25);

/** A value that follows `value` at most once per `ms` (the last change always lands). */
function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = last.current + ms - Date.now();
    const apply = () => {
      last.current = Date.now();
      setShown(value);
    };
    if (wait <= 0) return apply();
    const timer = setTimeout(apply, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}

/** "Now" on the trace's clock (monoTime): live, the wall clock moved onto it; offline, the last entry. */
function traceNow(log: TraceLog, live: boolean): number {
  const last = log.entries.at(-1);
  if (!last) return 0;
  return live ? Date.now() - (last.wallTime - last.monoTime) : last.monoTime;
}

/**
 * The Latency section's timeline for one tab (a live connection or an opened session file), built
 * from the trace the window already holds (no request to main): spans in the colours of the
 * latency chart, the Trace section's selection framed, the range kept per tab. A click on a span
 * selects its entry and calls `onShowInTrace` (the tab switches to its Trace section).
 */
export function LatencyTimelineSection({ tabId, live, onShowInTrace }: { tabId: string; live: boolean; onShowInTrace?: () => void }) {
  const slot = useTraceStore((s) => s.traces[tabId]);
  const samples = useMetricsStore((s) => s.slots[tabId]?.samples);
  const selectedSeq = useTraceViewStore((s) => s.selectedSeq[tabId]);
  const range = useTimelineStore((s) => s.ranges[tabId]);
  const setRange = useTimelineStore((s) => s.setRange);
  const pause = rebuildPauseMs(slot?.log.length ?? 0);
  const version = useThrottled(slot?.version ?? 0, pause);
  // Open spans grow with time: while live and something is open, the model is rebuilt every second (or pause).
  const [clock, setClock] = useState(0);
  const log = slot?.log;
  // `version` and `clock` are dependencies on purpose: the log grows in place.
  const model = useMemo(() => (log ? buildTimeline(log.entries, traceNow(log, live)) : undefined), [log, version, clock, live]); // eslint-disable-line react-hooks/exhaustive-deps
  const waiting = model?.spans.some((s) => s.outcome === 'open') ?? false;
  useEffect(() => {
    if (!live || !waiting) return;
    const timer = setTimeout(() => setClock((c) => c + 1), Math.max(1000, pause));
    return () => clearTimeout(timer);
  }, [live, waiting, model, pause]);
  const colourOf = useMemo(() => methodColours(samples), [samples]);

  // Back from the Trace section with an entry selected outside the range shown: centre on it.
  const centred = useRef(false);
  useEffect(() => {
    if (centred.current || !model || !range || selectedSeq === undefined) return;
    centred.current = true;
    const span = model.spans[model.spanOfSeq.get(selectedSeq) ?? -1];
    if (!span || (span.end >= range.from && span.start <= range.to)) return;
    const half = (range.to - range.from) / 2;
    const middle = (span.start + span.end) / 2;
    setRange(tabId, { from: middle - half, to: middle + half });
  }, [model, range, selectedSeq, setRange, tabId]);

  const onRangeChange = useCallback((next: TimeRange | undefined) => setRange(tabId, next), [setRange, tabId]);
  const onSelect = useCallback(
    (seq: number) => {
      useTraceViewStore.getState().select(tabId, seq);
      onShowInTrace?.();
    },
    [tabId, onShowInTrace],
  );

  if (!model || model.spans.length === 0) {
    return (
      <p className="muted" data-testid="timeline-empty">
        Timeline: no requests in the trace yet.
      </p>
    );
  }
  return <LatencyTimeline model={model} range={range} onRangeChange={onRangeChange} colourOf={colourOf} selectedSeq={selectedSeq} onSelect={onSelect} live={live} />;
}
