import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';
import { reportError } from './remote-actions';

const exchanges = (n: number) => `${n} HTTP exchange${n === 1 ? '' : 's'}`;

/** Exports a connection's HTTP exchanges as a HAR file (main shows the save dialog). */
export async function exportConnectionHar(connectionId: string): Promise<void> {
  const result = await periscope().trace.exportHar(connectionId);
  if (!result.ok) return reportError('Could not export the HAR file', result.error);
  if (result.value.cancelled) return;
  useUiStore.getState().notify('success', `Exported ${exchanges(result.value.entries)} to ${result.value.path}.`);
}

/** Exports the HTTP exchanges of a session file or bundle opened in this window as a HAR file. */
export async function exportSessionHar(path: string): Promise<void> {
  const result = await periscope().session.exportHar(path);
  if (!result.ok) return reportError('Could not export the HAR file', result.error);
  if (result.value.cancelled) return;
  useUiStore.getState().notify('success', `Exported ${exchanges(result.value.entries)} to ${result.value.path}.`);
}

/** Saves a repro bundle of a connection (main shows the save dialog). */
export async function saveReproBundle(connectionId: string): Promise<void> {
  const result = await periscope().bundle.save(connectionId);
  if (!result.ok) return reportError('Could not save the repro bundle', result.error);
  if (result.value.cancelled) return;
  const { path, entries, httpExchanges } = result.value;
  useUiStore.getState().notify('success', `Saved a repro bundle to ${path}: ${entries} trace entries, ${exchanges(httpExchanges)}.`);
}
