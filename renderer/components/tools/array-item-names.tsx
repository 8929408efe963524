import { createContext, useContext } from 'react';
import type { ArrayFieldTemplateProps, IconButtonProps, ObjectFieldTemplateProps } from '@rjsf/utils';
import ArrayFieldTemplate from '@rjsf/core/lib/components/templates/ArrayFieldTemplate.js';
import ObjectFieldTemplate from '@rjsf/core/lib/components/templates/ObjectFieldTemplate.js';
import IconButton from '@rjsf/core/lib/components/templates/ButtonTemplates/IconButton.js';

/** The array whose items are being drawn around this point: its field id and its name as shown. */
interface EnclosingArray {
  id: string;
  name: string;
}

const EnclosingArrayContext = createContext<EnclosingArray | undefined>(undefined);

/**
 * An array item's name, "tags item 2", when `id` is the field id of an item of the array drawn
 * around it (rjsf gives an item the id `<array id>_<index>`). rjsf named items "tags-2" in their
 * labels but "tags-1" in the same item's alternative select (one counts from 1, the other from
 * 0), and every item's buttons just "Remove" or "Move up": a screen reader could not tell which.
 */
export function useArrayItemName(id: string): string | undefined {
  const array = useContext(EnclosingArrayContext);
  return array ? itemName(array, id) : undefined;
}

function itemName(array: EnclosingArray, id: string): string | undefined {
  if (!id.startsWith(`${array.id}_`)) return undefined;
  const index = id.slice(array.id.length + 1);
  return /^\d+$/.test(index) ? `${array.name} item ${Number(index) + 1}` : undefined;
}

/** rjsf's array layout, naming its items (see useArrayItemName); an array that is an item itself is named as one. */
export function NamedArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const id = props.fieldPathId.$id;
  const name = useArrayItemName(id) ?? (props.uiSchema?.['ui:title'] as string | undefined) ?? props.title;
  // An array without any name (rjsf always gives one; a guard, not a case) leaves its items as rjsf names them.
  if (!name) return <ArrayFieldTemplate {...props} />;
  return (
    <EnclosingArrayContext.Provider value={{ id, name }}>
      <ArrayFieldTemplate {...props} title={name} />
    </EnclosingArrayContext.Provider>
  );
}

/** rjsf's object layout; an object that is an array item is titled as one ("people item 1"). */
export function NamedObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const itemTitle = useArrayItemName(props.fieldPathId.$id);
  return <ObjectFieldTemplate {...props} title={itemTitle ?? props.title} />;
}

/** "Add an item to tags": rjsf's button read only "Add", the same for every array of the form. */
export function NamedAddButton(props: IconButtonProps) {
  const array = useContext(EnclosingArrayContext);
  const label = array ? `Add an item to ${array.name}` : 'Add an item';
  return (
    <div className="row">
      <p className={`col-xs-4 col-sm-2 col-lg-1 col-xs-offset-8 col-sm-offset-10 col-lg-offset-11 text-right ${props.className ?? ''}`}>
        <IconButton {...props} className="btn-add col-xs-12" iconType="info" icon="plus" title={label} aria-label={label} />
      </p>
    </div>
  );
}

/** An item's own buttons, named for the item ("Remove tags item 2"); their ids are the item's id and a suffix. */
function itemButton(words: (item: string) => string, fallback: string, icon: string, iconType?: string) {
  return function NamedItemButton(props: IconButtonProps) {
    const array = useContext(EnclosingArrayContext);
    const item = array && props.id ? itemName(array, props.id.replace(/__\w+$/, '')) : undefined;
    const label = item ? words(item) : fallback;
    return <IconButton {...props} {...(iconType ? { iconType } : {})} icon={icon} title={label} aria-label={label} />;
  };
}

export const NAMED_ARRAY_BUTTONS = {
  AddButton: NamedAddButton,
  RemoveButton: itemButton((item) => `Remove ${item}`, 'Remove', 'remove', 'danger'),
  MoveUpButton: itemButton((item) => `Move ${item} up`, 'Move up', 'arrow-up'),
  MoveDownButton: itemButton((item) => `Move ${item} down`, 'Move down', 'arrow-down'),
  CopyButton: itemButton((item) => `Copy ${item}`, 'Copy', 'copy'),
};
