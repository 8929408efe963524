import { beforeEach, describe, expect, it } from 'vitest';
import { startLoadRun } from '../../../renderer/bridge/load-actions';
import { emptyLoadSlot, useLoadRunsStore } from '../../../renderer/stores/load-runs-store';
import { deferred, installFakePeriscope, resetStores } from '../support/fake-periscope';

/** Start load run pressed twice before main has answered the first (a double click, Enter then a click). */
describe('starting a load run', () => {
  beforeEach(() => resetStores());

  it('sends one start while the first is on its way, and none while a run is going', async () => {
    const answer = deferred<{ runId: string }>();
    const fake = installFakePeriscope({ 'load:start': () => answer.promise });
    useLoadRunsStore.getState().patch('c1', { form: { ...emptyLoadSlot().form, kind: 'tool', tool: 'echo', toolArgs: '{}', count: '10' } });
    const first = startLoadRun('c1');
    const second = startLoadRun('c1');
    answer.resolve({ runId: 'r1' });
    await Promise.all([first, second]);
    expect(fake.calls('load:start')).toHaveLength(1);
    expect(useLoadRunsStore.getState().slots.c1!.runs.map((r) => r.runId)).toEqual(['r1']);
    await startLoadRun('c1');
    expect(fake.calls('load:start')).toHaveLength(1);
  });
});
