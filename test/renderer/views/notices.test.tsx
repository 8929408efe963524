import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SUCCESS_NOTICE_MS } from '../../../renderer/components/notices';
import { errorNoticeText } from '../../../renderer/bridge/remote-actions';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { MAX_NOTICES, useUiStore } from '../../../renderer/stores/ui-store';
import { App } from '../../../renderer/views/app';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';

let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

function start() {
  installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => [makeRemote()] });
  stop = startBridge();
  render(<App />);
}

describe('Notices', () => {
  it('sit in their own strip after the content (they cover nothing), not over it', () => {
    start();
    act(() => useUiStore.getState().notify('error', 'Could not save the session: disk full'));
    const strip = screen.getByTestId('notices');
    const main = screen.getByRole('main');
    // Same column, after the main area in the flow: the layout makes room instead of overlapping.
    expect(strip.parentElement).toBe(main.parentElement);
    expect(main.compareDocumentPosition(strip) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(getComputedStyle(strip).position).not.toBe('fixed');
  });

  it('success goes away by itself; warnings and errors stay until dismissed', () => {
    vi.useFakeTimers();
    start();
    act(() => {
      useUiStore.getState().notify('success', 'Saved remote "Prod".');
      useUiStore.getState().notify('error', 'Could not export remotes: disk full');
    });
    expect(screen.getByTestId('notice-success')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(SUCCESS_NOTICE_MS + 10));
    expect(screen.queryByTestId('notice-success')).toBeNull();
    expect(screen.getByTestId('notice-error')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByTestId('notice-error')).toBeNull();
  });

  it('keep at most a few at once, and can all be dismissed together', () => {
    start();
    act(() => {
      for (let i = 1; i <= 7; i++) useUiStore.getState().notify('warning', `warning ${i}`);
    });
    const shown = screen.getAllByTestId('notice-warning').map((n) => n.textContent);
    expect(shown).toHaveLength(MAX_NOTICES);
    expect(shown.at(-1)).toContain('warning 7');
    fireEvent.click(screen.getByTestId('dismiss-all-notices'));
    expect(screen.queryAllByTestId('notice-warning')).toHaveLength(0);
  });

  it('an error reads as what failed, what happened, then what to try, each a sentence of its own', () => {
    const cases: Array<[{ message: string; hint: string }, string]> = [
      [
        { message: 'The import file is not valid JSON: Unexpected end of JSON input', hint: 'Import a remote configuration (an object or array with transport_type, url, headers).' },
        'Could not import remotes: The import file is not valid JSON: Unexpected end of JSON input. Try: import a remote configuration (an object or array with transport_type, url, headers).',
      ],
      [{ message: 'Cannot read /x.json: ENOENT.', hint: 'Check the path.' }, 'Could not import remotes: Cannot read /x.json: ENOENT. Try: check the path.'],
      [{ message: 'The file "a.ndjson" is empty (0 bytes)', hint: 'URLs in it …' }, 'Could not import remotes: The file "a.ndjson" is empty (0 bytes). Try: URLs in it …'],
      [{ message: 'Disk full', hint: '' }, 'Could not import remotes: Disk full.'],
      [{ message: 'It said "no."', hint: 'ask again' }, 'Could not import remotes: It said "no." Try: ask again'],
    ];
    for (const [error, text] of cases) expect(errorNoticeText('Could not import remotes', error)).toBe(text);
  });
});
