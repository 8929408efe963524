import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TraceEntry } from '../../../shared/model/trace';
import { useTraceStore } from '../../../renderer/stores/trace-store';
import { useTraceViewStore } from '../../../renderer/stores/trace-view-store';
import { TraceView } from '../../../renderer/views/trace-view';
import { installFakeLayout } from '../support/layout';
import { makeEntries, makeHttpEntry } from '../support/make-entries';

installFakeLayout();

function load(entries: TraceEntry[], traceId = 't1') {
  act(() => {
    useTraceStore.getState().ensureTrace(traceId, { kind: 'live', title: 'Playground' });
    useTraceStore.getState().appendEntries(traceId, entries);
  });
}

afterEach(() => {
  useTraceStore.setState({ traces: {} });
  useTraceViewStore.setState({ filters: {}, selectedSeq: {} });
});

describe('TraceView', () => {
  it('says so when there is no trace yet', () => {
    render(<TraceView traceId="nope" title="x" />);
    expect(screen.getByTestId('trace-empty')).toHaveTextContent('No trace yet');
  });

  it('shows an empty list before traffic arrives', () => {
    act(() => useTraceStore.getState().ensureTrace('t1', { kind: 'live', title: 'Playground' }));
    render(<TraceView traceId="t1" title="Playground" />);
    expect(screen.getByText('No traffic yet.')).toBeInTheDocument();
    expect(screen.getByTestId('trace-count')).toHaveTextContent('0 entries');
  });

  it('renders only the visible rows of a large trace, with their columns', async () => {
    load(makeEntries(5000));
    render(<TraceView traceId="t1" title="Playground" />);
    const list = screen.getByRole('listbox', { name: 'Trace of Playground' });
    const rows = within(list).getAllByTestId('trace-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
    expect(screen.getByTestId('trace-count')).toHaveTextContent('5,000 entries');
    // Follows the tail: the newest entry is in view.
    await waitFor(() => expect(list.querySelector('[data-seq="5000"]')).not.toBeNull());
  });

  it('pauses following when the user scrolls up, and jumps back to the latest', async () => {
    load(makeEntries(1000));
    render(<TraceView traceId="t1" title="Playground" />);
    const list = screen.getByRole('listbox');
    await waitFor(() => expect(list.querySelector('[data-seq="1000"]')).not.toBeNull());
    expect(screen.queryByTestId('jump-to-latest')).toBeNull();
    act(() => {
      list.scrollTop = 0;
      fireEvent.scroll(list);
    });
    await waitFor(() => expect(list.querySelector('[data-seq="1"]')).not.toBeNull());
    act(() => useTraceStore.getState().appendEntries('t1', makeEntries(5, 'c1', 1001)));
    expect(list.querySelector('[data-seq="1005"]')).toBeNull();
    expect(list.querySelector('[data-seq="1"]')).not.toBeNull();
    fireEvent.click(screen.getByTestId('jump-to-latest'));
    await waitFor(() => expect(list.querySelector('[data-seq="1005"]')).not.toBeNull());
    expect(screen.queryByTestId('jump-to-latest')).toBeNull();
  });

  // A span clicked in the Latency section selects its entry and opens the Trace section.
  it('brings an entry selected elsewhere into view, on opening and while open, and stops following for it', async () => {
    load(makeEntries(1000));
    act(() => useTraceViewStore.setState({ selectedSeq: { t1: 3 } }));
    render(<TraceView traceId="t1" title="Playground" />);
    const list = screen.getByRole('listbox');
    await waitFor(() => expect(list.querySelector('[data-seq="3"]')).not.toBeNull());
    expect(screen.getByTestId('jump-to-latest')).toBeInTheDocument();
    act(() => useTraceStore.getState().appendEntries('t1', makeEntries(5, 'c1', 1001)));
    expect(list.querySelector('[data-seq="3"]')).not.toBeNull();
    act(() => useTraceViewStore.setState({ selectedSeq: { t1: 500 } }));
    await waitFor(() => expect(list.querySelector('[data-seq="500"]')).not.toBeNull());
  });

  it('opens an entry, jumps to its pair, and moves with the keyboard', () => {
    load(makeEntries(10));
    render(<TraceView traceId="t1" title="Playground" />);
    fireEvent.click(screen.getAllByTestId('trace-row')[0]);
    const detail = screen.getByTestId('trace-detail');
    expect(detail).toHaveTextContent('#1 request tools/list');
    expect(within(detail).getByTestId('payload-text')).toHaveTextContent('"method": "tools/list"');

    fireEvent.click(within(detail).getByTestId('show-pair'));
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('#2 response');
    fireEvent.click(within(screen.getByTestId('trace-detail')).getByRole('button', { name: 'Show request #1' }));
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('#1 request');

    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('#2 response');
    expect(list).toHaveAttribute('aria-activedescendant', 'trace-row-2');
    fireEvent.keyDown(list, { key: 'End' });
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('#10 ');
    fireEvent.keyDown(list, { key: 'Home' });
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('#1 request');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('#1 request');
  });

  it('opens each newly selected entry at the top of the detail pane, but keeps the place as traffic streams in', () => {
    load(makeEntries(12));
    render(<TraceView traceId="t1" title="Playground" />);
    const list = screen.getByRole('listbox');
    // Entry 3 is an HTTP exchange: long enough to be scrolled down to its headers.
    fireEvent.click(list.querySelector('[data-seq="3"]')!);
    const detail = screen.getByTestId('trace-detail');
    expect(detail).toHaveTextContent('#3 http');
    detail.scrollTop = 250;
    fireEvent.scroll(detail);
    act(() => useTraceStore.getState().appendEntries('t1', makeEntries(4, 'c1', 13)));
    expect(detail.scrollTop).toBe(250);

    fireEvent.click(list.querySelector('[data-seq="4"]')!);
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('#4 request');
    expect(screen.getByTestId('trace-detail').scrollTop).toBe(0);
    // The same by keyboard, and through the link to an entry's pair.
    screen.getByTestId('trace-detail').scrollTop = 120;
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('#5 response');
    expect(screen.getByTestId('trace-detail').scrollTop).toBe(0);
    screen.getByTestId('trace-detail').scrollTop = 120;
    fireEvent.click(screen.getByTestId('show-pair'));
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('#4 request');
    expect(screen.getByTestId('trace-detail').scrollTop).toBe(0);
  });

  it('filters by text and says when nothing matches', () => {
    load(makeEntries(200));
    render(<TraceView traceId="t1" title="Playground" />);
    fireEvent.change(screen.getByTestId('trace-filter-text'), { target: { value: 'City 42"' } });
    expect(screen.getByTestId('trace-count')).toHaveTextContent('1 of 200');
    expect(screen.getAllByTestId('trace-row')).toHaveLength(1);
    fireEvent.change(screen.getByTestId('trace-filter-text'), { target: { value: 'no such text' } });
    expect(screen.getByText('Nothing matches the filters.')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('trace-filter-clear'));
    expect(screen.getByTestId('trace-count')).toHaveTextContent('200 entries');
  });

  it('keeps filtering as new entries stream in', () => {
    load(makeEntries(20));
    render(<TraceView traceId="t1" title="Playground" />);
    fireEvent.click(screen.getByTestId('trace-filter-kind-http'));
    expect(screen.getByTestId('trace-filter-kind-http')).toHaveAttribute('aria-pressed', 'true');
    const before = screen.getAllByTestId('trace-row').length;
    act(() => useTraceStore.getState().appendEntries('t1', [makeHttpEntry('c1', 21)]));
    expect(screen.getAllByTestId('trace-row')).toHaveLength(before + 1);
  });

  it('says which entries the text search covered only in part, instead of missing them silently', () => {
    load(makeEntries(3));
    render(<TraceView traceId="t1" title="Playground" />);
    act(() => useTraceStore.getState().traces.t1!.log.partlySearched.add(2));
    fireEvent.change(screen.getByTestId('trace-filter-text'), { target: { value: 'city' } });
    expect(screen.getByTestId('search-partial')).toHaveTextContent('1 very large entry was searched in its first 1 MB only');
  });

  it('shows the selected entry as hidden by the filters instead of its details, with the note at the top of the list', () => {
    load(makeEntries(4));
    render(<TraceView traceId="t1" title="Playground" />);
    fireEvent.click(screen.getAllByTestId('trace-row')[0]);
    expect(screen.getByTestId('trace-detail')).toHaveTextContent('#1');
    fireEvent.change(screen.getByTestId('trace-filter-text'), { target: { value: 'nothing like this anywhere' } });
    expect(screen.getByTestId('detail-empty')).toHaveTextContent('Entry #1 is hidden by the current filters');
    expect(screen.queryByTestId('copy-json')).toBeNull();
    // The note sits right under the column headings, before the (empty) scroll area.
    const note = screen.getByTestId('trace-list-empty');
    expect(note).toHaveTextContent('Nothing matches the filters.');
    expect(note.compareDocumentPosition(screen.getByTestId('trace-list')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('copies an HTTP exchange as cURL with secrets as placeholders', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    load([makeHttpEntry('c1', 1)]);
    render(<TraceView traceId="t1" title="Playground" />);
    fireEvent.click(screen.getAllByTestId('trace-row')[0]);
    expect(within(screen.getByRole('region', { name: 'Request headers' })).getByText('Bearer [redacted]')).toBeInTheDocument();
    await act(async () => fireEvent.click(screen.getByTestId('copy-curl')));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0][0]).toContain('"authorization: Bearer $AUTHORIZATION"');
    expect(screen.getByTestId('copy-curl')).toHaveTextContent('✓ Copied');
    expect(screen.getByTestId('copy-curl-status')).toHaveTextContent('Copy as cURL: copied to the clipboard');
  });

  it('falls back to the copy command when the clipboard API is refused, and says when both fail', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: vi.fn(async () => Promise.reject(new Error('Write permission denied.'))) },
    });
    const execCommand = vi.fn((_command: string) => true);
    Object.defineProperty(document, 'execCommand', { configurable: true, value: execCommand });
    load(makeEntries(2));
    render(<TraceView traceId="t1" title="Playground" />);
    fireEvent.click(screen.getAllByTestId('trace-row')[0]);
    await act(async () => fireEvent.click(screen.getByTestId('copy-json')));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(screen.getByTestId('copy-json')).toHaveTextContent('✓ Copied');
    execCommand.mockReturnValue(false);
    await act(async () => fireEvent.click(screen.getByTestId('copy-json')));
    // The failure is shown next to the button, in words, not only announced.
    expect(screen.getByTestId('copy-json-status')).toHaveTextContent('Could not copy: the clipboard is not available');
    expect(screen.getByTestId('copy-json-status')).not.toHaveClass('visually-hidden');
    expect(screen.getByTestId('copy-json')).toHaveTextContent('Copy as JSON');
  });
});
