import type { ReactNode } from 'react';

/** The messages for one field path, linked to its input by id `err-<path>`. */
export function FieldErrors({ path, errors }: { path: string; errors: Record<string, string[]> }) {
  const messages = errors[path];
  if (!messages) return null;
  return (
    <span className="field-error" id={`err-${path}`} data-testid="field-error">
      {messages.join(' ')}
    </span>
  );
}

interface FieldProps {
  id: string;
  label: string;
  path: string;
  errors: Record<string, string[]>;
  help?: string;
  children: (a11y: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its help text and validation messages wired for screen readers. */
export function Field({ id, label, path, errors, help, children }: FieldProps) {
  const invalid = Boolean(errors[path]);
  const described = [invalid ? `err-${path}` : undefined, help ? `${id}-help` : undefined].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': invalid || undefined, 'aria-describedby': described || undefined })}
      {help && (
        <span className="field-help" id={`${id}-help`}>
          {help}
        </span>
      )}
      <FieldErrors path={path} errors={errors} />
    </div>
  );
}
