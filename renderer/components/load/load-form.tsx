import type { ReactNode } from 'react';
import type { LoadForm, LoadFormErrors, LoadFormField } from '../../workbench/load-form';

interface LoadFormProps {
  idPrefix: string;
  form: LoadForm;
  errors: LoadFormErrors;
  /** The connection's tools by name; empty while not listed (the tool is then typed). */
  tools: string[];
  running: boolean;
  /** The connection can send (connected). */
  canStart: boolean;
  onChange(patch: Partial<LoadForm>): void;
  onStart(): void;
}

const KINDS: Array<{ kind: LoadForm['kind']; label: string }> = [
  { kind: 'tool', label: 'Tool call' },
  { kind: 'resource', label: 'Resource read' },
  { kind: 'prompt', label: 'Prompt get' },
  { kind: 'method', label: 'Any method' },
];

/**
 * The Load run form: what to send (a tool call with its arguments, a resource read, a prompt get
 * or any method with JSON params) and the plan (N requests or a duration, concurrency, an
 * optional fixed rate, a warm-up). Every control has a label; a field's problem shows under it
 * and is tied to it (aria-describedby), in plain words. Enter in a field starts the run.
 */
export function LoadFormView({ idPrefix, form, errors, tools, running, canStart, onChange, onStart }: LoadFormProps) {
  const id = (field: string) => `${idPrefix}-${field}`;
  const a11y = (field: LoadFormField) => ({
    id: id(field),
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? id(`${field}-error`) : undefined,
  });
  const field = (name: LoadFormField, label: string, control: ReactNode, help?: string) => (
    <div className="field" data-field={name}>
      <label htmlFor={id(name)}>{label}</label>
      {control}
      {help && <span className="field-help">{help}</span>}
      {errors[name] && (
        <span className="field-error" id={id(`${name}-error`)} data-testid="load-field-error">
          {errors[name]}
        </span>
      )}
    </div>
  );
  const text = (name: LoadFormField, extra: { placeholder?: string; inputMode?: 'numeric' | 'decimal' } = {}) => (
    <input {...a11y(name)} value={form[name]} onChange={(e) => onChange({ [name]: e.target.value })} spellCheck={false} autoComplete="off" {...extra} />
  );
  const json = (name: LoadFormField, placeholder: string) => (
    <textarea {...a11y(name)} className="load-json" rows={3} value={form[name]} onChange={(e) => onChange({ [name]: e.target.value })} spellCheck={false} placeholder={placeholder} />
  );
  return (
    <form
      className="load-form"
      aria-label="Load run plan"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!running && canStart) onStart();
      }}
    >
      <fieldset className="load-kinds">
        <legend>Request</legend>
        {KINDS.map((k) => (
          <label key={k.kind} className="load-kind">
            <input type="radio" name={id('kind')} value={k.kind} checked={form.kind === k.kind} onChange={() => onChange({ kind: k.kind })} />
            {k.label}
          </label>
        ))}
      </fieldset>
      <div className="load-request">
        {form.kind === 'tool' && (
          <>
            {field(
              'tool',
              'Tool',
              tools.length > 0 ? (
                <select {...a11y('tool')} value={form.tool} onChange={(e) => onChange({ tool: e.target.value })}>
                  <option value="">Choose a tool…</option>
                  {tools.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              ) : (
                text('tool', { placeholder: 'echo' })
              ),
            )}
            {field('toolArgs', 'Arguments (JSON object)', json('toolArgs', '{"text": "hello"}'))}
          </>
        )}
        {form.kind === 'resource' && field('uri', 'Resource URI', text('uri', { placeholder: 'demo://text' }))}
        {form.kind === 'prompt' && (
          <>
            {field('prompt', 'Prompt name', text('prompt', { placeholder: 'greeting' }))}
            {field('promptArgs', 'Arguments (JSON object of text)', json('promptArgs', '{"name": "Ada"}'))}
          </>
        )}
        {form.kind === 'method' && (
          <>
            {field('method', 'Method', text('method', { placeholder: 'tools/list' }))}
            {field('params', 'Params (JSON object, optional)', json('params', '{}'))}
          </>
        )}
      </div>
      <fieldset className="load-plan">
        <legend>Plan</legend>
        <div className="load-mode" role="radiogroup" aria-label="Run for">
          <label className="load-kind">
            <input type="radio" name={id('mode')} checked={form.mode === 'count'} onChange={() => onChange({ mode: 'count' })} />a number of requests
          </label>
          <label className="load-kind">
            <input type="radio" name={id('mode')} checked={form.mode === 'duration'} onChange={() => onChange({ mode: 'duration' })} />a duration
          </label>
        </div>
        <div className="load-plan-grid">
          {form.mode === 'count' ? field('count', 'Requests', text('count', { inputMode: 'numeric' })) : field('duration', 'Duration (seconds)', text('duration', { inputMode: 'decimal' }))}
          {field('concurrency', 'Concurrency', text('concurrency', { inputMode: 'numeric' }), 'requests in flight at once')}
          {field('rate', 'Fixed rate (requests/s)', text('rate', { inputMode: 'decimal', placeholder: 'as fast as possible' }), 'latency counts from when each was due')}
          {field('warmup', 'Warm-up requests', text('warmup', { inputMode: 'numeric' }), 'sent first, not counted')}
        </div>
      </fieldset>
      <div className="load-actions">
        <button type="submit" className="primary" disabled={running || !canStart} data-testid="load-start">
          Start load run
        </button>
        {!canStart && <span className="muted">Connect to start a run.</span>}
      </div>
    </form>
  );
}
