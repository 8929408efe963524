import { lazy, Suspense, useState } from 'react';
import { useMarkdownFind } from '../markdown/markdown-find';
import { FindBar } from './find-in-text';
import { LargeText, worthFinding } from './large-text';

// The Markdown renderer and its parser load on the first "Show as Markdown".
const MarkdownView = lazy(() => import('../markdown/markdown-view').then((m) => ({ default: m.MarkdownView })));

/** Rendering a longer text as Markdown would freeze the window; it stays plain text (complete). */
export const MARKDOWN_MAX_CHARS = 200_000;

/**
 * One text content block: plain and wrapped by default (what the server sent, exactly), or
 * rendered as Markdown on request, since many tools answer in Markdown.
 */
export function TextBlock({ text, label, find }: { text: string; label: string; /** The name of a find field over a long text, plain (see LargeText) or as Markdown (see markdown-find.ts). */ find?: string }) {
  const [asMarkdown, setAsMarkdown] = useState(false);
  const tooLong = text.length > MARKDOWN_MAX_CHARS;
  const findOffered = find !== undefined && asMarkdown && !tooLong && worthFinding(text);
  const markdownFind = useMarkdownFind(text, findOffered);
  return (
    <>
      <button
        type="button"
        className="link-button markdown-toggle"
        aria-pressed={asMarkdown}
        disabled={tooLong}
        title={tooLong ? `Longer than ${MARKDOWN_MAX_CHARS.toLocaleString('en-US')} characters: shown as plain text` : undefined}
        onClick={() => setAsMarkdown((on) => !on)}
        aria-label={`Show as Markdown: ${label}`}
        data-testid="markdown-toggle"
      >
        Show as Markdown
      </button>
      {asMarkdown && !tooLong ? (
        <>
          {/* The same find as over the plain text, searching what the Markdown shows. */}
          {findOffered && <FindBar find={markdownFind.find} label={find} />}
          <Suspense fallback={<p className="muted" role="status">Rendering Markdown…</p>}>
            <MarkdownView text={text} label={`${label}, as Markdown`} viewRef={markdownFind.viewRef} />
          </Suspense>
        </>
      ) : (
        <LargeText text={text} testId="content-text" label={`${label}, text`} find={find} />
      )}
    </>
  );
}
