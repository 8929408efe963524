import { formatSize } from '../../trace/entry-fields';
import type { ContentBlock } from '../../trace/mcp-content';
import { TextBlock } from './text-block';

interface ContentBlocksProps {
  blocks: ContentBlock[];
  onOpenResource?: (uri: string) => void;
  /** When set, each text block has a find field of this name ("Find in result"; with the block's label when there are several). */
  find?: string;
}

/**
 * An MCP result's content blocks, each under its label: text complete and wrapped (or as Markdown
 * on request), images drawn, audio playable; a resource link opens in the Resources section when
 * the caller offers `onOpenResource` (a live connection whose server offers resources).
 */
export function ContentBlocks({ blocks, onOpenResource, find }: ContentBlocksProps) {
  if (blocks.length === 0) return <p className="muted">No content blocks.</p>;
  const severalTexts = blocks.filter((b) => b.kind === 'text').length > 1;
  return (
    <ol className="content-blocks" data-testid="content-blocks">
      {blocks.map((block, i) => (
        <li key={i} className={`content-block content-${block.kind}`}>
          <div className="content-label">
            {block.label}
            {block.kind === 'text' && <span className="muted"> · text, {formatSize(block.text.length)}</span>}
            {(block.kind === 'image' || block.kind === 'audio') && <span className="muted"> · {block.mimeType}, {formatSize(block.bytes)}</span>}
          </div>
          {block.kind === 'text' && <TextBlock text={block.text} label={block.label} find={find && severalTexts ? `${find}: ${block.label}` : find} />}
          {block.kind === 'image' && <img src={block.src} alt={`${block.label}: ${block.mimeType} image`} className="content-image" data-testid="content-image" />}
          {block.kind === 'audio' && <audio controls src={block.src} aria-label={`${block.label}: ${block.mimeType} audio`} data-testid="content-audio" />}
          {block.kind === 'other' && (
            <p className="muted">
              {block.summary}
              {block.linkUri && onOpenResource && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => onOpenResource(block.linkUri!)} aria-label={`Open ${block.linkUri} in Resources`} data-testid="open-resource-link">
                    Open in Resources
                  </button>
                </>
              )}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
