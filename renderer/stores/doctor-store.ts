import { create } from 'zustand';
import type { DoctorRun, ErrorInfo } from '../../shared/model';

/** One remote's doctor: the run in progress, its last run (a report per instance), or why it could not run. */
export interface DoctorSlot {
  remoteId: string;
  name: string;
  running: boolean;
  /** While it runs: the endpoint being checked now (main says so before each instance). */
  checking?: { instance: number; instances: number; url: string };
  run?: DoctorRun;
  error?: ErrorInfo;
}

interface DoctorState {
  /** Keyed by the doctor tab's id (see doctorTabId). */
  slots: Record<string, DoctorSlot>;
  patch(tabId: string, patch: Partial<DoctorSlot> & Pick<DoctorSlot, 'remoteId' | 'name'>): void;
  drop(tabId: string): void;
}

/** A remote has one doctor tab: running it again replaces the report. */
export function doctorTabId(remoteId: string): string {
  return `doctor:${remoteId}`;
}

export const useDoctorStore = create<DoctorState>()((set) => ({
  slots: {},
  patch: (tabId, patch) => set((s) => ({ slots: { ...s.slots, [tabId]: { ...(s.slots[tabId] ?? { running: false }), ...patch } } })),
  drop: (tabId) =>
    set((s) => {
      const { [tabId]: _dropped, ...rest } = s.slots;
      return { slots: rest };
    }),
}));
