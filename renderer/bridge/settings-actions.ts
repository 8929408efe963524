import type { AppSettingsPatch } from '../../shared/model/settings';
import { useSettingsStore } from '../stores/settings-store';
import { useUiStore } from '../stores/ui-store';
import { periscope } from './api';
import { reportError } from './remote-actions';

export async function loadSettings(): Promise<void> {
  const result = await periscope().settings.get();
  if (result.ok) useSettingsStore.getState().setSettings(result.value);
}

/** Saves a change; connections opened from now on use it. */
export async function updateSettings(patch: AppSettingsPatch): Promise<void> {
  const result = await periscope().settings.update(patch);
  if (!result.ok) return reportError('Could not save the setting', result.error);
  useSettingsStore.getState().setSettings(result.value);
  useUiStore.getState().notify('info', `Saved: session files stop recording at ${result.value.sessionFileCapMB.toLocaleString('en-US')} MB (for connections opened from now on).`);
}
