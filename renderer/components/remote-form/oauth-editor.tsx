import type { RemoteOAuthGrant } from '../../../shared/model/remote-oauth';
import { Field, FieldErrors } from './field';
import type { OAuthFormState } from './oauth-form-model';

interface OAuthEditorProps {
  state: OAuthFormState;
  errors: Record<string, string[]>;
  onChange(patch: Partial<OAuthFormState>): void;
  /** The field a connection error's fix points at (a pre-registered client, the grant): outlined. */
  focusField?: string;
}

const GRANTS: ReadonlyArray<readonly [RemoteOAuthGrant, string]> = [
  ['authorization_code', 'Sign in in the browser (authorization code)'],
  ['client_credentials', 'As this app, without a user (client credentials)'],
];

/**
 * The remote's Authorization group (OAuth 2.1): whether to sign in when the server asks, how,
 * and as which client. The client secret is write-only, like a secret header: a stored one shows
 * as "set", typing replaces it, "Forget" deletes it from the keychain on save.
 */
export function OAuthEditor({ state, errors, onChange, focusField }: OAuthEditorProps) {
  const off = !state.enabled;
  return (
    <fieldset className="oauth-editor" data-testid="oauth-editor">
      <legend>Authorization</legend>
      <label className="check">
        <input type="checkbox" id="remote-oauth-enabled" checked={state.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} data-testid="remote-oauth-enabled" />
        Sign in with OAuth when the server asks for it (it answers 401 and no Authorization header is set above)
      </label>
      <Field id="remote-oauth-grant" label="How to sign in" path="oauth.grant" errors={errors} marked={focusField === 'oauth-grant'}>
        {(a11y) => (
          <select {...a11y} value={state.grant} disabled={off} onChange={(e) => onChange({ grant: e.target.value as RemoteOAuthGrant })} data-testid="remote-oauth-grant">
            {GRANTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="remote-oauth-client-id"
        label="Client id"
        path="oauth.clientId"
        errors={errors}
        marked={focusField === 'oauth-client'}
        help="Leave empty and the app registers itself with the server (or uses its client metadata document below). Fill it in when the server's administrator gave you one"
      >
        {(a11y) => <input {...a11y} value={state.clientId} disabled={off} autoComplete="off" onChange={(e) => onChange({ clientId: e.target.value })} data-testid="remote-oauth-client-id" />}
      </Field>
      <div className="field">
        <label htmlFor="remote-oauth-client-secret">Client secret</label>
        <div className="secret-line">
          <input
            id="remote-oauth-client-secret"
            type="password"
            autoComplete="off"
            value={state.clientSecret}
            disabled={off}
            placeholder={state.hasStoredSecret && !state.clearSecret ? 'set (type to replace)' : 'type to set'}
            aria-describedby={errors.oauthClientSecret ? 'err-oauthClientSecret remote-oauth-client-secret-help' : 'remote-oauth-client-secret-help'}
            aria-invalid={errors.oauthClientSecret ? true : undefined}
            onChange={(e) => onChange({ clientSecret: e.target.value, clearSecret: false })}
            data-testid="remote-oauth-client-secret"
          />
          <span className="secret-state" data-testid="remote-oauth-secret-state">
            {state.hasStoredSecret && !state.clearSecret ? 'set' : 'not set'}
          </span>
          {state.hasStoredSecret && !state.clearSecret && (
            <button type="button" className="small" onClick={() => onChange({ clearSecret: true, clientSecret: '' })} data-testid="remote-oauth-forget-secret">
              Forget
            </button>
          )}
        </div>
        <span className="field-help" id="remote-oauth-client-secret-help">
          Only for a client with a secret. Kept in the system keychain, never in the remotes file; an export has it only with “Export secret values too”
        </span>
        <FieldErrors path="oauthClientSecret" errors={errors} />
      </div>
      <Field id="remote-oauth-scope" label="Scopes" path="oauth.scope" errors={errors} help="Space-separated, e.g. openid to see who you are signed in as. Added to what the server asks for when a client id or a client metadata document is set (a client the app registers itself gets what the server asks for)">
        {(a11y) => <input {...a11y} value={state.scope} disabled={off} onChange={(e) => onChange({ scope: e.target.value })} data-testid="remote-oauth-scope" />}
      </Field>
      <Field
        id="remote-oauth-metadata-url"
        label="Client metadata document URL"
        path="oauth.clientMetadataUrl"
        errors={errors}
        help="Optional: an https URL describing this app as a client, used as its client id where the server supports it"
      >
        {(a11y) => <input {...a11y} type="url" value={state.clientMetadataUrl} disabled={off} onChange={(e) => onChange({ clientMetadataUrl: e.target.value })} data-testid="remote-oauth-metadata-url" />}
      </Field>
    </fieldset>
  );
}
