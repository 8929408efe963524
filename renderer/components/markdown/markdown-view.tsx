import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { openInBrowser } from '../../bridge/external-link';

/**
 * A server's text rendered as Markdown (CommonMark plus GitHub's tables, task lists and
 * strikethrough). The text comes from a server, so nothing in it acts by itself: raw HTML is shown
 * as text (react-markdown's default, without a raw-HTML plugin), `javascript:` and other unsafe
 * addresses are emptied (its default URL transform), images are not fetched (their address is shown instead),
 * and a link does not navigate the window: its full address is shown next to its text, and only
 * the button beside it opens it in the system browser.
 */
export function MarkdownView({ text, label }: { text: string; label: string }) {
  return (
    // Focusable: it scrolls, and the keyboard scrolls it.
    <div className="markdown-view" tabIndex={0} role="region" aria-label={label} data-testid="markdown-view">
      <Markdown remarkPlugins={[remarkGfm]} components={COMPONENTS}>
        {text}
      </Markdown>
    </div>
  );
}

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
