import { useEffect } from 'react';
import { ToolList } from '../components/tools/tool-list';
import { loadTools } from '../bridge/tool-actions';
import { toolsSlot, useToolsStore } from '../stores/tools-store';
import { ToolWorkbench } from './tool-workbench';

/** The Tools section of a connection: its tools on the left, the chosen one's workbench on the right. */
export function ToolsView({ connectionId, live }: { connectionId: string; live: boolean }) {
  const slot = useToolsStore((s) => toolsSlot(s, connectionId));
  const patch = useToolsStore((s) => s.patch);
  useEffect(() => {
    // Listed once per connection; Refresh and notifications/tools/list_changed list again.
    if (!useToolsStore.getState().slots[connectionId]) void loadTools(connectionId);
  }, [connectionId]);
  const tool = slot.tools.find((t) => t.name === slot.selected);
  return (
    <div className="tools-view" data-testid="tools-view">
      <ToolList
        tools={slot.tools}
        status={slot.status}
        error={slot.error}
        changeNotice={slot.changeNotice}
        invalid={slot.invalid}
        query={slot.query}
        selected={slot.selected}
        onQuery={(query) => patch(connectionId, { query })}
        onSelect={(selected) => patch(connectionId, { selected })}
        onRefresh={() => void loadTools(connectionId)}
        onDismissNotice={() => patch(connectionId, { changeNotice: undefined })}
      />
      {tool ? (
        <ToolWorkbench key={tool.name} connectionId={connectionId} tool={tool} live={live} />
      ) : (
        slot.status === 'ready' && <p className="muted tool-none">{slot.tools.length > 0 ? 'Choose a tool.' : slot.invalid?.length ? 'None of the tools the server lists is valid (see above).' : 'This server offers no tools.'}</p>
      )}
    </div>
  );
}
