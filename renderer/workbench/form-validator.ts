import {
  createErrorHandler,
  getDefaultFormState,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import { violations, type Violation } from './schema-validation';

/**
 * The validator the tool form (@rjsf/core) uses, on @cfworker/json-schema instead of rjsf's
 * ajv-8 validator: ajv compiles schemas with `new Function`, which the renderer's CSP forbids.
 * It follows @rjsf/validator-ajv8's processing (errors to an error schema, then the form's
 * customValidate merged in), so errors land next to their field as rjsf expects.
 */
export const formValidator: ValidatorType<unknown, RJSFSchema> = {
  validateFormData(formData, schema, customValidate, transformErrors, uiSchema): ValidationData<unknown> {
    let errors = violations(schema, formData).map(toRjsfError);
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    const errorSchema = toErrorSchema<unknown>(errors);
    if (!customValidate) return { errors, errorSchema };
    // As rjsf's own validator does: custom validation sees the data with every default filled in.
    const filled = getDefaultFormState(formValidator, schema, formData, schema, true);
    const handler = (customValidate as CustomValidator<unknown>)(filled, createErrorHandler(filled), uiSchema as UiSchema, errorSchema);
    return validationDataMerge({ errors, errorSchema }, unwrapErrorHandler(handler));
  },

  isValid(schema, formData, rootSchema) {
    // An anyOf/oneOf option is checked on its own, but its $refs point into the root schema.
    return violations(withRootDefinitions(schema, rootSchema), formData).length === 0;
  },

  rawValidation<Result = unknown>(schema: RJSFSchema, formData?: unknown) {
    try {
      return { errors: violations(schema, formData) as Result[] };
    } catch (error) {
      return { validationError: error instanceof Error ? error : new Error(String(error)) };
    }
  },
};

function withRootDefinitions(schema: RJSFSchema, root: RJSFSchema | undefined): RJSFSchema {
  if (!root || schema === root || typeof schema !== 'object') return schema;
  const defs = (root as { $defs?: unknown }).$defs;
  const definitions = root.definitions;
  if (defs === undefined && definitions === undefined) return schema;
  return { ...(defs !== undefined ? { $defs: defs } : {}), ...(definitions !== undefined ? { definitions } : {}), ...schema } as RJSFSchema;
}

/** rjsf's error shape: `property` in its dotted form (".items.0.id"), `name` the keyword. */
function toRjsfError(violation: Violation): RJSFValidationError {
  const segments = violation.pointer.split('/').slice(1).map(unescapePointer);
  // A missing property is the missing field's error, shown next to that field.
  if (violation.keyword === 'required') {
    const missing = /^"(.*)" is required$/.exec(violation.message)?.[1];
    if (missing !== undefined) segments.push(missing);
  }
  const property = segments.length > 0 ? `.${segments.join('.')}` : '';
  // Shown under the field itself (its name is just above): a sentence, not "is required".
  const message = violation.keyword === 'required' ? 'A value is required' : violation.message;
  return { name: violation.keyword, property, message, stack: `${property || 'arguments'} ${message}`.trim(), schemaPath: violation.schemaPath };
}

function unescapePointer(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // a key with a literal "%": kept as it is
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

export type { ErrorTransformer };
