import { forwardRef, useMemo } from 'react';
import type { RJSFSchema } from '@rjsf/utils';
import type { ArgumentsMode } from '../../stores/tools-store';
import { formatArguments, parseArguments } from '../../workbench/arguments-text';
import type { Violation } from '../../workbench/schema-validation';
import { RenderErrorBoundary } from '../render-error-boundary';
import { JsonEditor } from './json-editor';
import { ToolForm, type ToolFormHandle } from './tool-form';

interface ArgumentsEditorProps {
  toolName: string;
  schema: RJSFSchema;
  /** The arguments as JSON text: the one value both modes show and edit. */
  text: string;
  mode: ArgumentsMode;
  idPrefix: string;
  /** Problems found when the user last tried to call in JSON mode. */
  jsonProblems: Violation[] | string | undefined;
  onText(text: string): void;
  onMode(mode: ArgumentsMode): void;
}

/**
 * The arguments of a call, as a form or as raw JSON. Both show the same JSON text: the form
 * writes the text back on every change (keeping each number's digits as typed), the editor
 * edits it directly, so switching never loses or changes anything.
 */
export const ArgumentsEditor = forwardRef<ToolFormHandle, ArgumentsEditorProps>(function ArgumentsEditor(
  { toolName, schema, text, mode, idPrefix, jsonProblems, onText, onMode },
  formRef,
) {
  const parsed = useMemo(() => parseArguments(text), [text]);
  const noArguments = !hasProperties(schema);
  return (
    <section className="arguments-editor" aria-label={`Arguments of ${toolName}`} tabIndex={-1} data-testid="arguments-editor">
      <div className="arguments-mode" role="group" aria-label="How to edit the arguments">
        <button type="button" aria-pressed={mode === 'form'} onClick={() => onMode('form')} data-testid="mode-form">
          Form
        </button>
        <button type="button" aria-pressed={mode === 'json'} onClick={() => onMode('json')} data-testid="mode-json">
          JSON
        </button>
      </div>
      {mode === 'form' && !parsed.ok && (
        <p className="field-problem" role="alert">
          The JSON text has an error ({parsed.error}), so the form cannot show it. Fix it in JSON mode.
        </p>
      )}
      {mode === 'form' && parsed.ok && noArguments && <p className="muted">This tool takes no arguments.</p>}
      {mode === 'form' && parsed.ok && !noArguments && (
        <RenderErrorBoundary
          what={`The form for ${toolName}'s input schema`}
          resetKey={schema}
          action={
            <button type="button" onClick={() => onMode('json')} data-testid="form-failed-use-json">
              Edit the arguments as JSON
            </button>
          }
        >
          <ToolForm ref={formRef} schema={schema} value={parsed.value} digits={parsed.digits} idPrefix={idPrefix} onChange={(value) => onText(formatArguments(value, parsed.digits))} />
        </RenderErrorBoundary>
      )}
      {mode === 'json' && <JsonEditor text={text} label={`Arguments of ${toolName} as JSON`} onText={onText} />}
      {mode === 'json' && jsonProblems !== undefined && <JsonProblems problems={jsonProblems} />}
    </section>
  );
});

function JsonProblems({ problems }: { problems: Violation[] | string }) {
  if (typeof problems === 'string') {
    return (
      <p className="field-problem" role="alert" data-testid="json-problems">
        {problems}
      </p>
    );
  }
  return (
    <ul className="field-problems" role="alert" aria-label="Problems with the arguments" data-testid="json-problems">
      {problems.map((p, i) => (
        <li key={i}>
          <code>{p.pointer || '(the arguments)'}</code> {p.message}
        </li>
      ))}
    </ul>
  );
}

function hasProperties(schema: RJSFSchema): boolean {
  if (schema.type !== undefined && schema.type !== 'object') return true;
  const keys = Object.keys(schema).filter((k) => !['type', '$schema', 'additionalProperties', 'title', 'description'].includes(k));
  if (keys.length === 0) return false;
  return !(keys.length === 1 && keys[0] === 'properties' && Object.keys(schema.properties ?? {}).length === 0);
}
