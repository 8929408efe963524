import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/model/error-info';
import type { InstanceCheck, SendToAllResult } from '../../shared/model/instance-group';

/** A group connection's Instances section: the last check, the Send to all form and its answer. */
export interface InstancesSlot {
  checking: boolean;
  checks?: InstanceCheck[];
  /** Wall clock of the last check, ms since the epoch. */
  checkedAt?: number;
  checkError?: ErrorInfo;
  tool: string;
  /** The arguments as typed: a JSON object, or empty for none. */
  argumentsJson: string;
  /** Paths left out of the comparison, comma-separated as typed. */
  ignore: string;
  sending: boolean;
  sent?: SendToAllResult;
  sendError?: ErrorInfo;
  /** A problem with the form itself (arguments that are not JSON), shown next to its field. */
  argumentsError?: string;
}

export const emptyInstancesSlot = (): InstancesSlot => ({ checking: false, tool: '', argumentsJson: '', ignore: '', sending: false });

interface InstancesState {
  slots: Record<string, InstancesSlot>;
  patch(connectionId: string, patch: Partial<InstancesSlot>): void;
  forget(connectionId: string): void;
}

export const useInstancesStore = create<InstancesState>()((set) => ({
  slots: {},
  patch: (connectionId, patch) => set((s) => ({ slots: { ...s.slots, [connectionId]: { ...(s.slots[connectionId] ?? emptyInstancesSlot()), ...patch } } })),
  forget: (connectionId) =>
    set((s) => {
      const { [connectionId]: _gone, ...slots } = s.slots;
      return { slots };
    }),
}));
