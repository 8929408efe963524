import { create } from 'zustand';

/** The sections a connection tab has; each is a view in renderer/views/connection-tab.tsx. */
export type SectionId = 'overview' | 'tools' | 'resources' | 'prompts' | 'requests' | 'logs' | 'trace' | 'latency' | 'instances';

/** Which section each connection tab shows; kept when switching tabs. */
interface SectionsState {
  active: Record<string, SectionId>;
  select(connectionId: string, section: SectionId): void;
}

export const useSectionsStore = create<SectionsState>()((set) => ({
  active: {},
  select(connectionId, section) {
    set((s) => ({ active: { ...s.active, [connectionId]: section } }));
  },
}));
