import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogs } from '../core/service/ports';

/** The system file dialogs, attached to the main window; undefined when the user cancels. */
export function electronDialogs(parent: () => BrowserWindow | undefined): FileDialogs {
  return {
    async chooseFileToOpen({ title, filters }) {
      const window = parent();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseFileToSave({ title, filters, defaultName }) {
      const window = parent();
      const options = { title, filters, defaultPath: defaultName };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled ? undefined : result.filePath;
    },
  };
}
