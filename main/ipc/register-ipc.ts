import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Dispatch } from '../core/service/dispatch';
import { isTrustedRendererUrl, type TrustedRenderer } from '../core/service/sender-policy';

export interface IpcBinding {
  dispatch: Dispatch;
  trusted: TrustedRenderer;
  /** The windows allowed to call; checked by identity, not only by URL. */
  isOurWindow: (contents: WebContents) => boolean;
}

/**
 * Binds every channel of the contract to ipcMain.handle. A call is answered only when it comes
 * from the top frame of one of our windows showing our own renderer (GitHub Desktop's
 * safeListener idea); the input is then validated against the contract by `dispatch`.
 */
export function registerIpc({ dispatch, trusted, isOurWindow }: IpcBinding): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, trusted, isOurWindow)) {
        return {
          ok: false,
          error: { kind: 'invalid-input', message: `Refused ${channel} from an untrusted page.`, hint: 'Only the MCP Periscope window may call the main process.' },
        };
      }
      return dispatch(channel, input);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

function isTrustedSender(event: IpcMainInvokeEvent, trusted: TrustedRenderer, isOurWindow: (c: WebContents) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false; // iframes never get the API
  return isOurWindow(event.sender) && isTrustedRendererUrl(frame.url, trusted);
}
