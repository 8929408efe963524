import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { InstanceHealthTable } from '../../../renderer/components/instances/instance-health-table';
import { SendToAllResultView } from '../../../renderer/components/instances/send-to-all-result';
import { InstanceFiguresTable } from '../../../renderer/components/load/instance-figures';
import { LoadCompareView } from '../../../renderer/components/load/load-compare';
import { LoadResultView } from '../../../renderer/components/load/load-result';
import { LoadRunsList } from '../../../renderer/components/load/load-runs-list';
import { TimelineSpanList } from '../../../renderer/components/metrics/timeline-span-list';
import type { LoadRunRecord } from '../../../renderer/stores/load-runs-store';
import { buildTimeline } from '../../../renderer/timeline/timeline-spans';
import { compareAnswers } from '../../../main/core/fanout/answer-diff';
import type { HealthProbe } from '../../../shared/model/instance-health';
import type { LoadResult } from '../../../shared/model/load-run';
import { installFakeBoxes } from '../support/fake-boxes';

/**
 * Every table of the Latency and Instances sections that a 900 px window can make too wide
 * scrolls sideways in a region of its own and, when some of its columns are out of view, says so
 * over it with the buttons counting them (SidewaysScroll, as the latency table). Every column is
 * 100 px wide; the pane shows `paneWidth` px from x = 0. A table read by its first column (the
 * spans', by their names) keeps that column in view: it does not scroll.
 */
let paneWidth = 250;
installFakeBoxes((el) => {
  const area = el.closest('[role="region"]') as HTMLElement | null;
  if (!area?.classList.contains('sideways-scroll')) return undefined;
  if (el === area) return { left: 0, top: 0, width: paneWidth, height: 200 };
  if (el.matches('thead th')) {
    const index = [...el.parentElement!.children].indexOf(el);
    const sticky = index === 0 && area.classList.contains('sticky-first');
    return { left: 100 * index - (sticky ? 0 : area.scrollLeft), top: 0, width: 100, height: 24 };
  }
  return undefined;
});

const figures = { min: 1, mean: 2, p50: 2, p90: 3, p95: 4, p99: 5, p999: 6, max: 7 };
const result: LoadResult = { count: 10, ok: 10, errors: {}, durationMs: 1000, throughputPerS: 10, latency: figures, cancelled: false };
const run = (number: number): LoadRunRecord => ({
  runId: `r${number}`,
  number,
  request: { kind: 'method', method: 'tools/list' },
  plan: { durationMs: 1000, concurrency: 4 },
  startedAt: 0,
  status: 'done',
  progress: { done: 10, failed: 0, elapsedMs: 1000 },
  live: { at: [], latencyMs: [] },
  result,
});
const probe = (path: '/health' | '/ready'): HealthProbe => ({ path, url: `http://a.example${path}`, status: 200, latencyMs: 3, ok: true });
const outcomes = [
  { instance: 'http://a.example/mcp', latencyMs: 3, result: { content: [{ type: 'text' as const, text: 'hi' }] } },
  { instance: 'http://b.example/mcp', latencyMs: 4, result: { content: [{ type: 'text' as const, text: 'hi' }] } },
];

const TABLES: Array<[string, () => ReactElement, string, number]> = [
  ['a load run\'s figures', () => <LoadResultView result={result} title="Run 1" />, 'Run 1 latency percentiles', 7],
  ['two runs compared', () => <LoadCompareView before={run(1)} after={run(2)} />, 'Figures of both runs', 4],
  ['the past load runs', () => <LoadRunsList runs={[run(1)]} compared={[]} onShow={() => undefined} onToggleCompare={() => undefined} />, 'Past load runs', 5],
  ['a group run by instance', () => <InstanceFiguresTable spread="round-robin" figures={[{ instance: 'http://a.example/mcp', count: 5, ok: 5, errors: {}, throughputPerS: 5, latency: figures }]} />, 'Figures by instance', 6],
  ['the instances\' health', () => <InstanceHealthTable checks={[{ instance: 'http://a.example/mcp', health: { instance: 'http://a.example/mcp', health: probe('/health'), ready: probe('/ready'), ok: true }, latencyMs: 2, method: 'ping' }]} />, 'Instances: health and latency', 4],
  ['the answers to Send to all', () => <SendToAllResultView sent={{ tool: 'echo', outcomes, comparison: compareAnswers(outcomes) }} />, 'Answers to echo', 3],
  [
    'the spans in view',
    () => <TimelineSpanList model={buildTimeline([], 0)} visible={[]} onSelect={() => undefined} barCentre={() => ({ x: 0, y: 0 })} />,
    'Spans in view',
    6,
  ],
];

/** The tables read by their first column, which stays in view (the latency table's own test covers it). */
const STICKY_FIRST_COLUMN = new Set(['Spans in view']);

describe('the tables of the Latency and Instances sections in a narrow pane', () => {
  it.each(TABLES)('%s: says it scrolls sideways and how many columns are out of view; a click brings the next one in', (_, table, label, columns) => {
    paneWidth = 250;
    render(table());
    const region = screen.getByRole('region', { name: label });
    // Two columns and a half show: the cut one and the rest are out of view on the right.
    const right = within(region.parentElement!).getByRole('button', { name: `Scroll the table right: ${columns - 2} ${columns - 2 === 1 ? 'column' : 'columns'} out of view` });
    expect(region.parentElement!.querySelector('.sideways-scroll-bar')).toHaveTextContent('Scroll sideways for more columns:');
    expect(region).toHaveClass('more-after');
    fireEvent.click(right);
    // The cut column (200-300 px) is now whole, its right edge at the pane's.
    expect(region.scrollLeft).toBe(50);
    act(() => {
      region.dispatchEvent(new Event('scroll'));
    });
    expect(within(region.parentElement!).getByRole('button', { name: 'Scroll the table left: 1 column out of view' })).toBeInTheDocument();
    if (STICKY_FIRST_COLUMN.has(label)) {
      // Its names stay in view, casting a shadow over the column that went under them.
      expect(region).toHaveClass('sticky-first', 'columns-under');
    } else {
      // No sticky column: the left edge fades instead.
      expect(region).toHaveClass('more-before');
      expect(region).not.toHaveClass('sticky-first');
    }
  });

  it.each(TABLES)('%s: says nothing when every column fits', (_, table, label) => {
    paneWidth = 2000;
    render(table());
    const region = screen.getByRole('region', { name: label });
    expect(region.parentElement!.querySelector('.sideways-scroll-bar')).toBeNull();
    expect(region).not.toHaveClass('more-after');
  });
});
