import { useMemo, useState } from 'react';
import type { Truncation } from '../../../shared/model/trace';
import { formatSize } from '../../trace/entry-fields';
import { formatPayload, limitText } from '../../trace/payload-text';

interface PayloadViewProps {
  title: string;
  value: unknown;
  /** Set when main kept only part of this payload in memory (too big or nested too deep). */
  truncated?: Truncation;
}

/**
 * A JSON payload, pretty or raw; cut at about 50 KB with a button to show the rest. A payload
 * main already cut says so first: how big it was, how much is here, where the whole one is.
 */
export function PayloadView({ title, value, truncated }: PayloadViewProps) {
  const [mode, setMode] = useState<'pretty' | 'raw'>('pretty');
  const [showAll, setShowAll] = useState(false);
  const full = useMemo(() => formatPayload(value, mode), [value, mode]);
  const shown = limitText(full, showAll);
  return (
    <section className="payload" aria-label={title}>
      <div className="payload-head">
        <h4>{title}</h4>
        <div role="group" aria-label={`${title} format`} className="segmented">
          <button type="button" aria-pressed={mode === 'pretty'} onClick={() => setMode('pretty')}>
            Pretty
          </button>
          <button type="button" aria-pressed={mode === 'raw'} onClick={() => setMode('raw')}>
            Raw
          </button>
        </div>
      </div>
      {truncated && (
        <p className="truncated-note" role="note" data-testid="payload-cut">
          {truncated.note}
        </p>
      )}
      <pre className={`payload-text mode-${mode}`} data-testid="payload-text" tabIndex={0}>
        {shown.text}
      </pre>
      {shown.truncated && (
        <p className="truncated-note">
          Showing the first {formatSize(shown.text.length)} of {formatSize(shown.fullLength)}.{' '}
          <button type="button" className="link-button" data-testid="payload-show-all" onClick={() => setShowAll(true)}>
            Show all
          </button>
        </p>
      )}
    </section>
  );
}

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
