import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { browserAuthorizationOpener } from '../core/auth/browser-opener';
import { createAppCore } from '../core/service/app-core';
import { createDispatch } from '../core/service/dispatch';
import { forwardEvents } from '../ipc/event-forwarder';
import { registerIpc } from '../ipc/register-ipc';
import { installAppMenu } from './app-menu';
import { electronDialogs } from './electron-dialogs';
import { hardenAllWebContents, hardenSession } from './harden-contents';
import { createMainWindow } from './main-window';
import { guardQuit } from './quit-guard';
import { rendererLocation } from './renderer-location';

/** The app's entry: wiring only; every decision lives in main/core (Electron-free, tested). */
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  hardenAllWebContents();
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const location = rendererLocation(app.isPackaged);
  let mainWindow: BrowserWindow | undefined;
  const dataDir = app.getPath('userData');
  const core = await createAppCore({
    dataDir,
    sessionDir: join(dataDir, 'sessions'),
    dialogs: electronDialogs(() => mainWindow),
    openExternal: (url) => shell.openExternal(url),
    // OAuth sign-in in the system browser (RFC 8252), for http(s) authorization URLs only.
    authorizationOpener: browserAuthorizationOpener((url) => shell.openExternal(url)),
  });
  guardQuit(() => core.shutdown());

  hardenSession(session.defaultSession, location.devServerUrl);
  installAppMenu({ isMac: process.platform === 'darwin', isDev: !app.isPackaged });
  registerIpc({
    dispatch: createDispatch(core.handlers),
    trusted: location,
    isOurWindow: (contents) => mainWindow !== undefined && !mainWindow.isDestroyed() && contents === mainWindow.webContents,
  });

  const openWindow = () => {
    mainWindow = createMainWindow(location);
    forwardEvents(core.onEvent, mainWindow.webContents);
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  };
  openWindow();

  app.on('second-instance', () => {
    if (!mainWindow) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
