import { formatSize } from '../../trace/entry-fields';
import type { ContentBlock } from '../../trace/mcp-content';
import { LargeText } from './large-text';

/** An MCP result's content blocks, each under its label: text complete and wrapped, images drawn, audio playable. */
export function ContentBlocks({ blocks }: { blocks: ContentBlock[] }) {
  if (blocks.length === 0) return <p className="muted">No content blocks.</p>;
  return (
    <ol className="content-blocks" data-testid="content-blocks">
      {blocks.map((block, i) => (
        <li key={i} className={`content-block content-${block.kind}`}>
          <div className="content-label">
            {block.label}
            {block.kind === 'text' && <span className="muted"> · text, {formatSize(block.text.length)}</span>}
            {(block.kind === 'image' || block.kind === 'audio') && <span className="muted"> · {block.mimeType}, {formatSize(block.bytes)}</span>}
          </div>
          {block.kind === 'text' && <LargeText text={block.text} testId="content-text" label={`${block.label}, text`} />}
          {block.kind === 'image' && <img src={block.src} alt={`${block.label}: ${block.mimeType} image`} className="content-image" data-testid="content-image" />}
          {block.kind === 'audio' && <audio controls src={block.src} aria-label={`${block.label}: ${block.mimeType} audio`} data-testid="content-audio" />}
          {block.kind === 'other' && <p className="muted">{block.summary}</p>}
        </li>
      ))}
    </ol>
  );
}
