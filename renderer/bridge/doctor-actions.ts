import type { DoctorProgressEvent } from '../../shared/model';
import { doctorTabId, useDoctorStore } from '../stores/doctor-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';

/** Opens (or shows) the remote's Doctor tab and runs the doctor; no connection needs to be open. */
export async function runDoctor(remoteId: string, name: string): Promise<void> {
  const tabId = doctorTabId(remoteId);
  useUiStore.getState().openTab({ id: tabId, kind: 'doctor', title: `Doctor: ${name}` });
  if (useDoctorStore.getState().slots[tabId]?.running) return;
  useDoctorStore.getState().patch(tabId, { remoteId, name, running: true, checking: undefined, error: undefined });
  const answer = await periscope().doctor.run(remoteId);
  if (!answer.ok) return useDoctorStore.getState().patch(tabId, { remoteId, name, running: false, checking: undefined, error: answer.error });
  useDoctorStore.getState().patch(tabId, { remoteId, name, running: false, checking: undefined, run: answer.value });
}

/**
 * Main is about to check the next instance: the tab says which. Only while its run goes on: events
 * travel apart from the answer, and one that comes after it must not say "Checking" again.
 */
export function applyDoctorProgress(event: DoctorProgressEvent): void {
  const tabId = doctorTabId(event.remoteId);
  const slot = useDoctorStore.getState().slots[tabId];
  if (!slot?.running) return;
  useDoctorStore.getState().patch(tabId, { remoteId: slot.remoteId, name: slot.name, checking: { instance: event.instance, instances: event.instances, url: event.url } });
}

/** Saves the last report as JSON where the user picks (the system save dialog, in main). */
export async function exportDoctorReport(remoteId: string): Promise<void> {
  const answer = await periscope().doctor.export(remoteId);
  if (!answer.ok) return useUiStore.getState().notify('error', `${answer.error.message} ${answer.error.hint}`);
  if (!answer.value.cancelled) useUiStore.getState().notify('success', `Saved the doctor report to ${answer.value.path}.`);
}

export function closeDoctorTab(tabId: string): void {
  useUiStore.getState().closeTab(tabId);
  useDoctorStore.getState().drop(tabId);
}
