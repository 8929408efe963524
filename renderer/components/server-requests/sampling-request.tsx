import { MessageContent } from '../prompts/prompt-messages';

type Content = Record<string, unknown>;
interface SamplingParams {
  messages?: Array<{ role?: string; content?: Content | Content[] }>;
  systemPrompt?: string;
  maxTokens?: number;
  temperature?: number;
  stopSequences?: string[];
  includeContext?: string;
  modelPreferences?: { hints?: Array<{ name?: string }>; costPriority?: number; speedPriority?: number; intelligencePriority?: number };
  tools?: Array<{ name?: string; description?: string }>;
  toolChoice?: { mode?: string };
}

/**
 * What a sampling/createMessage request asks (MCP client/sampling): the system prompt, the
 * messages by role with their content by type, model preferences, limits, and (2025-11-25) the
 * tools the model may call and the tool choice.
 */
export function SamplingRequest({ params }: { params: unknown }) {
  const p = (params ?? {}) as SamplingParams;
  // The SDK checks the request's shape; these guards keep a malformed one from breaking the card anyway.
  const list = <T,>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
  const hints = list(p.modelPreferences?.hints).map((h) => h?.name).filter((n): n is string => typeof n === 'string');
  const priorities = (['intelligencePriority', 'speedPriority', 'costPriority'] as const)
    .filter((k) => typeof p.modelPreferences?.[k] === 'number')
    .map((k) => `${k.replace('Priority', '')} ${p.modelPreferences![k]}`);
  return (
    <div className="sampling-request">
      <dl className="facts">
        {p.systemPrompt && (
          <>
            <dt>System prompt</dt>
            <dd className="pre-wrap">{p.systemPrompt}</dd>
          </>
        )}
        <dt>Max tokens</dt>
        <dd>{typeof p.maxTokens === 'number' ? p.maxTokens : 'not given'}</dd>
        {(hints.length > 0 || priorities.length > 0) && (
          <>
            <dt>Model preferences</dt>
            <dd>
              {hints.length > 0 && <>hints: {hints.join(', ')}</>}
              {hints.length > 0 && priorities.length > 0 && '; '}
              {priorities.join(', ')}
            </dd>
          </>
        )}
        {typeof p.temperature === 'number' && (
          <>
            <dt>Temperature</dt>
            <dd>{p.temperature}</dd>
          </>
        )}
        {list(p.stopSequences).length > 0 && (
          <>
            <dt>Stop sequences</dt>
            <dd>{list(p.stopSequences).map((s) => JSON.stringify(s)).join(', ')}</dd>
          </>
        )}
        {p.includeContext && (
          <>
            <dt>Include context</dt>
            <dd>{p.includeContext}</dd>
          </>
        )}
        {list(p.tools).length > 0 && (
          <>
            <dt>Tools offered to the model</dt>
            <dd>{list(p.tools).map((t) => (typeof t?.name === 'string' ? t.name : '(unnamed)')).join(', ')}{p.toolChoice?.mode ? ` (tool choice: ${p.toolChoice.mode})` : ''}</dd>
          </>
        )}
      </dl>
      <ol className="message-list" aria-label="Messages to the model">
        {list(p.messages).map((m, i) => (
          <li key={i} className={`prompt-message role-${m?.role === 'assistant' ? 'assistant' : 'user'}`} data-role={m?.role}>
            <span className="message-role">{typeof m?.role === 'string' ? m.role : 'no role'}</span>
            {(Array.isArray(m?.content) ? m.content : [m?.content ?? {}]).map((c, j) => (
              <MessageContent key={j} content={c} />
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
