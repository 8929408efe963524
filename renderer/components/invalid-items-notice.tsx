import type { InvalidListItem } from '../../shared/model/invalid-list-item';
import { revealInvisible } from '../../shared/text/reveal-invisible';
import { ServerText } from './server-text';

interface InvalidItemsNoticeProps {
  /** What the list holds, singular: "tool", "resource", "resource template", "prompt". */
  kind: string;
  items?: InvalidListItem[];
  testId: string;
}

/** Longer names are cut (the whole name is the item's tooltip): a server may send 10,000 characters. */
const NAME_SHOWN_CHARS = 80;

/**
 * Says that the server listed items that break the MCP schema and were left out (the rest of the
 * list is shown), each with what is wrong; folded to one line, since the column is narrow, and
 * when opened no taller than the CSS allows (it scrolls), since a server may list hundreds.
 */
export function InvalidItemsNotice({ kind, items, testId }: InvalidItemsNoticeProps) {
  if (!items?.length) return null;
  const many = items.length > 1;
  return (
    <details className="tool-list-notice invalid-items" data-testid={testId}>
      <summary>
        {items.length} {kind}
        {many ? 's' : ''} left out: {many ? 'they break' : 'it breaks'} the MCP schema
      </summary>
      {/* Focusable: the list may scroll, and a keyboard must reach it to scroll it. */}
      <ul aria-label={`${kind}s left out`} tabIndex={0}>
        {items.map((item) => (
          <li key={item.index} data-testid="invalid-item">
            <code title={item.name === undefined ? undefined : revealInvisible(item.name)}>
              {item.name === undefined ? `#${item.index + 1}` : <ServerText text={item.name} max={NAME_SHOWN_CHARS} />}
            </code>
            : <ServerText text={item.problems.join('; ')} />
          </li>
        ))}
      </ul>
      <p>The Trace section shows the list as the server sent it.</p>
    </details>
  );
}
