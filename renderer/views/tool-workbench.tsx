import { useMemo, useRef, useState } from 'react';
import type { RJSFSchema } from '@rjsf/utils';
import { ArgumentsEditor } from '../components/tools/arguments-editor';
import { CallHistory } from '../components/tools/call-history';
import { CallPanel } from '../components/tools/call-panel';
import { CallResult } from '../components/tools/call-result';
import { TaskOption } from '../components/tools/task-option';
import { toolTaskSupport } from '../../shared/model/task';
import { ToolBadges } from '../components/tools/tool-list';
import type { ToolFormHandle } from '../components/tools/tool-form';
import { copyText } from '../bridge/clipboard';
import { cancelToolCall, startToolCall } from '../bridge/tool-actions';
import { useConnectionsStore } from '../stores/connections-store';
import { useRemotesStore } from '../stores/remotes-store';
import { callsOf, useToolCallsStore, type ToolCall } from '../stores/tool-calls-store';
import { toolsSlot, useToolsStore, type ToolInfo } from '../stores/tools-store';
import { useUiStore } from '../stores/ui-store';
import { useSectionsStore } from '../stores/sections-store';
import { pendingCount, useServerRequestsStore } from '../stores/server-requests-store';
import { formatArguments, parseArguments } from '../workbench/arguments-text';
import { cliCallCommand } from '../workbench/cli-command';
import { schemaDefaults } from '../workbench/form-defaults';
import { displayName } from '../workbench/tool-facts';
import { violations, type Violation } from '../workbench/schema-validation';
import { ServerText } from '../components/server-text';

interface ToolWorkbenchProps {
  connectionId: string;
  tool: ToolInfo;
  live: boolean;
}

/** One tool: its arguments (form or JSON), the call, its result, and this connection's history. */
export function ToolWorkbench({ connectionId, tool, live }: ToolWorkbenchProps) {
  const slot = useToolsStore((s) => toolsSlot(s, connectionId));
  const { patch, setDraft } = useToolsStore.getState();
  const calls = useToolCallsStore((s) => callsOf(s, connectionId));
  const remoteId = useConnectionsStore((s) => s.remoteOf[connectionId]);
  const url = useConnectionsStore((s) => s.infos[connectionId]?.url);
  const capabilities = useConnectionsStore((s) => s.infos[connectionId]?.capabilities);
  const era = useConnectionsStore((s) => s.infos[connectionId]?.era);
  const [asTaskChosen, setAsTask] = useState(false);
  const taskSupport = toolTaskSupport(capabilities, tool as { execution?: { taskSupport?: string } }, era);
  const taskable = taskSupport.serverOffers && taskSupport.support !== 'forbidden';
  const asTask = taskable && (taskSupport.support === 'required' || asTaskChosen);
  const remote = useRemotesStore((s) => s.remotes.find((r) => r.id === remoteId));
  const waiting = useServerRequestsStore((s) => pendingCount(s, connectionId));
  const formRef = useRef<ToolFormHandle>(null);
  const [jsonProblems, setJsonProblems] = useState<Violation[] | string | undefined>(undefined);
  const shownId = slot.shownCallId;
  const setShownId = (shownCallId: string | undefined) => patch(connectionId, { shownCallId });

  const schema = useMemo(() => (tool.inputSchema ?? { type: 'object' }) as RJSFSchema, [tool.inputSchema]);
  const defaults = useMemo(() => formatArguments(schemaDefaults(schema)), [schema]);
  const text = slot.drafts[tool.name] ?? defaults;
  const running = calls.find((c) => c.tool === tool.name && (c.status === 'running' || c.status === 'cancelling'));
  const shown = (shownId ? calls.find((c) => c.id === shownId) : undefined) ?? calls.find((c) => c.tool === tool.name && c.status !== 'running' && c.status !== 'cancelling');

  const timeoutMs = slot.timeoutText.trim() === '' ? undefined : Number(slot.timeoutText);
  const run = async (argumentsText: string) => {
    const started = startToolCall(connectionId, tool.name, argumentsText, timeoutMs, asTask);
    // The new call is the newest: show it as soon as it ends.
    setShownId(undefined);
    await started;
  };
  const onCall = () => {
    const parsed = parseArguments(text);
    if (!parsed.ok) return setJsonProblems(`The arguments are not valid JSON: ${parsed.error}`);
    if (slot.mode === 'form' && formRef.current && !formRef.current.validateForm()) return;
    // In form mode the form has shown these next to their fields already; in JSON mode they go below the editor.
    const problems = violations(schema, parsed.value);
    if (problems.length > 0) return setJsonProblems(problems);
    setJsonProblems(undefined);
    void run(text);
  };
  const commandFor = (call: ToolCall) => cliCallCommand({ remote, url, tool: call.tool, argumentsText: call.argumentsText, asTask: call.asTask, timeoutMs: call.timeoutMs });
  const loadCall = (call: ToolCall) => {
    // The call's own timeout comes back with its arguments: editing a call starts from all of it.
    patch(connectionId, { timeoutText: call.timeoutMs === undefined ? '' : String(call.timeoutMs), ...(call.tool !== tool.name ? { selected: call.tool } : {}) });
    setDraft(connectionId, call.tool, call.argumentsText);
    setShownId(call.id);
  };

  return (
    <div className="tool-workbench" data-testid="tool-workbench" data-tool={tool.name}>
      <header className="tool-header">
        <h3>
          <ServerText text={displayName(tool)} />
        </h3>
        {displayName(tool) !== tool.name && (
          <code>
            <ServerText text={tool.name} />
          </code>
        )}
        <ToolBadges tool={tool} />
      </header>
      {tool.description && (
        <p className="tool-description-full">
          <ServerText text={tool.description} />
        </p>
      )}
      <ArgumentsEditor
        ref={formRef}
        toolName={tool.name}
        schema={schema}
        text={text}
        mode={slot.mode}
        idPrefix={`args-${connectionId.replace(/[^A-Za-z0-9_-]/g, '_')}-${tool.name.replace(/[^A-Za-z0-9_-]/g, '_')}`}
        jsonProblems={slot.mode === 'json' ? jsonProblems : undefined}
        onText={(next) => setDraft(connectionId, tool.name, next)}
        onMode={(mode) => patch(connectionId, { mode })}
      />
      <CallPanel
        toolName={tool.name}
        timeoutText={slot.timeoutText}
        running={running}
        live={live}
        onTimeout={(timeoutText) => patch(connectionId, { timeoutText })}
        onCall={onCall}
        onCancel={() => running && void cancelToolCall(connectionId, running.id)}
        option={<TaskOption toolName={tool.name} support={taskSupport.support} serverOffers={taskSupport.serverOffers} era={era} checked={asTaskChosen} onChange={setAsTask} />}
      />
      {running && waiting > 0 && (
        <p className="warning-line" data-testid="call-waits">
          The server asked something; the call waits for your answer.{' '}
          <button type="button" className="link-button" onClick={() => useSectionsStore.getState().select(connectionId, 'requests')}>
            Answer in the Requests section
          </button>
        </p>
      )}
      {shown && <CallResult call={shown} tool={slot.tools.find((t) => t.name === shown.tool)} />}
      <CallHistory
        calls={calls}
        shownId={shown?.id}
        live={live}
        commandFor={commandFor}
        onShow={(call) => patch(connectionId, { selected: call.tool, shownCallId: call.id })}
        onRerun={(call) => {
          loadCall(call);
          // The entry is repeated as it was, timeout included (not whatever the field holds now).
          void startToolCall(connectionId, call.tool, call.argumentsText, call.timeoutMs, call.asTask).then(() => setShownId(undefined));
        }}
        onEdit={(call) => {
          loadCall(call);
          // The arguments are where the user goes next.
          requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="arguments-editor"]')?.focus());
        }}
        onPin={(call, pinned) => useToolCallsStore.getState().setPinned(connectionId, call.id, pinned)}
        onCopyCommand={(command) =>
          void copyText(command).then((ok) => useUiStore.getState().notify(ok ? 'success' : 'error', ok ? 'Copied the CLI command (secrets as placeholders).' : 'Could not copy to the clipboard.'))
        }
      />
    </div>
  );
}
