import { getDefaultFormState, type RJSFSchema } from '@rjsf/utils';
import { formValidator } from './form-validator';
import { formSchemaOf } from './named-alternatives';

/**
 * How the generated forms (a tool's arguments, a server's elicitation) fill in values nobody
 * typed: only the defaults the schema declares. rjsf's own default also takes the first value of a
 * choice of single values (a `oneOf` of titled `const`s, a zod union of literals; the tool form's
 * copy writes the anyOf ones as oneOf, see drawable-choices.ts), so an optional one was sent
 * without being chosen and a required one never said "is required". A lone `const` is still filled.
 */
export const FORM_DEFAULTS = { constAsDefaults: 'skipOneOf' } as const;

/**
 * The arguments a tool's form starts with: the defaults its inputSchema declares, read from the
 * form's copy of it (so they are the values the form shows). The form library throws on some
 * schemas (a `$ref` loop); the arguments then start empty (`{}`), and the form says itself why it
 * cannot be drawn.
 */
export function schemaDefaults(schema: RJSFSchema): unknown {
  try {
    const copy = formSchemaOf(schema);
    return getDefaultFormState(formValidator, copy, {}, copy, false, FORM_DEFAULTS) ?? {};
  } catch {
    return {};
  }
}
