import { useMemo, useRef, useState } from 'react';
// The component itself, not the package index (see tools/tool-form.tsx).
import Form from '@rjsf/core/lib/components/Form.js';
import { getDefaultFormState, type RJSFSchema } from '@rjsf/utils';
import type { ServerRequestAnswer } from '../../../shared/model/server-request';
import { FORM_DEFAULTS } from '../../workbench/form-defaults';
import { formValidator } from '../../workbench/form-validator';
import { prepareRequestedSchema } from '../../workbench/requested-schema';
import { FORM_WIDGETS } from '../tools/line-aware-text-widget';
import { setOwn } from '../../../shared/json/own-property';


interface ElicitationFormProps {
  params: { message?: unknown; requestedSchema?: unknown };
  /** Unique per request: the fields' ids start with it. */
  idPrefix: string;
  /** Set when main found the request too big or deep to show: only Decline and Cancel are offered. */
  tooLarge?: string;
  busy: boolean;
  onAnswer(answer: ServerRequestAnswer): void;
}

/**
 * A form-mode elicitation (MCP client/elicitation): the server's message, a form generated from
 * its requestedSchema by the same form library and validator as the Tools section (defaults
 * filled in, required fields enforced, enums as selects or checkboxes), and the spec's three
 * answers: Accept (sends the form), Decline (the user said no), Cancel (dismissed without a choice).
 * A schema outside the spec's flat shape gets a JSON text field instead of a form.
 */
export function ElicitationFormCard({ params, idPrefix, tooLarge, busy, onAnswer }: ElicitationFormProps) {
  const prepared = useMemo(() => prepareRequestedSchema(params.requestedSchema), [params.requestedSchema]);
  const [value, setValue] = useState<unknown>(() => getDefaultFormState(formValidator, prepared.schema, {}, prepared.schema, false, FORM_DEFAULTS) ?? {});
  const [text, setText] = useState('{}');
  const [textError, setTextError] = useState<string | undefined>(undefined);
  const formRef = useRef<Form<unknown, RJSFSchema>>(null);
  const asJson = prepared.problems.length > 0;

  const accept = () => {
    if (asJson) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('the answer must be a JSON object');
        setTextError(undefined);
        return onAnswer({ action: 'accept', content: parsed as Record<string, string> });
      } catch (error) {
        return setTextError(`Not sent: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (formRef.current && !formRef.current.validateForm()) return;
    onAnswer({ action: 'accept', content: defined(value) });
  };

  return (
    <div className="elicitation-form">
      {typeof params.message === 'string' && <p className="request-message" data-testid="request-message">{params.message}</p>}
      {tooLarge ? (
        <p className="warning-line" role="note">{tooLarge}</p>
      ) : asJson ? (
        <div className="json-answer">
          <p className="warning-line" role="note">
            The form cannot be generated: {prepared.problems.slice(0, 3).join('; ')}
            {prepared.problems.length > 3 ? '…' : ''}. The spec allows only a flat object of plain fields. Type the answer as a JSON object to test the server anyway.
          </p>
          <label htmlFor={`${idPrefix}-json`}>Answer content (JSON object)</label>
          <textarea id={`${idPrefix}-json`} rows={4} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={textError ? true : undefined} aria-describedby={textError ? `${idPrefix}-json-error` : undefined} />
          {textError && <p id={`${idPrefix}-json-error`} className="field-error">{textError}</p>}
        </div>
      ) : (
        <Form<unknown, RJSFSchema>
          ref={formRef}
          className="tool-form elicitation-fields"
          schema={prepared.schema}
          uiSchema={prepared.uiSchema}
          widgets={FORM_WIDGETS}
          validator={formValidator}
          formData={value}
          idPrefix={idPrefix}
          noHtml5Validate
          showErrorList={false}
          experimental_defaultFormStateBehavior={FORM_DEFAULTS}
          onChange={(event) => setValue(event.formData)}
        />
      )}
      <div className="form-actions">
        {!tooLarge && (
          <button type="button" className="primary" disabled={busy} onClick={accept} data-testid="elicitation-accept">
            Accept
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => onAnswer({ action: 'decline' })} data-testid="elicitation-decline">
          Decline
        </button>
        <button type="button" disabled={busy} onClick={() => onAnswer({ action: 'cancel' })} data-testid="elicitation-cancel">
          Cancel
        </button>
        <span className="muted small">Decline says no; Cancel dismisses the question without a choice.</span>
      </div>
    </div>
  );
}

/** The form's value without fields left empty (rjsf keeps them as undefined). */
function defined(value: unknown): Record<string, string | number | boolean | string[]> {
  const out: Record<string, string | number | boolean | string[]> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, item] of Object.entries(value)) if (item !== undefined && item !== null) setOwn(out, key, item);
  return out;
}
