import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteInput } from '../../../shared/model/remote';
import { startBridge } from '../../../renderer/bridge/start-bridge';
import { useRemotesStore } from '../../../renderer/stores/remotes-store';
import { App } from '../../../renderer/views/app';
import { installFakePeriscope, makeRemote, resetStores } from '../support/fake-periscope';

let stop: (() => void) | undefined;
beforeEach(resetStores);
afterEach(() => stop?.());

async function start(handlers: Parameters<typeof installFakePeriscope>[0] = {}, remotes = [makeRemote()]) {
  const fake = installFakePeriscope({ 'connections:list': () => [], 'remotes:list': () => remotes, ...handlers });
  stop = startBridge();
  render(<App />);
  await waitFor(() => expect(useRemotesStore.getState().status).toBe('ready'));
  return fake;
}

describe('Remote editor: other instances', () => {
  it('says what is wrong on each line of the instances field, by its line number, and saves nothing', async () => {
    const fake = await start({}, []);
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Balanced' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'http://127.0.0.1:3001/mcp' } });
    const field = screen.getByLabelText('Other instances (one URL per line)');
    fireEvent.change(field, { target: { value: 'http://127.0.0.1:3002/mcp\n\nnot a url\nhttp://127.0.0.1:3002/mcp' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Line 3: "not a url" is not a URL; write it in full'));
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Line 4: http://127.0.0.1:3002/mcp is the same as line 1; list each instance once.'));
    expect(fake.calls('remotes:create')).toEqual([]);
  });

  it('saves the instances as a list, and the remote list shows how many instances a group has', async () => {
    const group = makeRemote({ id: 'g1', name: 'Balanced', instances: ['http://127.0.0.1:3002/mcp', 'http://127.0.0.1:3003/mcp'] });
    const listed = [makeRemote()];
    const fake = await start({ 'remotes:list': () => listed, 'remotes:create': () => (listed.push(group), { remote: group, warnings: [] }) }, listed);
    expect(screen.queryByTestId('remote-instance-count')).toBeNull();
    fireEvent.click(screen.getByTestId('new-remote'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Balanced' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'http://127.0.0.1:3001/mcp' } });
    fireEvent.change(screen.getByLabelText('Other instances (one URL per line)'), { target: { value: ' http://127.0.0.1:3002/mcp\n\nhttp://127.0.0.1:3003/mcp\n' } });
    fireEvent.click(screen.getByTestId('save-remote'));
    await waitFor(() => expect(fake.calls('remotes:create')).toHaveLength(1));
    expect((fake.calls('remotes:create')[0] as { draft: RemoteInput }).draft.instances).toEqual(['http://127.0.0.1:3002/mcp', 'http://127.0.0.1:3003/mcp']);
    await waitFor(() => expect(useRemotesStore.getState().remotes.map((r) => r.id)).toContain('g1'));
    const item = document.querySelector('[data-remote-id="g1"]') as HTMLElement;
    expect(within(item).getByTestId('remote-instance-count')).toHaveTextContent('3 instances');
    expect(within(document.querySelector('[data-remote-id="r-playground"]') as HTMLElement).queryByTestId('remote-instance-count')).toBeNull();
  });
});
