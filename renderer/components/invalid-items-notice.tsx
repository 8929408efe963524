import type { InvalidListItem } from '../../shared/model/invalid-list-item';

interface InvalidItemsNoticeProps {
  /** What the list holds, singular: "tool", "resource", "resource template", "prompt". */
  kind: string;
  items?: InvalidListItem[];
  testId: string;
}

/**
 * Says that the server listed items that break the MCP schema and were left out (the rest of the
 * list is shown), each with what is wrong; folded to one line, since the column is narrow.
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
      <ul>
        {items.map((item) => (
          <li key={item.index} data-testid="invalid-item">
            <code>{item.name ?? `#${item.index + 1}`}</code>: {item.problems.join('; ')}
          </li>
        ))}
      </ul>
      <p>The Trace section shows the list as the server sent it.</p>
    </details>
  );
}
