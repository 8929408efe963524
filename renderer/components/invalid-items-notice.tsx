import { useId, useRef, useState } from 'react';
import type { InvalidListItem } from '../../shared/model/invalid-list-item';
import { revealInvisible } from '../../shared/text/reveal-invisible';
import { ServerText } from './server-text';
import { useHiddenItems } from './use-hidden-items';

interface InvalidItemsNoticeProps {
  /** What the list holds, singular: "tool", "resource", "resource template", "prompt". */
  kind: string;
  items?: InvalidListItem[];
  testId: string;
}

/** Longer names are cut (the whole name is the item's tooltip): a server may send 10,000 characters. */
const NAME_SHOWN_CHARS = 80;

const ITEM = '[data-testid="invalid-item"]';

/**
 * Says that the server listed items that break the MCP schema and were left out (the rest of the
 * list is shown), each with what is wrong; folded to one line, since the column is narrow, and
 * when opened no taller than the CSS allows, since a server may list hundreds. A list that
 * scrolls says so under it ("12 more tools below"), as overlay scrollbars show nothing, and fades
 * at its cut edge. The pointer to the Trace section is said once under the notices of one column
 * (Resources has two): the CSS hides it in a notice that has an open one after it.
 */
export function InvalidItemsNotice({ kind, items, testId }: InvalidItemsNoticeProps) {
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const hidden = useHiddenItems(listRef, ITEM, 'y');
  const hintId = useId();
  if (!items?.length) return null;
  const many = items.length > 1;
  const below = open ? hidden.after : 0;
  const scrolls = open && hidden.before + hidden.after > 0;
  return (
    <details className="tool-list-notice invalid-items" data-testid={testId} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {items.length} {kind}
        {many ? 's' : ''} left out: {many ? 'they break' : 'it breaks'} the MCP schema
      </summary>
      {/* Focusable: the list may scroll, and a keyboard must reach it to scroll it. */}
      <ul
        ref={listRef}
        className={`fades-y${scrolls ? ' is-scrolling' : ''}${hidden.before ? ' more-before' : ''}${below ? ' more-after' : ''}`}
        aria-label={`${kind}s left out`}
        aria-describedby={below ? hintId : undefined}
        tabIndex={0}
      >
        {items.map((item, position) => (
          <li key={position} data-testid="invalid-item">
            <code title={item.name === undefined ? undefined : revealInvisible(item.name)}>
              {item.name === undefined ? `#${(item.index ?? position) + 1}` : <ServerText text={item.name} max={NAME_SHOWN_CHARS} />}
            </code>
            : <ServerText text={item.problems.join('; ')} />
          </li>
        ))}
      </ul>
      {below > 0 && (
        <p className="invalid-items-more" id={hintId} data-testid="invalid-items-more">
          {below} more {below === 1 ? kind : `${kind}s`} below: scroll the list
        </p>
      )}
      <p className="invalid-items-trace" data-testid="invalid-items-trace">
        The Trace section shows what the server sent.
      </p>
    </details>
  );
}
