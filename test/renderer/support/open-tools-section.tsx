import { fireEvent, render, screen } from '@testing-library/react';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { Remote } from '../../../shared/model/remote';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { installFakePeriscope, makeRemote, type Handlers } from './fake-periscope';

interface ToolsSectionSetup {
  /** The connection's info once open (connections:open). */
  info: ConnectionInfo;
  /** What tools/list answers (connections:list-tools). */
  tools: unknown[];
  /** The one saved remote (default: makeRemote()). */
  remote?: Remote;
  /** More channels, or other answers for the ones above. */
  handlers?: Handlers;
}

/**
 * The whole window on a fake main with one saved remote: Connect, then the Tools section, waited
 * for. Returns the fake (its `calls` record what the window sent) and the bridge's stop, for afterEach.
 */
export async function openToolsSection({ info, tools, remote = makeRemote(), handlers = {} }: ToolsSectionSetup) {
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [remote],
    'connections:open': () => info,
    'connections:list-tools': () => ({ tools }),
    ...handlers,
  } as Handlers);
  const stopBridge = startBridge();
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  fireEvent.click(await screen.findByRole('tab', { name: 'Tools' }));
  await screen.findByTestId('tool-workbench', {}, { timeout: 5000 });
  return { fake, stopBridge };
}
