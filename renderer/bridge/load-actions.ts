import type { MainEvent } from '../../shared/ipc/contract';
import { appendSamples, emptyLoadSlot, useLoadRunsStore, type LoadRunRecord } from '../stores/load-runs-store';
import { checkLoadForm, PLAN_FIELDS } from '../workbench/load-form';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';
import { reportError } from './remote-actions';

type LoadEvent = Extract<MainEvent, { type: 'load-progress' | 'load-ended' }>;

/** Events of a run whose start has not answered yet (events and answers travel apart); replayed once it has. */
const early = new Map<string, LoadEvent[]>();
/** Connections whose start is on its way to main: a second press (a double click) sends nothing. */
const starting = new Set<string>();

/**
 * Checks the connection's Load run form and starts the run in main. Field problems (found here,
 * or by main in `detail.field`) go next to their field; any other refusal above the form. With
 * `groupOf` (a group's connection: its remote and how many instances it has) the run uses the group's instances as the slot's
 * `spread` says.
 */
export async function startLoadRun(connectionId: string, groupOf?: { remoteId: string; size: number }): Promise<void> {
  const store = useLoadRunsStore.getState();
  const slot = store.slots[connectionId] ?? emptyLoadSlot();
  if (starting.has(connectionId) || slot.runs.some((r) => r.status === 'running')) return;
  const checked = checkLoadForm(slot.form);
  if ('errors' in checked) return store.patch(connectionId, { errors: checked.errors, startError: undefined });
  store.patch(connectionId, { errors: {}, startError: undefined });
  // A group's run goes over its instances, as the panel's choice says (main connects to each).
  const group = groupOf ? { remoteId: groupOf.remoteId, instances: slot.spread } : undefined;
  starting.add(connectionId);
  let answer;
  try {
    answer = await periscope().load.start(connectionId, checked.request, checked.plan, group);
  } finally {
    starting.delete(connectionId);
  }
  if (!answer.ok) {
    const field = PLAN_FIELDS[String(answer.error.detail?.field)];
    if (field) return useLoadRunsStore.getState().patch(connectionId, { errors: { [field]: answer.error.message } });
    return useLoadRunsStore.getState().patch(connectionId, { startError: answer.error });
  }
  const { runId } = answer.value;
  const runs = useLoadRunsStore.getState().slots[connectionId]?.runs ?? [];
  const run: LoadRunRecord = {
    runId,
    number: (runs.at(-1)?.number ?? 0) + 1,
    request: checked.request,
    plan: checked.plan,
    ...(group && groupOf ? { spread: group.instances, instanceCount: groupOf.size } : {}),
    startedAt: Date.now(),
    status: 'running',
    progress: { done: 0, failed: 0, elapsedMs: 0 },
    live: { at: [], latencyMs: [] },
  };
  useLoadRunsStore.getState().add(connectionId, run);
  for (const event of early.get(runId) ?? []) applyLoadEvent(event);
  early.delete(runId);
}

/** Asks main to stop a run; its partial result arrives as its 'load-ended'. */
export async function cancelLoadRun(connectionId: string, runId: string): Promise<void> {
  useLoadRunsStore.getState().update(connectionId, runId, () => ({ cancelling: true }));
  await periscope().load.cancel(runId);
}

/**
 * Writes a run's requests as an Artillery scenario where the user picks (main builds it from the
 * connection's trace); says where, and which environment variables stand in for secrets.
 */
export async function exportLoadRunAsArtillery(connectionId: string, run: Pick<LoadRunRecord, 'request' | 'plan' | 'number'>): Promise<void> {
  const result = await periscope().load.exportArtillery(connectionId, run.request, run.plan);
  if (!result.ok) return reportError(`Could not export run ${run.number} as an Artillery scenario`, result.error);
  if (result.value.cancelled) return;
  const env = result.value.env.length ? ` Set ${result.value.env.join(', ')} in the environment when you run it.` : '';
  useUiStore.getState().notify('success', `Saved run ${run.number} as an Artillery scenario to ${result.value.path}.${env}`);
}

/** Writes a run's progress or end into the store. */
export function applyLoadEvent(event: LoadEvent): void {
  const store = useLoadRunsStore.getState();
  if (!store.slots[event.connectionId]?.runs.some((r) => r.runId === event.runId)) {
    const held = early.get(event.runId) ?? [];
    // Bounded: a run nobody in this window started (another window's) is not kept for ever.
    if (held.length < 50) early.set(event.runId, [...held, event]);
    return;
  }
  if (event.type === 'load-progress') {
    store.update(event.connectionId, event.runId, (run) => ({
      progress: { done: event.done, failed: event.failed, elapsedMs: event.elapsedMs },
      live: appendSamples(run.live, event.latest),
    }));
    return;
  }
  const { result, error, samples } = event;
  store.update(event.connectionId, event.runId, (run) => ({
    status: error ? 'failed' : result?.cancelled ? 'cancelled' : 'done',
    cancelling: false,
    samples,
    live: { at: [], latencyMs: [] },
    ...(result ? { result, progress: { done: result.count, failed: result.count - result.ok, elapsedMs: result.durationMs } } : { progress: run.progress }),
    ...(error ? { error } : {}),
  }));
}
