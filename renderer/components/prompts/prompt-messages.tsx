import type { PromptGet } from '../../stores/prompts-store';
import { base64Bytes, formatBytes } from '../../workbench/resource-contents';

type Message = NonNullable<PromptGet['messages']>[number];

/** A prompts/get result's messages, each under its role, its content by type (MCP 2025-11-25 server/prompts PromptMessage). */
export function PromptMessages({ messages, description }: { messages: Message[]; description?: string }) {
  return (
    <div className="prompt-messages" data-testid="prompt-messages">
      {description && <p className="muted">{description}</p>}
      {messages.length === 0 && <p className="muted">The prompt has no messages.</p>}
      <ol className="message-list" aria-label="Messages">
        {messages.map((m, i) => (
          <li key={i} className={`prompt-message role-${m.role === 'assistant' ? 'assistant' : 'user'}`} data-testid="prompt-message" data-role={m.role}>
            <span className="message-role">{m.role}</span>
            <MessageContent content={m.content} />
          </li>
        ))}
      </ol>
    </div>
  );
}

export function MessageContent({ content }: { content: Record<string, unknown> }) {
  const type = content.type;
  if (type === 'text' && typeof content.text === 'string') return <pre className="message-text">{content.text}</pre>;
  const data = typeof content.data === 'string' ? content.data : '';
  const mimeType = typeof content.mimeType === 'string' ? content.mimeType : '';
  if (type === 'image' && /^image\/(png|jpeg|gif|webp|avif|bmp)$/i.test(mimeType)) {
    return <img className="resource-image" src={`data:${mimeType};base64,${data}`} alt={`Image in the message (${mimeType})`} />;
  }
  if (type === 'audio') return <audio controls src={`data:${mimeType};base64,${data}`} aria-label={`Audio in the message (${mimeType})`} />;
  if (type === 'resource' && typeof content.resource === 'object' && content.resource !== null) {
    const r = content.resource as { uri?: string; mimeType?: string; text?: string; blob?: string };
    const size = typeof r.text === 'string' ? `${r.text.length} characters of text` : typeof r.blob === 'string' ? formatBytes(base64Bytes(r.blob)) : 'no contents';
    return (
      <p className="message-resource" data-testid="embedded-resource">
        Embedded resource <code>{r.uri}</code>
        {r.mimeType && ` (${r.mimeType})`}: {size}
        {typeof r.text === 'string' && <span className="message-resource-head">{r.text.slice(0, 200)}{r.text.length > 200 ? '…' : ''}</span>}
      </p>
    );
  }
  if (type === 'resource_link') {
    return (
      <p className="message-resource">
        Link to resource <code>{String(content.uri ?? '')}</code>
      </p>
    );
  }
  return <pre className="message-text">{JSON.stringify(content, null, 2)}</pre>;
}
