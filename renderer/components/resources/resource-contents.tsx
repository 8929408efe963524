import type { ErrorInfo } from '../../../shared/model/error-info';
import { formatBytes, HEX_PREVIEW_BYTES, viewContents, type ContentView } from '../../workbench/resource-contents';
import { ErrorNotice } from '../error-notice';
import { LargeText } from '../trace/large-text';
import { TextBlock } from '../trace/text-block';

/** A resources/read result: each item of `contents` by its kind (text wrapped or as Markdown on request, JSON pretty, both scrolling at any size; image, binary as size and hex). */
export function ResourceContents({ contents, error, onSave }: { contents?: Array<Record<string, unknown>>; error?: ErrorInfo; onSave?: (blob: SavableBlob) => void }) {
  if (error) return <ErrorNotice error={error} title="Could not read the resource" />;
  if (!contents) return null;
  if (contents.length === 0) return <p className="muted">The server returned no contents.</p>;
  return (
    <div className="resource-contents" data-testid="resource-contents">
      {contents.map((raw, i) => (
        <ContentItem key={i} view={viewContents(raw)} onSave={onSave} />
      ))}
    </div>
  );
}

/** A blob as the window shows it, for saving its bytes to a file. */
export interface SavableBlob {
  uri: string;
  mimeType?: string;
  blob: string;
}

function ContentItem({ view, onSave }: { view: ContentView; onSave?: (blob: SavableBlob) => void }) {
  const facts = [view.uri, view.mimeType, 'bytes' in view ? formatBytes(view.bytes) : undefined].filter(Boolean).join(' · ');
  return (
    <figure className={`resource-content kind-${view.kind}`} data-testid="resource-content" data-kind={view.kind}>
      <figcaption className="muted">{facts}</figcaption>
      {view.kind === 'text' && <TextBlock text={view.text} label={`Contents of ${view.uri}`} />}
      {view.kind === 'json' && <LargeText text={view.text} testId="content-text" label={`Contents of ${view.uri}, JSON`} />}
      {view.kind === 'image' && <img className="resource-image" src={view.dataUrl} alt={`Image ${view.uri}`} />}
      {(view.kind === 'image' || view.kind === 'binary') && onSave && (
        <button type="button" onClick={() => onSave({ uri: view.uri, mimeType: view.mimeType, blob: view.blob })} aria-label={`Save ${view.uri} to a file`} data-testid="save-resource">
          Save to file…
        </button>
      )}
      {view.kind === 'binary' && (
        <>
          <p>
            Binary, {formatBytes(view.bytes)}. The first {Math.min(view.bytes, HEX_PREVIEW_BYTES)} bytes in hex:
          </p>
          <pre className="resource-hex" tabIndex={0} aria-label={`First bytes of ${view.uri} in hex`} data-testid="resource-hex">
            {view.hex}
          </pre>
        </>
      )}
    </figure>
  );
}
