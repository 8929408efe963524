import type { MainEvent } from '../../../shared/ipc/contract';

/**
 * Messages between the page and the test bridge server, over one WebSocket. They stand in for
 * ipcRenderer.invoke / webContents.send: a call carries a channel and its raw input, the answer
 * carries the same envelope main returns, and events come in the same per-frame batches.
 */
export interface BridgeCall {
  id: number;
  channel: string;
  input: unknown;
}
export interface BridgeAnswer {
  id: number;
  result: unknown;
}
export interface BridgeEvents {
  events: MainEvent[];
}
export type BridgeServerMessage = BridgeAnswer | BridgeEvents;

export const BRIDGE_PATH = '/__periscope-bridge';
