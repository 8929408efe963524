import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { revealInvisible } from '../../../shared/text/reveal-invisible';
import { openInBrowser } from '../../bridge/external-link';

/**
 * A server's text rendered as Markdown (CommonMark plus GitHub's tables, task lists and
 * strikethrough). The text comes from a server, so nothing in it acts by itself: raw HTML is shown
 * as text (react-markdown's default, without a raw-HTML plugin), images are not fetched (their
 * address is shown instead), and a link does not navigate the window: its full address is shown
 * next to its text, and only the button beside an http(s) one opens it in the system browser.
 * No address becomes an attribute (links and images are drawn as text), so each is kept exactly
 * as the server sent it, `javascript:` ones included: the person debugging the server sees them.
 * Drawn again only for a new text: each keystroke and step of the find bar above it re-parsed the
 * whole Markdown (seconds for 150 KB).
 */
export const MarkdownView = memo(function MarkdownView({ text, label, viewRef }: { text: string; label: string; /** Handed the element the text is drawn in (for Find, see markdown-find.ts). */ viewRef?(element: HTMLElement | null): void }) {
  return (
    // Focusable: it scrolls, and the keyboard scrolls it.
    <div className="markdown-view" tabIndex={0} role="region" aria-label={label} data-testid="markdown-view" ref={viewRef}>
      {/* Bidi overrides, controls and invisible characters as their \uXXXX escapes, as in the plain view. */}
      <Markdown remarkPlugins={[remarkGfm]} components={COMPONENTS} urlTransform={keepAsSent}>
        {revealInvisible(text)}
      </Markdown>
    </div>
  );
});

/** Addresses are only ever shown as text (see COMPONENTS), so none needs making safe. */
const keepAsSent = (url: string) => url;

const COMPONENTS: Components = {
  a({ href, children }) {
    const address = href ?? '';
    return (
      <span className="markdown-link">
        <span className="markdown-link-text">{children}</span> <code className="markdown-link-url">{address}</code>{' '}
        {/^https?:\/\//i.test(address) && (
          <button type="button" className="link-button" onClick={() => void openInBrowser(address)} aria-label={`Open ${address} in the system browser`}>
            Open
          </button>
        )}
      </span>
    );
  },
  img({ src, alt }) {
    return (
      <span className="markdown-image" data-testid="markdown-image">
        [image{alt ? `: ${alt}` : ''}] <code>{typeof src === 'string' ? src : ''}</code>
      </span>
    );
  },
};
