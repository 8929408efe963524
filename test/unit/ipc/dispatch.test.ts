import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { createDispatch } from '../../../main/core/service/dispatch';
import type { CoreHandlers } from '../../../main/core/service/core-handlers';
import { PeriscopeError } from '../../../main/core/diagnostics/periscope-error';

function handlersRecording(seen: unknown[]): CoreHandlers {
  const all = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (input: unknown) => {
        seen.push([channel, input]);
        if (channel === 'connections:ping') throw new PeriscopeError({ kind: 'timeout', message: 'No pong in 5 s', hint: 'Is the server busy?' });
        if (channel === 'connections:list') throw new TypeError('boom');
        return 'done';
      },
    ]),
  );
  return all as unknown as CoreHandlers;
}

describe('createDispatch', () => {
  it('runs the handler with the parsed input (defaults applied) and wraps its value', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatch(handlersRecording(seen));
    expect(await dispatch('remotes:export', {})).toEqual({ ok: true, value: 'done' });
    expect(seen).toEqual([['remotes:export', { includeSecrets: false }]]);
  });

  it('refuses unknown channels and invalid inputs before any handler runs', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatch(handlersRecording(seen));
    expect(await dispatch('shell:exec', { cmd: 'rm -rf /' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const bad = await dispatch('connections:open', { remoteId: 42 });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/connections:open is not valid: remoteId/);
    expect(await dispatch('remotes:create', { draft: { name: '', transport: 'carrier-pigeon' } })).toMatchObject({ ok: false });
    expect(seen).toEqual([]);
  });

  it('returns a PeriscopeError as its ErrorInfo and any other throw as an internal error with its message', async () => {
    const dispatch = createDispatch(handlersRecording([]));
    expect(await dispatch('connections:ping', { connectionId: 'c1' })).toEqual({
      ok: false,
      error: { kind: 'timeout', message: 'No pong in 5 s', hint: 'Is the server busy?' },
    });
    const internal = await dispatch('connections:list', undefined);
    expect(internal).toMatchObject({ ok: false, error: { kind: 'internal' } });
    if (!internal.ok) expect(internal.error.message).toContain('boom');
  });
});
