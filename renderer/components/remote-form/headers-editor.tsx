import { Fragment, useEffect, useRef } from 'react';
import { FieldErrors } from './field';
import { headerValueId } from './form-focus';
import { headerSecretByName, newHeaderRow, type HeaderRow } from './form-model';

interface HeadersEditorProps {
  rows: HeaderRow[];
  errors: Record<string, string[]>;
  /** The header an error's fix points at (its row is outlined). */
  markedHeader?: string;
  onChange(rows: HeaderRow[]): void;
}

/**
 * Headers sent with every request. A secret's value is write-only: once stored it shows as
 * "set", typing replaces it, and "Clear" deletes it from the keychain on save. A name that looks
 * like a credential ticks Secret as it is typed and keeps it ticked, with a note saying why: the
 * main process would save it as secret anyway, and the form must not say otherwise.
 */
export function HeadersEditor({ rows, errors, markedHeader, onChange }: HeadersEditorProps) {
  const update = (key: number, patch: Partial<HeaderRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  // Add header puts the focus in the new row's name: left on the button, the first space typed
  // pressed it again (a second empty row) and the name went nowhere.
  const focusNameOf = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (focusNameOf.current === undefined) return;
    document.getElementById(headerNameId(focusNameOf.current))?.focus();
    focusNameOf.current = undefined;
  }, [rows]);
  const addRow = () => {
    const row = newHeaderRow();
    focusNameOf.current = row.key;
    onChange([...rows, row]);
  };
  return (
    <fieldset className="headers-editor" data-testid="headers-editor">
      <legend>Headers</legend>
      {rows.length === 0 ? (
        <p className="muted">No headers. Add one for an API key or an Authorization token.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">Description</th>
              <th scope="col">Required</th>
              <th scope="col">Secret</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const n = i + 1;
              const nameErrors = `headers.${i}.name`;
              const valueErrors = `headers.${i}.value`;
              const byName = headerSecretByName(row);
              const secret = row.secret || byName;
              const noteId = `header-${row.key}-secret-note`;
              const valueDescribed = [errors[valueErrors] ? `err-${valueErrors}` : undefined, byName ? noteId : undefined].filter(Boolean).join(' ');
              return (
                <Fragment key={row.key}>
                  <tr data-testid="header-row" className={markedHeader && row.name.toLowerCase() === markedHeader.toLowerCase() ? 'is-fix-target' : undefined}>
                    <td data-label="Name">
                      <input
                        id={headerNameId(row.key)}
                        aria-label={`Header ${n} name`}
                        value={row.name}
                        aria-invalid={errors[nameErrors] ? true : undefined}
                        aria-describedby={errors[nameErrors] ? `err-${nameErrors}` : undefined}
                        onChange={(e) => update(row.key, { name: e.target.value })}
                      />
                      <FieldErrors path={nameErrors} errors={errors} />
                    </td>
                    <td data-label="Value">
                      <input
                        id={headerValueId(row.key)}
                        aria-label={`Header ${n} value`}
                        type={secret ? 'password' : 'text'}
                        autoComplete="off"
                        value={row.value}
                        placeholder={secret && row.hasStoredValue && !row.clearValue ? 'set (type to replace)' : ''}
                        aria-invalid={errors[valueErrors] ? true : undefined}
                        aria-describedby={valueDescribed || undefined}
                        onChange={(e) => update(row.key, { value: e.target.value, clearValue: false })}
                      />
                      {secret && row.hasStoredValue && (
                        <span className="secret-state" data-testid="secret-state">
                          {row.clearValue ? 'will be cleared' : 'set'}{' '}
                          {!row.clearValue && (
                            <button type="button" className="link-button" aria-label={`Clear stored value of header ${n}`} onClick={() => update(row.key, { clearValue: true, value: '' })}>
                              Clear
                            </button>
                          )}
                        </span>
                      )}
                      <FieldErrors path={valueErrors} errors={errors} />
                    </td>
                    <td data-label="Description">
                      <input aria-label={`Header ${n} description`} value={row.description} onChange={(e) => update(row.key, { description: e.target.value })} />
                    </td>
                    <td data-label="Required">
                      <input type="checkbox" aria-label={`Header ${n} required`} checked={row.required} onChange={(e) => update(row.key, { required: e.target.checked })} />
                    </td>
                    <td data-label="Secret">
                      {/* aria-disabled, not disabled: the box stays in the Tab order, so the note it
                          points to is read out where the user looks for the setting. */}
                      <input
                        type="checkbox"
                        aria-label={`Header ${n} secret`}
                        checked={secret}
                        aria-disabled={byName || undefined}
                        aria-describedby={byName ? noteId : undefined}
                        onChange={(e) => byName || update(row.key, { secret: e.target.checked })}
                      />
                    </td>
                    <td className="header-remove">
                      <button type="button" aria-label={`Remove header ${n}`} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                        Remove
                      </button>
                    </td>
                  </tr>
                  {byName && (
                    // Under the row, ending beneath the Secret box (the last cell is Remove's column).
                    <tr className="header-note-row">
                      <td colSpan={5}>
                        <span className="secret-note" id={noteId} data-testid="secret-note">
                          Secret: the value is kept in the system keychain, because the name looks like a credential.
                        </span>
                      </td>
                      <td />
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" id="add-header" data-testid="add-header" onClick={addRow}>
        Add header
      </button>
    </fieldset>
  );
}

/** The id of a header row's name field (`rowKey`: the row's HeaderRow.key). */
function headerNameId(rowKey: number): string {
  return `header-${rowKey}-name`;
}
