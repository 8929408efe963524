import type { SecretEnvRow } from './form-model';

interface EnvSecretsEditorProps {
  rows: SecretEnvRow[];
  onChange(rows: SecretEnvRow[]): void;
}

/**
 * A stdio server's credential variables (API_KEY, *_TOKEN, *_SECRET, PASSWORD...), kept in the
 * system keychain: write-only, like secret headers. A stored value shows as "set"; typing
 * replaces it; "Remove" drops the variable and its keychain entry on save.
 */
export function EnvSecretsEditor({ rows, onChange }: EnvSecretsEditorProps) {
  if (rows.length === 0) return null;
  const update = (key: number, patch: Partial<SecretEnvRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="env-secrets-editor" data-testid="env-secrets-editor">
      <legend>Secret environment variables (kept in the system keychain)</legend>
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid="env-secret-row">
              <th scope="row">{row.name}</th>
              <td>
                <input
                  aria-label={`Value of ${row.name}`}
                  type="password"
                  autoComplete="off"
                  value={row.value}
                  placeholder={row.hasStoredValue ? 'set (type to replace)' : 'type to set'}
                  onChange={(e) => update(row.key, { value: e.target.value })}
                />
                <span className="secret-state" data-testid="env-secret-state">
                  {row.hasStoredValue ? 'set' : 'not set'}
                </span>
              </td>
              <td>
                <button type="button" aria-label={`Remove ${row.name}`} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
