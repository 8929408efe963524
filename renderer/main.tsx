import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasPeriscope } from './bridge/api';
import { startBridge } from './bridge/start-bridge';
import { exposeBenchHooks } from './bridge/bench-hooks';
import { App } from './views/app';
import './styles/theme.css';
import './styles/layout.css';
import './styles/overflow.css';
import './styles/remote-list.css';
import './styles/connection-tab.css';
import './styles/tab-strip.css';
import './styles/remote-form.css';
import './styles/dialogs.css';
import './styles/export-bundles.css';
import './styles/trace.css';
import './styles/trace-detail.css';
import './styles/payload-content.css';
import './styles/workbench.css';
import './styles/tool-form.css';
import './styles/call-result.css';
import './styles/latency.css';
import './styles/load-panel.css';
import './styles/resources-prompts.css';
import './styles/resource-uri.css';
import './styles/logs.css';
import './styles/tasks.css';
import './styles/server-requests.css';
import './styles/auth.css';
import './styles/auth-debug.css';
import './styles/auth-sequence.css';
import './styles/instances.css';
import './styles/timeline.css';
import './styles/doctor.css';

const root = createRoot(document.getElementById('root')!);
exposeBenchHooks();
if (hasPeriscope()) {
  startBridge();
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} else {
  // Opened outside the app (no preload): say so instead of failing on every click.
  root.render(
    <main className="welcome">
      <h1>MCP Periscope</h1>
      <p>This page needs the MCP Periscope application: start it with “npm start”.</p>
    </main>,
  );
}
