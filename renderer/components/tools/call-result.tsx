import { useId, useMemo } from 'react';
import { copyText } from '../../bridge/clipboard';
import { openResourceLink } from '../../bridge/resource-actions';
import { useConnectionsStore } from '../../stores/connections-store';
import type { ToolCall } from '../../stores/tool-calls-store';
import type { ToolInfo } from '../../stores/tools-store';
import { formatLatency } from '../../trace/entry-fields';
import { contentBlocks, type ContentBlock } from '../../trace/mcp-content';
import { violations } from '../../workbench/schema-validation';
import { CopyButton } from '../copy-button';
import { ErrorNotice } from '../error-notice';
import { ContentBlocks } from '../trace/content-blocks';
import { LargeText } from '../trace/large-text';
import { TaskHistory, TaskStatusLine } from './task-status';

/**
 * A finished call: how long it took, then its result by content type. A tool that reports a
 * failure (isError: true) and a call that failed (a JSON-RPC error, a timeout, a cancel) look
 * different, because they mean different things: the first ran, the second did not answer.
 */
export function CallResult({ call, tool }: { call: ToolCall; tool: ToolInfo | undefined }) {
  const result = call.error ? undefined : call.outcome?.result;
  const blocks = useMemo(() => (result ? (contentBlocks({ result }) ?? []) : []), [result]);
  const text = useMemo(() => blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join('\n\n'), [blocks]);
  const timing = (
    <p className="call-timing" data-testid="call-timing">
      {call.elapsedMs !== undefined && <>elapsed {formatLatency(call.elapsedMs)}</>}
      {call.outcome?.latencyMs !== undefined && <> · round trip {formatLatency(call.outcome.latencyMs)}</>}
      {call.outcome?.rounds !== undefined && <> · {call.outcome.rounds} rounds</>}
    </p>
  );
  if (call.error) {
    const cancelled = call.error.kind === 'cancelled';
    return (
      <section className="call-result is-failed" aria-label="Call failed" data-testid="call-result" data-call-id={call.id} data-outcome={cancelled ? 'cancelled' : 'protocol-error'}>
        <h3>{failureHeading(call.error.kind)}</h3>
        {timing}
        {call.task && <TaskStatusLine update={call.task} />}
        <ErrorNotice error={call.error} />
      </section>
    );
  }
  if (!result) return null;
  const isError = result.isError === true;
  return (
    <section className={`call-result${isError ? ' is-tool-error' : ''}`} aria-label="Call result" data-testid="call-result" data-call-id={call.id} data-outcome={isError ? 'tool-error' : 'result'}>
      {/* Copy text beside the heading, not floated over the content: a float beside the content
          blocks (a flex box) took its width from them all the way down, text included. */}
      <div className="call-result-head">
        <div>
          <h3>{isError ? 'Tool error: the tool ran and reported a failure (isError)' : 'Result'}</h3>
          {timing}
        </div>
        {text && <CopyButton label="Copy text" text={() => text} copy={copyText} testId="copy-result-text" />}
      </div>
      {call.outcome?.task && call.outcome.task.history.length > 0 && (
        <div className="task-outcome">
          <TaskStatusLine update={call.outcome.task.history[call.outcome.task.history.length - 1]} />
          <TaskHistory history={call.outcome.task.history} />
        </div>
      )}
      <ResultBody blocks={blocks} result={result} tool={tool} connectionId={call.connectionId} />
    </section>
  );
}

interface ResultBodyProps {
  blocks: ContentBlock[];
  result: Record<string, unknown>;
  tool: ToolInfo | undefined;
  connectionId: string;
}

function ResultBody({ blocks, result, tool, connectionId }: ResultBodyProps) {
  const offersResources = useConnectionsStore((s) => s.infos[connectionId]?.capabilities?.resources !== undefined);
  return (
    <>
      <ContentBlocks blocks={blocks} onOpenResource={offersResources ? (uri) => void openResourceLink(connectionId, uri) : undefined} find="Find in result" />
      <StructuredContent result={result} tool={tool} />
    </>
  );
}

/** structuredContent pretty-printed and checked against the tool's outputSchema, each violation shown. */
function StructuredContent({ result, tool }: { result: Record<string, unknown>; tool: ToolInfo | undefined }) {
  const structured = result.structuredContent;
  const schema = tool?.outputSchema;
  const violationsId = useId();
  const problems = useMemo(() => {
    if (!schema || result.isError === true) return undefined;
    if (structured === undefined) return [{ pointer: '', message: 'missing: the tool declares an outputSchema but returned no structuredContent' }];
    return violations(schema, structured);
  }, [schema, structured, result.isError]);
  if (structured === undefined && !problems?.length) return null;
  return (
    <div className="structured-content" data-testid="structured-content">
      <h4>Structured content</h4>
      {structured !== undefined && <LargeText text={JSON.stringify(structured, null, 2)} label="Structured content" testId="structured-json" />}
      {problems && problems.length === 0 && (
        <p className="schema-ok" data-testid="output-schema-ok">
          ✓ Matches the tool's outputSchema.
        </p>
      )}
      {problems && problems.length > 0 && (
        <p className="field-problem" id={`${violationsId}-caption`}>
          Does not match the tool's outputSchema
        </p>
      )}
      {problems && problems.length > 0 && (
        <ul className="field-problems" aria-labelledby={`${violationsId}-caption`} data-testid="output-violations">
          {problems.map((p, i) => (
            <li key={i}>
              <code>{p.pointer || '(structuredContent)'}</code> {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A failed call's heading: a cancel and a timeout (the user's own limit) are not the server's protocol errors. */
function failureHeading(kind: string): string {
  if (kind === 'cancelled') return 'Cancelled: the call was stopped';
  if (kind === 'timeout') return 'Timed out: no answer within the timeout, no result';
  return 'Protocol error: the call failed, no result';
}
