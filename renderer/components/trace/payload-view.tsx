import { useMemo, useState } from 'react';
import type { Truncation } from '../../../shared/model/trace';
import { contentBlocks } from '../../trace/mcp-content';
import { formatPayload } from '../../trace/payload-text';
import { ContentBlocks } from './content-blocks';
import { LargeText } from './large-text';

interface PayloadViewProps {
  title: string;
  value: unknown;
  /** Set when main kept only part of this payload in memory (too big or nested too deep). */
  truncated?: Truncation;
}

type Mode = 'content' | 'pretty' | 'raw';

/**
 * A payload, complete whatever its size: an MCP result's content as a person reads it (text with
 * its line breaks, images as images), or the JSON pretty or raw. Long text wraps. A payload
 * main already cut says so first: how big it was, how much is here, where the whole one is.
 */
export function PayloadView({ title, value, truncated }: PayloadViewProps) {
  const blocks = useMemo(() => contentBlocks(value), [value]);
  const [mode, setMode] = useState<Mode>(() => (blocks ? 'content' : 'pretty'));
  const json = useMemo(() => (mode === 'content' ? '' : formatPayload(value, mode)), [value, mode]);
  const modes: Mode[] = blocks ? ['content', 'pretty', 'raw'] : ['pretty', 'raw'];
  return (
    <section className="payload" aria-label={title}>
      <div className="payload-head">
        <h4>{title}</h4>
        <div role="group" aria-label={`${title} format`} className="segmented">
          {modes.map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>
              {MODE_NAMES[m]}
            </button>
          ))}
        </div>
      </div>
      {truncated && (
        <p className="truncated-note" role="note" data-testid="payload-cut">
          {truncated.note}
        </p>
      )}
      {mode === 'content' && blocks ? (
        <ContentBlocks blocks={blocks} />
      ) : (
        <LargeText text={json} testId="payload-text" label={`${title}, ${MODE_NAMES[mode].toLowerCase()} JSON`} />
      )}
    </section>
  );
}

const MODE_NAMES: Record<Mode, string> = { content: 'Content', pretty: 'Pretty', raw: 'Raw' };

interface HeadersTableProps {
  title: string;
  headers: Record<string, string> | undefined;
}

/** Headers exactly as recorded: main has already replaced secret values with "[redacted]". */
export function HeadersTable({ title, headers }: HeadersTableProps) {
  const rows = Object.entries(headers ?? {});
  return (
    <section className="headers" aria-label={title}>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, value]) => (
              <tr key={name}>
                <td>{name}</td>
                <td className="header-value">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
