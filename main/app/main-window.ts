import { BrowserWindow, nativeTheme } from 'electron';
import { preloadPath, type RendererLocation } from './renderer-location';

/** The one main window, locked down: the renderer is untrusted and gets only window.periscope. */
export function createMainWindow(location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'MCP Periscope',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1f22' : '#ffffff',
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in new windows; those are denied anyway, this stops the event.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  if ('url' in location.load) void window.loadURL(location.load.url);
  else void window.loadFile(location.load.file);
  return window;
}
