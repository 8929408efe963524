import { openSessionFile } from '../bridge/session-actions';
import { useUiStore } from '../stores/ui-store';

/** What the main area shows before anything is open: how to start. */
export function Welcome() {
  const openEditor = useUiStore((s) => s.openEditor);
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title">Inspect an MCP server</h2>
      <ol>
        <li>
          Press <strong>Connect</strong> next to <strong>Playground</strong> in the sidebar to watch a demo server’s traffic at once.
        </li>
        <li>
          Or add your own server: <button type="button" className="link-button" onClick={() => openEditor(undefined)}>create a remote</button>.
        </li>
        <li>
          Or <button type="button" className="link-button" onClick={() => void openSessionFile()}>open a saved session file</button> to read it offline.
        </li>
      </ol>
    </section>
  );
}
