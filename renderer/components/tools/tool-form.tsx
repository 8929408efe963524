import { forwardRef, useMemo } from 'react';
// The component itself, not the package index: the index also re-exports a test registry that
// imports @rjsf/validator-ajv8, which the renderer does not use (see workbench/form-validator.ts).
import Form from '@rjsf/core/lib/components/Form.js';
import type { CustomValidator, FormValidation, RJSFSchema, UiSchema } from '@rjsf/utils';
import { join, unsafeNumberWithoutDigits, type Digits } from '../../workbench/arguments-text';
import { TOOL_FORM_DEFAULTS } from '../../workbench/form-defaults';
import { formValidator } from '../../workbench/form-validator';
import { inTypedKeyOrder } from '../../workbench/key-order';
import { formSchemaOf } from '../../workbench/named-alternatives';
import { AlternativesTemplate } from './alternatives-template';
import { NAMED_ARRAY_BUTTONS, NamedArrayFieldTemplate, NamedObjectFieldTemplate } from './array-item-names';
import { OnceLabelledFieldTemplate } from './field-template';
import { UnsupportedFieldTemplate } from './unsupported-field-template';
import { FORM_WIDGETS } from './line-aware-text-widget';

interface ToolFormProps {
  schema: RJSFSchema;
  value: unknown;
  /** The digits of the numbers in the JSON text (see arguments-text.ts). */
  digits: Digits;
  /** Unique per tool and connection: the fields' ids start with it. */
  idPrefix: string;
  onChange(value: unknown): void;
}

export type ToolFormHandle = Form<unknown, RJSFSchema>;

/** No submit button of the form's own: the Call button validates and sends. */
const UI_SCHEMA: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
const TEMPLATES = {
  FieldTemplate: OnceLabelledFieldTemplate,
  MultiSchemaFieldTemplate: AlternativesTemplate,
  UnsupportedFieldTemplate,
  ArrayFieldTemplate: NamedArrayFieldTemplate,
  ObjectFieldTemplate: NamedObjectFieldTemplate,
  ButtonTemplates: NAMED_ARRAY_BUTTONS,
};

/**
 * A tool's arguments as a form generated from its inputSchema by @rjsf/core: types, formats,
 * enums, const, arrays, nested objects, anyOf/oneOf/allOf, nullable, defaults, required, local
 * $ref/$defs, descriptions as help text; a text with line breaks in a text area; anyOf/oneOf
 * alternatives named for what they are ("string", "null"), not "Option 1". Errors show next to
 * their field once the Call button validated (see ToolFormHandle.validateForm).
 */
export const ToolForm = forwardRef<ToolFormHandle, ToolFormProps>(function ToolForm({ schema, value, digits, idPrefix, onChange }, ref) {
  const customValidate = useMemo(() => bigIntegerCheck(digits), [digits]);
  // The form's own copy (alternatives named, nullable and single-value choices drawable); the tool's schema is never changed.
  const formSchema = useMemo(() => formSchemaOf(schema), [schema]);
  return (
    <Form<unknown, RJSFSchema>
      ref={ref}
      className="tool-form"
      schema={formSchema}
      uiSchema={UI_SCHEMA}
      widgets={FORM_WIDGETS}
      templates={TEMPLATES}
      validator={formValidator}
      formData={value}
      idPrefix={idPrefix}
      noHtml5Validate
      showErrorList={false}
      customValidate={customValidate}
      experimental_defaultFormStateBehavior={TOOL_FORM_DEFAULTS}
      // The errors are shown next to their fields; without a handler rjsf also logs each refused Call.
      onError={ignoreErrors}
      // The form reorders keys it rebuilds from the schema: the text keeps the order typed.
      onChange={(event) => onChange(inTypedKeyOrder(value, event.formData))}
    />
  );
});

function ignoreErrors(): void {}

/**
 * A number the form holds that cannot be what was typed (beyond 2^53 − 1) and whose digits the
 * JSON text does not have: the form lost them (a number field reads its text as a double).
 */
function bigIntegerCheck(digits: Digits): CustomValidator<unknown> {
  return (formData, errors) => {
    walk(formData, '', errors as unknown as FormValidation<unknown>, digits);
    return errors;
  };
}

function walk(value: unknown, path: string, errors: FormValidation<unknown> | undefined, digits: Digits): void {
  if (typeof value === 'number') {
    if (unsafeNumberWithoutDigits(value, path, digits)) {
      errors?.addError?.(`beyond ±2^53 − 1, so the form cannot keep its digits: type it in JSON mode, where every digit is sent as typed`);
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    const child = (errors as Record<string, unknown> | undefined)?.[key] as FormValidation<unknown> | undefined;
    walk(item, join(path, key), child, digits);
  }
}
