import { useTraceStore } from '../stores/trace-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';
import { reportError } from './remote-actions';
import { useMetricsStore } from '../stores/metrics-store';
import type { BundleSummary, OpenedSession } from '../../shared/ipc/contract';
import { countNoun } from '../../shared/text/count-noun';

/** Saves a connection's trace as a session file (main shows the save dialog). */
export async function saveSession(connectionId: string): Promise<void> {
  const result = await periscope().session.save(connectionId);
  if (!result.ok) return reportError('Could not save the session', result.error);
  if (result.value.cancelled) return;
  useUiStore.getState().notify('success', `Saved ${countNoun(result.value.count, 'entry', 'entries')} to ${result.value.path}.`);
}

let openedCount = 0;

/** Opens a saved session file offline, read-only, in its own tab. */
export async function openSessionFile(): Promise<void> {
  const result = await periscope().session.open();
  if (!result.ok) return reportError('Could not open the session file', result.error);
  if (result.value.cancelled) return;
  showOpenedSession(result.value);
}

/** Opens a repro bundle offline: its trace in a session tab, with the bundle's summary above it. */
export async function openBundleFile(): Promise<void> {
  const result = await periscope().bundle.open();
  if (!result.ok) return reportError('Could not open the repro bundle', result.error);
  if (result.value.cancelled) return;
  showOpenedSession(result.value, result.value.bundle);
}

function showOpenedSession(opened: OpenedSession, bundle?: BundleSummary): void {
  const { path, entries, header, evicted, problems, metrics, latencySamples } = opened;
  const tabId = `session:${++openedCount}`;
  const title = fileName(path);
  useTraceStore.getState().replaceEntries(tabId, entries, { kind: 'session', title, path, createdAt: header.createdAt, ...(bundle ? { bundle } : {}) });
  if (metrics) useMetricsStore.getState().set(tabId, { snapshot: metrics, at: Date.now(), ...(latencySamples ? { samples: latencySamples } : {}) });
  useUiStore.getState().openTab({ id: tabId, kind: 'session', title });
  // Memory shows the last part of a huge file; say what is left out, and what could not be read.
  if (evicted) useUiStore.getState().notify('info', `${title}: showing the last ${countNoun(entries.length, 'entry', 'entries')}; ${evicted.toLocaleString('en-US')} older ones are only in the file.`);
  if (problems?.length) {
    const lines = problems.length === 1 ? problems[0]!.message : `${problems.length} lines could not be read (the first: ${problems[0]!.message})`;
    useUiStore.getState().notify('warning', `${title}: ${lines}. The rest of the file was read.`);
  }
}

export function closeSessionTab(tabId: string): void {
  useUiStore.getState().closeTab(tabId);
  useTraceStore.getState().removeTrace(tabId);
  useMetricsStore.getState().forget(tabId);
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
