import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LogMessage } from '../../../shared/model/log-message';
import { LogLevelControl } from '../../../renderer/components/logs/log-level-control';
import { LogList } from '../../../renderer/components/logs/log-list';
import { PingControl } from '../../../renderer/components/ping-control';
import { filterLogs } from '../../../renderer/logs/log-filter';
import { mergeMessages, RENDERER_LOG_CAPACITY } from '../../../renderer/stores/logs-store';

const message = (seq: number, level: string, data: unknown, logger?: string): LogMessage => ({ seq, connectionId: 'c1', at: 1_700_000_000_000 + seq, level, data, ...(logger ? { logger } : {}) });

describe('the Logs section', () => {
  it('filters from a level up (a level outside the spec always shows) and searches level, logger and data', () => {
    const all = [message(1, 'debug', 'starting'), message(2, 'error', { disk: 'full' }, 'storage'), message(3, 'loud', 'odd level'), message(4, 'warning', 'slow')];
    expect(filterLogs(all, 'warning', '').map((m) => m.seq)).toEqual([2, 3, 4]);
    expect(filterLogs(all, 'all', 'STORAGE').map((m) => m.seq)).toEqual([2]);
    expect(filterLogs(all, 'all', '"disk": "full"').map((m) => m.seq)).toEqual([2]);
    expect(filterLogs(all, 'error', 'slow')).toEqual([]);
  });

  it('merges new messages by seq (no duplicates after a snapshot) and stays bounded, counting what fell off', () => {
    const first = mergeMessages([message(1, 'info', 'a')], [message(1, 'info', 'a'), message(2, 'info', 'b')], 0);
    expect(first.messages.map((m) => m.seq)).toEqual([1, 2]);
    const flood = Array.from({ length: RENDERER_LOG_CAPACITY + 25 }, (_, i) => message(i + 3, 'debug', i));
    const bounded = mergeMessages(first.messages, flood, 4);
    expect(bounded.messages).toHaveLength(RENDERER_LOG_CAPACITY);
    expect(bounded.dropped).toBe(4 + 27);
    expect(bounded.messages.at(-1)?.seq).toBe(RENDERER_LOG_CAPACITY + 27);
  });

  it('shows level, logger, time and the data as indented JSON', () => {
    render(<LogList messages={[message(7, 'error', { disk: 'full', freeMb: 12 }, 'storage')]} />);
    const row = screen.getByTestId('log-row');
    expect(row).toHaveClass('log-error');
    expect(row).toHaveTextContent('error');
    expect(row).toHaveTextContent('storage');
    expect(row.querySelector('pre')?.textContent).toBe('{\n  "disk": "full",\n  "freeMb": 12\n}');
    expect(row.querySelector('time')?.getAttribute('dateTime')).toBe(new Date(1_700_000_000_007).toISOString());
  });

  it('says how the level applies in each era: setLevel for the session, or each later request\'s _meta', () => {
    const onSet = vi.fn();
    const { rerender } = render(<LogLevelControl era="legacy" live level="warning" via="logging/setLevel" setting={false} onSet={onSet} />);
    expect(screen.getByTestId('log-level-status')).toHaveTextContent('logging/setLevel warning sent');
    fireEvent.change(screen.getByLabelText('Ask for messages from'), { target: { value: 'debug' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set level' }));
    expect(onSet).toHaveBeenCalledWith('debug');
    rerender(<LogLevelControl era="modern" live setting={false} onSet={onSet} />);
    expect(screen.getByTestId('log-level-status')).toHaveTextContent('has no logging/setLevel');
    expect(screen.getByRole('button', { name: 'Use for later requests' })).toBeEnabled();
  });

  it('pings with the round trip in the 2025 era; in 2026-07-28 the button is disabled and says why', () => {
    const onPing = vi.fn();
    const { rerender } = render(<PingControl era="legacy" live ping={{ status: 'done', latencyMs: 3.456, method: 'ping', at: 0 }} onPing={onPing} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ping' }));
    expect(onPing).toHaveBeenCalledOnce();
    expect(screen.getByTestId('ping-result')).toHaveTextContent('Round trip 3.46 ms (ping)');
    rerender(<PingControl era="modern" live onPing={onPing} />);
    expect(screen.getByRole('button', { name: 'Ping' })).toBeDisabled();
    expect(screen.getByTestId('ping-result')).toHaveTextContent('2026-07-28 servers have no ping');
  });
});
