import { useEffect } from 'react';
import { openSessionFile } from '../bridge/session-actions';
import { loadSettings, updateSettings } from '../bridge/settings-actions';
import { SessionCapForm } from '../components/session-cap-form';
import { isPlaygroundUrl } from '../../shared/model/playground-host';
import { useRemotesStore } from '../stores/remotes-store';
import { useSettingsStore } from '../stores/settings-store';
import { useUiStore } from '../stores/ui-store';

/** What the main area shows before anything is open: how to start. */
export function Welcome() {
  const openEditor = useUiStore((s) => s.openEditor);
  const settings = useSettingsStore((s) => s.settings);
  // The demo step names the playground remote as it is called now, and is left out once it is deleted.
  const playground = useRemotesStore((s) => s.remotes.find((remote) => isPlaygroundUrl(remote.url)));
  useEffect(() => {
    void loadSettings();
  }, []);
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">Inspect an MCP server</h2>
      <ol>
        {playground && (
          <li>
            Press <strong>Connect</strong> next to <strong>{playground.name}</strong> in the sidebar to watch a demo server’s traffic at once.
          </li>
        )}
        <li>
          {playground ? 'Or add' : 'Add'} your own server: <button type="button" className="link-button" onClick={() => openEditor(undefined)}>create a remote</button>.
        </li>
        <li>
          Or <button type="button" className="link-button" onClick={() => void openSessionFile()}>open a saved session file</button> to read it offline.
        </li>
      </ol>
      {settings && <SessionCapForm key={settings.sessionFileCapMB} capMB={settings.sessionFileCapMB} onSave={(sessionFileCapMB) => void updateSettings({ sessionFileCapMB })} />}
    </section>
  );
}
