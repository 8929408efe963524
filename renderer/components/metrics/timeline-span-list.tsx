import type { TimelineModel } from '../../timeline/timeline-spans';
import { formatClock, formatOffset } from '../../timeline/timeline-range';
import { outcomeText, phasesText, progressText } from '../../timeline/span-text';
import { SidewaysScroll } from '../sideways-scroll';

/** Rows listed at most; the rest are counted, and zooming in lists them. */
export const SPAN_LIST_MAX = 200;

interface TimelineSpanListProps {
  model: TimelineModel;
  /** Indices into model.spans, in start order: the spans in view. */
  visible: number[];
  selected?: number;
  onSelect(seq: number): void;
  /** Where the span's bar is drawn (its middle, CSS px in the canvas): on the row as data-x, data-y. */
  barCentre(index: number): { x: number; y: number };
}

/**
 * The spans in view as a table, for screen readers and keyboards (the canvas says nothing by
 * itself): what, start (clock time), duration, outcome, HTTP phases, progress. The name of each
 * is a button that shows the span's entry in the Trace section. Collapsed by default under its
 * summary, which says how many spans are in view. In a narrow pane the table scrolls sideways
 * under its names, which stay in view, and says so (see SidewaysScroll).
 */
export function TimelineSpanList({ model, visible, selected, onSelect, barCentre }: TimelineSpanListProps) {
  const shown = visible.slice(0, SPAN_LIST_MAX);
  return (
    <details className="timeline-list" data-testid="timeline-list">
      <summary>
        Spans in view as a table ({visible.length.toLocaleString('en-US')}
        {visible.length > SPAN_LIST_MAX ? `, the first ${SPAN_LIST_MAX} listed` : ''})
      </summary>
      <SidewaysScroll label="Spans in view" stickyFirstColumn testId="timeline-list">
        <table className="metrics-table timeline-table">
          <thead>
            <tr>
              <th scope="col">Span</th>
              <th scope="col">Start</th>
              <th scope="col">Duration</th>
              <th scope="col">Outcome</th>
              <th scope="col">Phases</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => {
              const span = model.spans[i]!;
              const centre = barCentre(i);
              return (
                <tr
                  key={span.seq}
                  data-testid="timeline-row"
                  data-seq={span.seq}
                  data-kind={span.kind}
                  data-outcome={span.outcome}
                  data-progress={span.progress.length}
                  data-x={centre.x.toFixed(1)}
                  data-y={centre.y.toFixed(1)}
                  aria-current={i === selected ? 'true' : undefined}
                  className={i === selected ? 'timeline-row-selected' : undefined}
                >
                  <th scope="row">
                    <button type="button" className="link-button" aria-label={`Show ${span.label} in the trace`} onClick={() => onSelect(span.seq)}>
                      {span.label}
                    </button>
                  </th>
                  <td>{formatClock(span.start + model.wallOffset)}</td>
                  <td>
                    {formatOffset(span.end - span.start)}
                    {span.outcome === 'open' ? ' so far' : ''}
                  </td>
                  <td className={span.failed ? 'timeline-failed' : undefined}>{outcomeText(span)}</td>
                  <td>{phasesText(span) || '—'}</td>
                  <td>{progressText(span) || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </SidewaysScroll>
      {visible.length > SPAN_LIST_MAX && (
        <p className="muted field-help">
          {(visible.length - SPAN_LIST_MAX).toLocaleString('en-US')} more in view: zoom in to list them.
        </p>
      )}
    </details>
  );
}
