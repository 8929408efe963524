import { create } from 'zustand';
import type { AppSettings } from '../../shared/model/settings';

/** The app's settings as main last gave them (undefined until loaded). Written only by the bridge. */
interface SettingsState {
  settings: AppSettings | undefined;
  setSettings(settings: AppSettings): void;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: undefined,
  setSettings: (settings) => set({ settings }),
}));
