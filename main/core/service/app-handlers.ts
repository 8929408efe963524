import type { ParsedInput } from '../../../shared/ipc/contract';
import { safeExternalUrl } from './external-url';
import type { ExternalOpener } from './ports';
import type { PlaygroundHost } from './playground-remote';
import { refusedUrl } from './service-errors';

export interface AppHandlerDeps {
  playground: PlaygroundHost;
  openExternal?: ExternalOpener;
}

/** playground:* and app:* */
export function appHandlers({ playground, openExternal }: AppHandlerDeps) {
  return {
    'playground:ensure-started': async () => playground.ensureStarted(),
    'app:open-external': async ({ url }: ParsedInput<'app:open-external'>) => {
      const safe = safeExternalUrl(url);
      if (!safe || !openExternal) throw refusedUrl(url);
      await openExternal(safe);
    },
  };
}
