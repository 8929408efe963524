import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import type { ConnectionInfo } from '../../../shared/model/connection';
import type { Remote } from '../../../shared/model/remote';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { App } from '../../../renderer/views/app';
import { installFakePeriscope, makeRemote, resetStores, type Handlers } from './fake-periscope';
import { installFakeLayout } from './layout';

/** A connected Streamable HTTP connection to the playground, as connections:open answers it. */
export const PLAYGROUND_INFO: ConnectionInfo = { connectionId: 'c1', label: 'Playground', state: 'connected', transport: 'streamable', url: 'http://127.0.0.1:4100/mcp', warnings: [] };

/** The bridge of the window opened last, stopped after each test (see setUpToolsSectionTests). */
let stopLast: (() => void) | undefined;

/**
 * The hooks of a test file that opens the Tools section: the fake layout, fresh stores before
 * each test, and the bridge openToolsSection started stopped after it.
 */
export function setUpToolsSectionTests(): void {
  installFakeLayout();
  beforeEach(resetStores);
  afterEach(() => {
    stopLast?.();
    stopLast = undefined;
  });
}

interface SectionSetup {
  /** The connection's info once open (connections:open). */
  info: ConnectionInfo;
  /** The one saved remote (default: makeRemote()). */
  remote?: Remote;
  /** More channels, or other answers for the ones above. */
  handlers?: Handlers;
}

/**
 * The whole window on a fake main with one saved remote: Connect, then the connection tab's
 * `section` (its tab's name), waited for until the element with test id `ready` shows. Returns the
 * fake (its `calls` record what the window sent) and the bridge's stop (called after the test by
 * setUpToolsSectionTests).
 */
export async function openConnectionSection(section: string, ready: string, { info, remote = makeRemote(), handlers = {} }: SectionSetup) {
  const fake = installFakePeriscope({
    'connections:list': () => [],
    'remotes:list': () => [remote],
    'connections:open': () => info,
    ...handlers,
  } as Handlers);
  const stopBridge = startBridge();
  stopLast = stopBridge;
  render(<App />);
  fireEvent.click(await screen.findByTestId('connect-button'));
  fireEvent.click(await screen.findByRole('tab', { name: section }));
  await screen.findByTestId(ready, {}, { timeout: 5000 });
  return { fake, stopBridge };
}

/** openConnectionSection for the Tools section, with what tools/list answers (connections:list-tools). */
export function openToolsSection({ tools, handlers = {}, ...setup }: SectionSetup & { tools: unknown[] }) {
  return openConnectionSection('Tools', 'tool-workbench', { ...setup, handlers: { 'connections:list-tools': () => ({ tools }), ...handlers } as Handlers });
}
