import { createContext, useContext } from 'react';
import type { FieldTemplateProps } from '@rjsf/utils';
import FieldTemplate from '@rjsf/core/lib/components/templates/FieldTemplate/FieldTemplate.js';
import { useArrayItemName } from './array-item-names';

/** The id of the field being drawn around this point, if any. */
const EnclosingField = createContext<string | undefined>(undefined);

/**
 * rjsf's field layout, but for the field of a parameter's chosen anyOf/oneOf alternative: rjsf
 * draws that field inside the parameter's own, with the same id, name, label and description, so
 * the name was shown twice and the input was named twice ("note note" to a screen reader: both
 * labels point at it). The alternative's field is drawn without them; the parameter's label,
 * above the select, names the input. An array item is labelled as one ("tags item 2").
 */
export function OnceLabelledFieldTemplate(props: FieldTemplateProps) {
  const enclosing = useContext(EnclosingField);
  const repeated = enclosing === props.id;
  const itemName = useArrayItemName(props.id);
  return (
    <EnclosingField.Provider value={props.id}>
      <FieldTemplate {...props} label={itemName ?? props.label} displayLabel={repeated ? false : props.displayLabel} />
    </EnclosingField.Provider>
  );
}
