import { emptyInstancesSlot, useInstancesStore } from '../stores/instances-store';
import { periscope } from './api';

/** Asks main for every instance's health and latency (short-lived connections of their own). */
export async function checkInstances(connectionId: string, remoteId: string): Promise<void> {
  const store = useInstancesStore.getState();
  store.patch(connectionId, { checking: true, checkError: undefined });
  const answer = await periscope().group.check(remoteId);
  if (!answer.ok) return useInstancesStore.getState().patch(connectionId, { checking: false, checkError: answer.error });
  useInstancesStore.getState().patch(connectionId, { checking: false, checks: answer.value.instances, checkedAt: Date.now() });
}

/**
 * Sends the form's tool call to every instance of the group and keeps the compared answers.
 * Arguments that are not a JSON object are refused here, next to their field, before sending.
 */
export async function sendToAllInstances(connectionId: string, remoteId: string): Promise<void> {
  const slot = useInstancesStore.getState().slots[connectionId] ?? emptyInstancesSlot();
  const text = slot.argumentsJson.trim();
  if (text !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return useInstancesStore.getState().patch(connectionId, { argumentsError: 'The arguments are not JSON: write an object such as {"message": "hi"}, or leave the field empty.' });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return useInstancesStore.getState().patch(connectionId, { argumentsError: 'The arguments must be a JSON object such as {"message": "hi"}.' });
    }
  }
  const ignore = slot.ignore.split(',').map((p) => p.trim()).filter(Boolean);
  useInstancesStore.getState().patch(connectionId, { sending: true, sendError: undefined, argumentsError: undefined });
  const answer = await periscope().group.sendToAll(remoteId, slot.tool, text === '' ? undefined : text, ignore);
  if (!answer.ok) return useInstancesStore.getState().patch(connectionId, { sending: false, sendError: answer.error });
  useInstancesStore.getState().patch(connectionId, { sending: false, sent: answer.value });
}
