import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TrustedRenderer } from '../core/service/sender-policy';

/**
 * Where the renderer comes from: electron-vite's dev server in development (it sets
 * ELECTRON_RENDERER_URL, and only when the app is not packaged), else our own index.html.
 */
export interface RendererLocation extends TrustedRenderer {
  load: { url: string } | { file: string };
}

export function rendererLocation(isPackaged: boolean): RendererLocation {
  const devServerUrl = !isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  if (devServerUrl) return { devServerUrl, load: { url: devServerUrl } };
  const file = join(here(), '../renderer/index.html');
  return { indexFileUrl: pathToFileURL(file).toString(), load: { file } };
}

export function preloadPath(): string {
  return join(here(), '../preload/index.cjs');
}

/** out/main, where the bundled main process runs (an ES module, so no __dirname). */
function here(): string {
  return dirname(fileURLToPath(import.meta.url));
}
