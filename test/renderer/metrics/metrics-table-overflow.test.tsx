import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../../shared/model/metrics';
import { MetricsTable } from '../../../renderer/components/metrics/metrics-table';
import { installFakeBoxes } from '../support/fake-boxes';

/**
 * The latency table in a pane narrower than its columns: it scrolls sideways under its first
 * column (method and name), and the bar over it counts the columns out of view on each side.
 * Every column is 80 px wide; the pane shows `paneWidth` px from x = 0; the first column stays put.
 */
let paneWidth = 300;
installFakeBoxes((el) => {
  const area = el.closest('[role="region"]') as HTMLElement | null;
  if (!area) return undefined;
  if (el === area) return { left: 0, top: 0, width: paneWidth, height: 200 };
  if (el.matches('thead th')) {
    const index = [...el.parentElement!.children].indexOf(el);
    return { left: index === 0 ? 0 : 80 * index - area.scrollLeft, top: 0, width: 80, height: 24 };
  }
  return undefined;
});

const figures = (p50: number) => ({ min: p50 / 2, mean: p50, p50, p90: p50 * 1.5, p95: p50 * 2, p99: p50 * 3, p999: p50 * 4, max: p50 * 5 });
const row = (method: string, count: number, p50: number, extra: Partial<MetricsRow> = {}): MetricsRow => ({ method, count, answered: count, errors: {}, throughputPerS: 10, latency: figures(p50), ...extra });
const ROWS = [row('initialize', 1, 9), row('tools/list', 3, 1), row('tools/call', 6, 3), row('tools/call', 4, 2, { name: 'echo' })];

const table = () => render(<MetricsTable rows={ROWS} label="Latency per method and name" />);
const methods = () => screen.getAllByTestId('metrics-row').map((r) => `${r.getAttribute('data-method')}${r.getAttribute('data-name') ? ` ${r.getAttribute('data-name')}` : ''}`);

describe('the latency table in a narrow pane', () => {
  it('says it scrolls sideways and how many columns are out of view; a click brings the next one in', () => {
    paneWidth = 300;
    table();
    const region = screen.getByRole('region', { name: 'Latency per method and name' });
    // 11 columns: the first and two more fit in 300 px (the third is cut), 8 are out of view on the right.
    expect(screen.getByTestId('metrics-scroll-bar')).toHaveTextContent('Scroll sideways for more columns');
    const right = screen.getByRole('button', { name: 'Scroll the table right: 8 columns out of view' });
    expect(right).toHaveTextContent('8 columns ›');
    // Nothing out of view on the left: that button stays in place, disabled, and out of the Tab order.
    expect(screen.getByTestId('metrics-columns-left')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('metrics-columns-left')).toHaveAttribute('tabindex', '-1');
    expect(right).not.toHaveAttribute('tabindex');
    expect(region).toHaveClass('more-after');

    fireEvent.click(right);
    // The cut column (240-320 px) is now whole: its right edge at the pane's.
    expect(region.scrollLeft).toBe(20);
    act(() => {
      region.dispatchEvent(new Event('scroll'));
    });
    // Requests went under the first column, which stays in view and casts a shadow over it.
    expect(screen.getByRole('button', { name: 'Scroll the table left: 1 column out of view' })).toHaveTextContent('‹ 1 column');
    expect(screen.getByRole('button', { name: 'Scroll the table right: 7 columns out of view' })).toBeInTheDocument();
    expect(region).toHaveClass('columns-under');
    expect(screen.getByTestId('metrics-columns-left')).not.toHaveAttribute('tabindex');
  });

  it('brings a header reached with Tab wholly into view beside the first column, not under it or cut at the edge', () => {
    paneWidth = 300;
    table();
    const region = screen.getByRole('region', { name: 'Latency per method and name' });
    const button = (name: string) => within(region).getByRole('button', { name });
    // Scrolled 100 px: Errors (160-240 px in the table) shows from 60 px, its first 20 px under the method column (0-80 px).
    region.scrollLeft = 100;
    act(() => button('Errors').focus());
    expect(region.scrollLeft).toBe(80);
    // p50 (400-480 px, shown at 320-400 px) is out of view on the right: its right edge comes in, clear of the 24 px fade.
    act(() => button('p50').focus());
    expect(region.scrollLeft).toBe(80 + 124);
    // The method column is always in view: reaching it scrolls nothing.
    act(() => button('Method · name').focus());
    expect(region.scrollLeft).toBe(204);
  });

  it('scrolls nothing when a click focuses a header: the header must stay under the pointer for the click to sort', () => {
    paneWidth = 300;
    table();
    const region = screen.getByRole('region', { name: 'Latency per method and name' });
    const errors = within(region).getByRole('button', { name: 'Errors' });
    region.scrollLeft = 100;
    fireEvent.pointerDown(errors);
    act(() => errors.focus());
    expect(region.scrollLeft).toBe(100);
  });

  it('puts the round-trip figures right after the counts, and the HTTP phases after them', () => {
    paneWidth = 2000;
    render(<MetricsTable rows={ROWS.map((r) => ({ ...r, phases: { count: r.count, headersP50: 1 } }))} label="Latency per method and name" />);
    const headers = within(screen.getByRole('region', { name: 'Latency per method and name' })).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['Method · name ▲', 'Requests', 'Errors', 'Req/s', 'min', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'max', 'Headers p50', '1st event p50']);
    const cells = within(screen.getAllByTestId('metrics-row')[0]!).getAllByRole('cell').map((td) => td.textContent);
    expect(cells).toEqual(['1', '0', '10.0', '4.5 ms', '9.0 ms', '14 ms', '18 ms', '27 ms', '36 ms', '45 ms', '1.0 ms', '—']);
  });

  it('stays sortable with labelled headers while it scrolls', () => {
    paneWidth = 300;
    table();
    const region = screen.getByRole('region', { name: 'Latency per method and name' });
    const p50 = within(region).getByRole('columnheader', { name: 'p50' });
    fireEvent.click(within(p50).getByRole('button', { name: 'p50' }));
    expect(p50).toHaveAttribute('aria-sort', 'descending');
    expect(methods()).toEqual(['initialize', 'tools/call', 'tools/call echo', 'tools/list']);
    expect(within(region).getByRole('columnheader', { name: /Method · name/ })).not.toHaveAttribute('aria-sort');
  });

  it('says nothing when every column fits', () => {
    paneWidth = 2000;
    table();
    expect(screen.queryByTestId('metrics-scroll-bar')).toBeNull();
    expect(screen.getByRole('region', { name: 'Latency per method and name' })).not.toHaveClass('more-after');
  });
});
