import type { RJSFSchema, UnsupportedFieldProps } from '@rjsf/utils';
import UnsupportedField from '@rjsf/core/lib/components/templates/UnsupportedField.js';
import { withoutAlternativeNames } from '../../workbench/named-alternatives';

/**
 * rjsf's note on a field it cannot draw, which prints the field's schema: printed as the tool
 * gave it, without the names the form's copy adds to alternatives (named-alternatives.ts).
 */
export function UnsupportedFieldTemplate(props: UnsupportedFieldProps) {
  return <UnsupportedField {...props} schema={withoutAlternativeNames(props.schema) as RJSFSchema} />;
}
