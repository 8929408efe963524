import type { FormEvent } from 'react';
import { expandTemplate, templateVariables } from '../../../shared/uri/uri-template';
import { CompletionField } from '../completion-field';

interface TemplateFormProps {
  uriTemplate: string;
  values: Record<string, string>;
  /** Suggestions for one variable (completion/complete), or absent when the server offers no completions. */
  complete?: (name: string, value: string) => Promise<string[]>;
  live: boolean;
  reading: boolean;
  onChange(values: Record<string, string>): void;
  onRead(uri: string): void;
}

/** One field per URI template variable; Read expands the template (RFC 6570) and reads the URI. */
export function TemplateForm({ uriTemplate, values, complete, live, reading, onChange, onRead }: TemplateFormProps) {
  const names = templateVariables(uriTemplate);
  const uri = expandTemplate(uriTemplate, values);
  const missing = names.filter((n) => !values[n]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing.length === 0) onRead(uri);
  };
  return (
    <form className="template-form" onSubmit={submit} aria-label={`Arguments of ${uriTemplate}`} data-testid="template-form">
      {names.map((name) => (
        <CompletionField
          key={name}
          label={name}
          required
          value={values[name] ?? ''}
          complete={complete ? (typed) => complete(name, typed) : undefined}
          onChange={(v) => onChange({ ...values, [name]: v })}
          testId={`template-arg-${name}`}
        />
      ))}
      <p className="template-uri">
        URI: <code data-testid="template-uri">{uri}</code>
      </p>
      <div className="form-actions">
        <button type="submit" disabled={!live || reading || missing.length > 0} data-testid="read-template">
          {reading ? 'Reading…' : 'Read'}
        </button>
        {missing.length > 0 && <span className="muted">Fill in {missing.join(', ')}.</span>}
      </div>
    </form>
  );
}
