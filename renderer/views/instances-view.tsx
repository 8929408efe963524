import { useEffect } from 'react';
import { ErrorNotice } from '../components/error-notice';
import { InstanceHealthTable } from '../components/instances/instance-health-table';
import { SendToAllResultView } from '../components/instances/send-to-all-result';
import { checkInstances, sendToAllInstances } from '../bridge/instance-actions';
import { loadTools } from '../bridge/tool-actions';
import { emptyInstancesSlot, useInstancesStore } from '../stores/instances-store';
import { useToolsStore } from '../stores/tools-store';
import { timeOfDayLabel } from '../workbench/chart-time-labels';

/**
 * A group connection's Instances section: the same server at several URLs. Each instance's
 * health (/health, /ready) and one MCP round trip, checked on request; and Send to all: the same
 * tool call to every instance, the answers compared so a stale or misconfigured instance stands
 * out. Everything runs on short-lived connections of its own, never this tab's.
 */
export function InstancesView({ connectionId, remoteId, instances, live }: { connectionId: string; remoteId: string; instances: string[]; live: boolean }) {
  const slot = useInstancesStore((s) => s.slots[connectionId]) ?? emptyInstancesSlot();
  const patch = useInstancesStore((s) => s.patch);
  const tools = useToolsStore((s) => s.slots[connectionId]?.tools);
  const toolsListed = useToolsStore((s) => s.slots[connectionId] !== undefined);
  useEffect(() => {
    if (live && !toolsListed) void loadTools(connectionId);
  }, [connectionId, live, toolsListed]);
  const id = (name: string) => `instances-${connectionId}-${name}`;
  const toolNames = (tools ?? []).map((t) => t.name);
  const canSend = slot.tool.trim() !== '' && !slot.sending;
  return (
    <section className="instances-view" aria-labelledby={id('title')} data-testid="instances-view">
      <h3 id={id('title')}>Instances ({instances.length})</h3>
      <p className="muted field-help">The same server at {instances.length} URLs. Checks and Send to all use a short-lived connection to each instance, with this remote’s headers, era and TLS settings.</p>

      <section aria-labelledby={id('health-title')} className="instances-block">
        <div className="instances-bar">
          <h4 id={id('health-title')}>Health and latency</h4>
          <button type="button" onClick={() => void checkInstances(connectionId, remoteId)} disabled={slot.checking} data-testid="check-instances">
            {slot.checking ? 'Checking…' : slot.checks ? 'Check again' : 'Check health and latency'}
          </button>
        </div>
        {slot.checkError && <ErrorNotice error={slot.checkError} title="Could not check the instances" />}
        {slot.checks ? (
          <InstanceHealthTable checks={slot.checks} />
        ) : (
          <ul className="instances-list" aria-label="The group's instances">
            {instances.map((url) => (
              <li key={url} className="instance-url">
                {url}
              </li>
            ))}
          </ul>
        )}
        {slot.checkedAt && (
          <p className="muted field-help">
            Checked at {timeOfDayLabel(slot.checkedAt)}: GET /health and /ready on each instance’s origin, and one ping (server/discover in the 2026-07-28 era) after connecting.
          </p>
        )}
      </section>

      <section aria-labelledby={id('send-title')} className="instances-block">
        <h4 id={id('send-title')}>Send to all</h4>
        <form
          className="send-to-all-form"
          aria-labelledby={id('send-title')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (canSend) void sendToAllInstances(connectionId, remoteId);
          }}
        >
          <div className="field">
            <label htmlFor={id('tool')}>Tool</label>
            <input id={id('tool')} list={id('tools')} value={slot.tool} onChange={(e) => patch(connectionId, { tool: e.target.value })} autoComplete="off" spellCheck={false} data-testid="send-to-all-tool" />
            <datalist id={id('tools')}>
              {toolNames.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor={id('arguments')}>Arguments (JSON object)</label>
            <textarea
              id={id('arguments')}
              className="load-json"
              rows={2}
              value={slot.argumentsJson}
              placeholder='{"message": "hi"}'
              onChange={(e) => patch(connectionId, { argumentsJson: e.target.value, argumentsError: undefined })}
              aria-invalid={slot.argumentsError ? true : undefined}
              aria-describedby={slot.argumentsError ? id('arguments-error') : undefined}
              spellCheck={false}
              data-testid="send-to-all-arguments"
            />
            {slot.argumentsError && (
              <span className="field-error" id={id('arguments-error')}>
                {slot.argumentsError}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor={id('ignore')}>Leave out of the comparison</label>
            <input id={id('ignore')} value={slot.ignore} placeholder="_meta, structuredContent.servedAt" onChange={(e) => patch(connectionId, { ignore: e.target.value })} aria-describedby={id('ignore-help')} spellCheck={false} data-testid="send-to-all-ignore" />
            <span className="field-help" id={id('ignore-help')}>
              Paths whose values differ by design, comma-separated.
            </span>
          </div>
          <div className="load-actions">
            <button type="submit" className="primary" disabled={!canSend} data-testid="send-to-all">
              {slot.sending ? 'Sending…' : `Send to all ${instances.length}`}
            </button>
          </div>
        </form>
        {slot.sendError && <ErrorNotice error={slot.sendError} title="Could not send to the instances" />}
        {slot.sent && <SendToAllResultView sent={slot.sent} />}
      </section>
    </section>
  );
}
