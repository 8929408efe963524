import type { ParsedInput } from '../../../shared/ipc/contract';
import { safeExternalUrl } from './external-url';
import type { ExternalOpener, SettingsPort } from './ports';
import type { PlaygroundHost } from './playground-remote';
import { noSettings, refusedUrl } from './service-errors';

export interface AppHandlerDeps {
  playground: PlaygroundHost;
  openExternal?: ExternalOpener;
  settings?: SettingsPort;
}

/** playground:*, settings:* and app:* */
export function appHandlers({ playground, openExternal, settings }: AppHandlerDeps) {
  const store = () => {
    if (!settings) throw noSettings();
    return settings;
  };
  return {
    'settings:get': async () => store().current,
    'settings:update': async ({ patch }: ParsedInput<'settings:update'>) => store().update(patch),
    'playground:ensure-started': async () => playground.ensureStarted(),
    'app:open-external': async ({ url }: ParsedInput<'app:open-external'>) => {
      const safe = safeExternalUrl(url);
      if (!safe || !openExternal) throw refusedUrl(url);
      await openExternal(safe);
    },
  };
}
