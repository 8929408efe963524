import { useContext } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import SelectWidget from '@rjsf/core/lib/components/widgets/SelectWidget.js';
import { AlternativeNamesContext } from './alternatives-template';
import { useArrayItemName } from './array-item-names';

const ALTERNATIVE_SELECT = /__(anyof|oneof)_select$/;

/**
 * rjsf's select, with a name for the one that picks an anyOf/oneOf alternative: the field's label
 * is for the field's own id, so that select had none (a screen reader said only "Option 1"), and
 * every `anyOf: [{type: 'string'}, {type: 'null'}]` (an optional parameter, as Pydantic writes it)
 * has one. Its options read as the alternatives' names ("string", "null") where the form's schema
 * gives them (see alternatives-template.tsx), not "Option 1", "Option 2". Every other select is rjsf's own.
 */
export function AlternativeAwareSelectWidget(props: WidgetProps) {
  const names = useContext(AlternativeNamesContext);
  const kind = ALTERNATIVE_SELECT.exec(props.id)?.[1];
  const itemName = useArrayItemName(props.id.replace(ALTERNATIVE_SELECT, ''));
  if (!kind) return <SelectWidget {...props} />;
  const name = itemName || props.label || props.name.replace(ALTERNATIVE_SELECT, '');
  const enumOptions = props.options.enumOptions?.map((option) => {
    const named = typeof option.value === 'number' ? names?.[option.value] : undefined;
    return named === undefined ? option : { ...option, label: named };
  });
  return (
    <>
      <label htmlFor={props.id} className="visually-hidden">
        {`Alternative for ${name} (${kind === 'anyof' ? 'anyOf' : 'oneOf'})`}
      </label>
      <SelectWidget {...props} options={{ ...props.options, enumOptions }} />
    </>
  );
}
