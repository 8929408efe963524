import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TraceEntry } from '../../../shared/model/trace';
import { TraceDetail } from '../../../renderer/components/trace/trace-detail';
import { formatPayload } from '../../../renderer/trace/payload-text';
import { TraceLog } from '../../../renderer/trace/trace-log';
import { deepText } from '../../fixtures/deep-json';

const base = { connectionId: 'c1', wallTime: 1_750_000_000_000, monoTime: 1 };

describe('payloads main cut or nested too deep', () => {
  it('says a message was cut, how big it was and where the whole one is, and shows the kept text as it is', () => {
    const kept = '{"jsonrpc":"2.0","id":3,"result":{"content":[{"type":"text","text":"bbbbbbbb';
    const entry: TraceEntry = {
      ...base,
      seq: 7,
      type: 'message',
      direction: 'incoming',
      messageKind: 'response',
      rpcId: 3,
      size: 24 * 1024 * 1024,
      message: kept,
      truncated: { reason: 'size', bytes: 24 * 1024 * 1024, keptBytes: kept.length, fullCopy: 'session-file', note: 'truncated: 24.0 MB, the first 1.0 MB kept here; the full copy is in the session file' },
    };
    render(<TraceDetail entry={entry} pair={undefined} onShowSeq={vi.fn()} copy={vi.fn(async () => true)} />);
    const pane = screen.getByTestId('trace-detail');
    expect(within(pane).getByTestId('payload-cut')).toHaveTextContent('truncated: 24.0 MB, the first 1.0 MB kept here; the full copy is in the session file');
    expect(within(pane).getByTestId('payload-text').textContent).toBe(kept);
  });

  it('shows an SSE event\'s cut data with its note', () => {
    const entry: TraceEntry = {
      ...base,
      seq: 8,
      type: 'sse-event',
      exchangeId: 'x',
      size: 5_000_000,
      data: 'dddd',
      truncated: { reason: 'size', bytes: 5_000_000, keptBytes: 4, fullCopy: 'none', note: 'truncated: 4.8 MB, the first 4 B kept here; no full copy was recorded (recording is off, or stopped at its cap)' },
    };
    render(<TraceDetail entry={entry} pair={undefined} onShowSeq={vi.fn()} copy={vi.fn(async () => true)} />);
    expect(screen.getByTestId('payload-cut')).toHaveTextContent('no full copy was recorded');
  });

  it('formats text nested too deep to pretty-print as the text itself, never "[object Object]"', () => {
    const deep = deepText(20_000);
    expect(formatPayload(deep, 'pretty')).toBe(deep);
    expect(formatPayload(JSON.parse(deep), 'raw')).toMatch(/nested too deeply to show here/);
  });
});

describe('the renderer trace store is bounded by bytes', () => {
  it('drops the oldest entries past its byte budget, keeping the newest', () => {
    const log = new TraceLog(250_000, 1_000_000);
    const line = 'x'.repeat(100_000);
    for (let seq = 1; seq <= 100; seq++) log.append([{ ...base, seq, type: 'stderr', line }]);
    expect(log.bytes).toBeLessThanOrEqual(1_000_000);
    expect(log.length).toBeLessThan(10);
    expect(log.entries.at(-1)!.seq).toBe(100);
    // Indices stay consistent after dropping: seq lookup and search still line up.
    expect(log.bySeq(100)!.seq).toBe(100);
    expect(log.searchTextAt(log.length - 1)).toContain('xxx');
  });
});
