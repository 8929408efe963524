import { useState } from 'react';
import type { ProtocolEra } from '../../../shared/model/protocol-era';
import { MAX_ROOTS, Root } from '../../../shared/model/server-request';

interface RootsEditorProps {
  idPrefix: string;
  saved: Root[];
  era?: ProtocolEra;
  /** Whether this connection declared roots when it opened (the app's always do; undefined: not known yet). */
  declared?: boolean;
  disabled: boolean;
  onSave(roots: Root[]): Promise<boolean>;
}

type Row = { uri: string; name: string };

/**
 * The roots this remote offers its server (MCP client/roots): URIs (file:// per the spec) with
 * optional names, saved with the remote. What a change does depends on the era, and it says so.
 * Give it a `key` made from `saved`: a list saved elsewhere (another window, an import) then
 * replaces the rows shown.
 */
export function RootsEditor({ idPrefix, saved, era, declared, disabled, onSave }: RootsEditorProps) {
  const [rows, setRows] = useState<Row[]>(() => saved.map((r) => ({ uri: r.uri, name: r.name ?? '' })));
  const [saving, setSaving] = useState(false);
  const problems = rows.map((row) => (row.uri.trim() === '' ? 'A root needs a URI' : Root.safeParse({ uri: row.uri, name: row.name || undefined }).error?.issues[0]?.message));
  const dirty = JSON.stringify(rows.map((r) => ({ uri: r.uri.trim(), name: r.name.trim() }))) !== JSON.stringify(saved.map((r) => ({ uri: r.uri, name: r.name ?? '' })));
  const set = (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const save = async () => {
    setSaving(true);
    await onSave(rows.map((r) => ({ uri: r.uri.trim(), ...(r.name.trim() ? { name: r.name.trim() } : {}) })));
    setSaving(false);
  };
  return (
    <section className="roots-editor" aria-labelledby={`${idPrefix}-roots-title`} data-testid="roots-editor">
      <h4 id={`${idPrefix}-roots-title`}>Roots</h4>
      <p className="muted small" data-testid="roots-note">
        {eraNote(era)}
        {era !== 'modern' && declared === true && ' This connection declared roots: saving tells the server.'}
        {era !== 'modern' && declared === false && ' This connection did not declare roots: reconnect to declare them.'}
      </p>
      {rows.length === 0 && <p className="muted">No roots yet: roots/list answers with an empty list.</p>}
      <ul className="root-rows">
        {rows.map((row, i) => (
          <li key={i} className="root-row">
            <span className="reply-field">
              <label htmlFor={`${idPrefix}-root-${i}-uri`}>Root {i + 1} URI</label>
              <input
                id={`${idPrefix}-root-${i}-uri`}
                value={row.uri}
                placeholder="file:///home/me/project"
                onChange={(e) => set(i, { uri: e.target.value })}
                aria-invalid={problems[i] ? true : undefined}
                aria-describedby={problems[i] ? `${idPrefix}-root-${i}-error` : notFileUri(row.uri) ? `${idPrefix}-root-${i}-note` : undefined}
                data-testid="root-uri"
              />
            </span>
            <span className="reply-field">
              <label htmlFor={`${idPrefix}-root-${i}-name`}>Root {i + 1} name (optional)</label>
              <input id={`${idPrefix}-root-${i}-name`} value={row.name} onChange={(e) => set(i, { name: e.target.value })} data-testid="root-name" />
            </span>
            <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Remove root ${i + 1}`}>
              Remove
            </button>
            {problems[i] && (
              <p id={`${idPrefix}-root-${i}-error`} className="field-error">
                {problems[i]}
              </p>
            )}
            {!problems[i] && notFileUri(row.uri) && (
              <p id={`${idPrefix}-root-${i}-note`} className="field-warning" data-testid="root-uri-note">
                Not a file:// URI with a path: the MCP specification says roots are file:// URIs, so a server may refuse or ignore this one. It is kept as typed, to see how the server copes.
              </p>
            )}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" disabled={disabled || rows.length >= MAX_ROOTS} onClick={() => setRows([...rows, { uri: '', name: '' }])} data-testid="add-root">
          Add root
        </button>
        <button type="button" className="primary" disabled={disabled || saving || !dirty || problems.some(Boolean)} onClick={() => void save()} data-testid="save-roots">
          Save roots
        </button>
      </div>
    </section>
  );
}

function eraNote(era: ProtocolEra | undefined): string {
  if (era === 'modern') {
    return 'In the 2026-07-28 era roots are deprecated: there is no session to notify, so no change notification is sent; a server that still asks (an embedded roots/list) gets the list as saved.';
  }
  return 'The folders the server may work in. When you save, each open connection to this remote tells its server the list changed (notifications/roots/list_changed), and the server reads it again.';
}

/** True for a URI that is not file:// with a path (the only kind of root MCP 2025-11-25 defines). */
function notFileUri(uri: string): boolean {
  const trimmed = uri.trim();
  return trimmed !== '' && !/^file:\/\/[^/]*\/./i.test(trimmed);
}
