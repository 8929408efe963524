import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ErrorInfo, FixField } from '../../../shared/model/error-info';
import type { Remote, RemoteInput } from '../../../shared/model/remote';
import { TRANSPORT_LABELS } from '../../../shared/model/transport-names';
import { WarningList } from '../warning-list';
import { Field } from './field';
import { FormFooter } from './form-footer';
import { formChanged, initialFocusId, withFixRow } from './form-focus';
import { checkForm, formFromRemote, type RemoteFormState } from './form-model';
import { EnvSecretsEditor } from './env-secrets-editor';
import { ErrorSummary } from './error-summary';
import { HeadersEditor } from './headers-editor';
import { UrlSuggestion } from './url-suggestion';
import { OAuthEditor } from './oauth-editor';

interface RemoteFormProps {
  /** Undefined for a new remote. */
  remote: Remote | undefined;
  saving: boolean;
  /** What main answered when saving failed. */
  saveError: ErrorInfo | undefined;
  onSave(input: RemoteInput): void;
  /** Cancel, or Esc anywhere in the form (the owner asks about unsaved edits). */
  onCancel(): void;
  /** The field an error's fix points at: focused and marked when the form opens. */
  focusField?: FixField;
  /** The value the fix proposes for that field (preselected, unsaved). */
  fixValue?: string;
  /** Told whenever the form starts or stops differing from what was loaded. */
  onDirtyChange?(dirty: boolean): void;
}

/** The Transport field's choices, named as the rules' messages name them (shared/model/transport-names.ts). */
const TRANSPORTS = (['auto', 'streamable', 'sse', 'websocket', 'stdio'] as const).map((value) => [value, TRANSPORT_LABELS[value]] as const);

const ERAS = [
  ['auto', 'Auto (ask with server/discover, fall back to the 2025 handshake)'],
  ['modern', 'Modern: 2026-07-28 only'],
  ['legacy', 'Legacy: 2025 initialize handshake only'],
] as const;

const NO_ERRORS: Record<string, string[]> = {};
const NO_WARNINGS: string[] = [];

/** Create or edit a remote. Checks with the shared model before anything is sent to main. */
export function RemoteForm({ remote, saving, saveError, onSave, onCancel, focusField, fixValue, onDirtyChange }: RemoteFormProps) {
  const [initial] = useState<RemoteFormState>(() => formFromRemote(remote));
  const [state, setState] = useState<RemoteFormState>(() => withFixRow(initial, focusField, fixValue));
  // Once Save was pressed, the problems shown follow the form as it is edited: a fixed field loses
  // its message (and the summary its line) at once, another transport's fields are checked as
  // they appear. The focus stays where the user types; before the first Save nothing is said.
  const [checked, setChecked] = useState(false);
  const check = useMemo(() => (checked ? checkForm(state) : undefined), [checked, state]);
  const errors = check?.errors ?? NO_ERRORS;
  const warnings = check?.warnings ?? NO_WARNINGS;
  const set = (patch: Partial<RemoteFormState>) => setState((s) => ({ ...s, ...patch }));
  const dirty = formChanged(state, initial);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  // New remote: the name first; a fix: its field (again whenever another fix is asked for).
  useEffect(() => {
    const target = document.getElementById(initialFocusId(state, focusField));
    target?.focus();
    if (focusField) target?.scrollIntoView?.({ block: 'center' });
    // Only when the requested field changes: typing must not move the focus.
  }, [focusField]); // eslint-disable-line react-hooks/exhaustive-deps
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onCancel();
  };
  const marked = (path: string) => focusField === path;

  const formRef = useRef<HTMLFormElement>(null);
  const [refusedSaves, setRefusedSaves] = useState(0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return; // Save is only aria-disabled while main works (it keeps the focus)
    setChecked(true);
    const result = checkForm(state);
    if (result.input) onSave(result.input);
    else setRefusedSaves((n) => n + 1);
  };
  // A refused Save takes the user to the first field to fix (or the summary, when no one field
  // is marked): Save sits at the end of a long form, and the summary far above it is off screen.
  useEffect(() => {
    if (refusedSaves === 0) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[data-testid="form-errors"]');
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }, [refusedSaves]);
  const setTransport = (transport: RemoteFormState['transport']) => set({ transport });
  const stdio = state.transport === 'stdio';

  return (
    <form ref={formRef} className="remote-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-labelledby="remote-form-title" data-testid="remote-form" data-dirty={dirty || undefined}>
      <div className="form-body">
        <h2 id="remote-form-title">{remote ? `Edit ${remote.name}` : 'New remote'}</h2>
        <ErrorSummary errors={errors} formRef={formRef} />
        <Field id="remote-name" label="Name" path="name" errors={errors}>
          {(a11y) => <input {...a11y} value={state.name} onChange={(e) => set({ name: e.target.value })} data-testid="remote-name" />}
        </Field>
        <Field id="remote-transport" label="Transport" path="transport" errors={errors} marked={marked('transport')}>
          {(a11y) => (
            <select {...a11y} value={state.transport} onChange={(e) => setTransport(e.target.value as RemoteFormState['transport'])} data-testid="remote-transport">
              {TRANSPORTS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {stdio ? (
          <>
            <Field id="remote-command" label="Command" path="command" errors={errors} marked={marked('command')} help="The program to start, e.g. npx or /usr/bin/python3">
              {(a11y) => <input {...a11y} value={state.command} onChange={(e) => set({ command: e.target.value })} data-testid="remote-command" />}
            </Field>
            <Field id="remote-args" label="Arguments" path="args" errors={errors} marked={marked('args')} help="One argument per line">
              {(a11y) => <textarea {...a11y} rows={3} value={state.args} onChange={(e) => set({ args: e.target.value })} />}
            </Field>
            <Field
              id="remote-env"
              label="Environment"
              path="env"
              errors={errors}
              marked={marked('env')}
              help="KEY=VALUE, one per line. Credentials (API_KEY, *_TOKEN, *_SECRET, PASSWORD…) are kept in the system keychain and listed below as set"
            >
              {(a11y) => <textarea {...a11y} rows={3} value={state.env} onChange={(e) => set({ env: e.target.value })} />}
            </Field>
            <EnvSecretsEditor rows={state.secretEnv} onChange={(secretEnv) => set({ secretEnv })} />
            <Field id="remote-cwd" label="Working directory" path="cwd" errors={errors} marked={marked('cwd')}>
              {(a11y) => <input {...a11y} value={state.cwd} onChange={(e) => set({ cwd: e.target.value })} />}
            </Field>
          </>
        ) : (
          <Field id="remote-url" label="URL" path="url" errors={errors} marked={marked('url')} help={urlExample(state.transport)}>
            {(a11y) => (
              <>
                <input {...a11y} type="url" value={state.url} onChange={(e) => set({ url: e.target.value })} data-testid="remote-url" />
                {/* Shown as the URL is typed, never on blur: appearing at blur would move the form
                    under the pointer between mousedown and mouseup, and eat the click on Cancel or Save. */}
                <UrlSuggestion url={state.url} transport={state.transport} asked={(errors.url?.length ?? 0) > 0} onUse={(url) => set({ url })} />
              </>
            )}
          </Field>
        )}
        {!stdio && (
          <Field
            id="remote-instances"
            label="Other instances (one URL per line)"
            path="instances"
            errors={errors}
            marked={marked('instances')}
            help="Optional: the same server's other instances behind a load balancer (same transport, headers, era and TLS). With any, the remote is a group: health, send to all and load runs per instance"
          >
            {(a11y) => <textarea {...a11y} rows={3} value={state.instances} onChange={(e) => set({ instances: e.target.value })} data-testid="remote-instances" />}
          </Field>
        )}
        {!stdio && <HeadersEditor rows={state.headers} errors={errors} markedHeader={focusField?.startsWith('header:') ? focusField.slice(7) : undefined} onChange={(headers) => set({ headers })} />}
        {!stdio && state.transport !== 'websocket' && <OAuthEditor state={state.oauth} errors={errors} focusField={focusField} onChange={(patch) => set({ oauth: { ...state.oauth, ...patch } })} />}
        <fieldset>
          <legend>Timeouts and limits</legend>
          <Field id="remote-connect-ms" label="Connect timeout (ms)" path="timeouts.connectMs" errors={errors} marked={marked('timeouts.connectMs')} help="Leave empty for the default, 15000 ms">
            {(a11y) => <input {...a11y} inputMode="numeric" value={state.connectMs} onChange={(e) => set({ connectMs: e.target.value })} />}
          </Field>
          <Field id="remote-request-ms" label="Request timeout (ms)" path="timeouts.requestMs" errors={errors} marked={marked('timeouts.requestMs')} help="Leave empty for the default, 60000 ms">
            {(a11y) => <input {...a11y} inputMode="numeric" value={state.requestMs} onChange={(e) => set({ requestMs: e.target.value })} />}
          </Field>
          {!stdio && (
            <Field
              id="remote-max-message-mb"
              label="Message size limit (MB)"
              path="maxMessageBytes"
              errors={errors}
              marked={marked('maxMessageBytes')}
              help="Leave empty for the default, 100 MB. The largest message accepted from the server (an HTTP answer, an event stream event, a WebSocket message); at most 512 MB"
            >
              {(a11y) => <input {...a11y} inputMode="decimal" value={state.maxMessageMb} onChange={(e) => set({ maxMessageMb: e.target.value })} data-testid="remote-max-message-mb" />}
            </Field>
          )}
        </fieldset>
        {!stdio && (
          <fieldset>
            <legend>TLS</legend>
            <Field id="remote-ca-files" label="Extra CA certificate files" path="tls.caFiles" errors={errors} marked={marked('tls.caFiles')} help="One PEM file path per line">
              {(a11y) => <textarea {...a11y} rows={2} value={state.caFiles} onChange={(e) => set({ caFiles: e.target.value })} />}
            </Field>
            <label className={`check${marked('tls.acceptInvalidCertificates') ? ' is-fix-target' : ''}`}>
              <input type="checkbox" id="remote-accept-invalid" checked={state.acceptInvalidCertificates} onChange={(e) => set({ acceptInvalidCertificates: e.target.checked })} data-testid="remote-accept-invalid" />
              Accept invalid certificates (unsafe: only for testing a server you control)
            </label>
          </fieldset>
        )}
        <fieldset>
          <legend>Protocol</legend>
          <Field id="remote-protocol-era" label="Protocol era" path="protocolEra" errors={errors} marked={marked('protocolEra')}>
            {(a11y) => (
              <select {...a11y} value={state.protocolEra} onChange={(e) => set({ protocolEra: e.target.value as RemoteFormState['protocolEra'] })} data-testid="remote-protocol-era">
                {ERAS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="remote-protocol-version" label="Pin protocol version" path="protocolVersion" errors={errors} marked={marked('protocolVersion')} help="Leave empty to agree on a version with the server. To pin one, e.g. 2026-07-28 or 2025-11-25">
            {(a11y) => <input {...a11y} value={state.protocolVersion} onChange={(e) => set({ protocolVersion: e.target.value })} data-testid="remote-protocol-version" />}
          </Field>
          {!stdio && (
            <label className="check">
              <input type="checkbox" id="remote-renew-session" checked={state.reinitializeOnSessionExpiry} onChange={(e) => set({ reinitializeOnSessionExpiry: e.target.checked })} data-testid="remote-renew-session" />
              Start a new session when the server forgets this one (HTTP 404); clear it to stop and show the expiry instead
            </label>
          )}
        </fieldset>
        <Field id="remote-notes" label="Notes" path="notes" errors={errors}>
          {(a11y) => <textarea {...a11y} rows={2} value={state.notes} onChange={(e) => set({ notes: e.target.value })} />}
        </Field>
        <WarningList warnings={warnings} />
      </div>
      <FormFooter saving={saving} saveError={saveError} onCancel={onCancel} />
    </form>
  );
}

/** The URL field's example, in the schemes the chosen transport takes (Auto-detect takes both kinds). */
export function urlExample(transport: string): string {
  if (transport === 'websocket') return 'e.g. wss://host/mcp';
  if (transport === 'auto') return 'e.g. https://api.example.com/v1/mcp or wss://host/mcp';
  return 'e.g. https://api.example.com/v1/mcp';
}
