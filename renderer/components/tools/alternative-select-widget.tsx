import type { WidgetProps } from '@rjsf/utils';
import SelectWidget from '@rjsf/core/lib/components/widgets/SelectWidget.js';

const ALTERNATIVE_SELECT = /__(anyof|oneof)_select$/;

/**
 * rjsf's select, with a name for the one that picks an anyOf/oneOf alternative: the field's label
 * is for the field's own id, so that select had none (a screen reader said only "Option 1"), and
 * every `anyOf: [{type: 'string'}, {type: 'null'}]` (an optional parameter, as Pydantic writes it)
 * has one. Every other select is rjsf's own.
 */
export function AlternativeAwareSelectWidget(props: WidgetProps) {
  const kind = ALTERNATIVE_SELECT.exec(props.id)?.[1];
  if (!kind) return <SelectWidget {...props} />;
  const name = props.label || props.name.replace(ALTERNATIVE_SELECT, '');
  return (
    <>
      <label htmlFor={props.id} className="visually-hidden">
        {`Alternative for ${name} (${kind === 'anyof' ? 'anyOf' : 'oneOf'})`}
      </label>
      <SelectWidget {...props} />
    </>
  );
}
