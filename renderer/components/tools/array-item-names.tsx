import { createContext, useContext, type MouseEvent } from 'react';
import type { ArrayFieldTemplateProps, IconButtonProps, ObjectFieldTemplateProps } from '@rjsf/utils';
import ArrayFieldTemplate from '@rjsf/core/lib/components/templates/ArrayFieldTemplate.js';
import ObjectFieldTemplate from '@rjsf/core/lib/components/templates/ObjectFieldTemplate.js';
import IconButton from '@rjsf/core/lib/components/templates/ButtonTemplates/IconButton.js';
import { arrayNames, itemIndexOf, type ArrayNames } from './array-names';
import { keepFocusAfter } from './item-button-focus';

const EnclosingArrayContext = createContext<ArrayNames | undefined>(undefined);

/**
 * An array item's label, "tags item 2" (or "Tag 2" where the items have a title), when `id` is
 * the field id of an item of the array drawn around it (rjsf gives an item the id
 * `<array id>_<index>`). rjsf labelled items "tags-2" but the same item's alternative select
 * "tags-1" (one counted from 1, the other from 0). Short: it is drawn inside the box of the item
 * or array it belongs to, which says whose it is (the buttons say it in full, see itemButton).
 */
export function useArrayItemName(id: string): string | undefined {
  const array = useContext(EnclosingArrayContext);
  const index = array ? itemIndexOf(array.id, id) : undefined;
  return array && index !== undefined ? array.item(index) : undefined;
}

/** rjsf's array layout, naming its items (see array-names.ts); an array that is an item itself is named as one. */
export function NamedArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const id = props.fieldPathId.$id;
  const outer = useContext(EnclosingArrayContext);
  const title = (props.uiSchema?.['ui:title'] as string | undefined) ?? props.title;
  const names = arrayNames(id, title, itemTitleOf(props.schema.items), outer);
  // An array without any name (rjsf always gives one; a guard, not a case) leaves its items as rjsf names them.
  if (!names) return <ArrayFieldTemplate {...props} />;
  return (
    <EnclosingArrayContext.Provider value={names}>
      <ArrayFieldTemplate {...props} title={names.label} />
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
  const label = array ? `Add an item to ${array.full}` : 'Add an item';
  return (
    <div className="row">
      <p className={`col-xs-4 col-sm-2 col-lg-1 col-xs-offset-8 col-sm-offset-10 col-lg-offset-11 text-right ${props.className ?? ''}`}>
        <IconButton {...props} className="btn-add col-xs-12" iconType="info" icon="plus" title={label} aria-label={label} />
      </p>
    </div>
  );
}

/** The buttons rjsf draws for each item; their ids are the item's id and one of these suffixes. */
const ITEM_BUTTON = /__(moveUp|moveDown|remove|copy)$/;

/**
 * An item's own button, named for the item in full ("Remove aliases item 1 of people item 2"): the
 * same words would otherwise name a button of every person. After it acts, the focus stays with
 * the item (see item-button-focus.ts).
 */
function itemButton(words: (item: string) => string, fallback: string, icon: string, iconType?: string) {
  return function NamedItemButton(props: IconButtonProps) {
    const array = useContext(EnclosingArrayContext);
    const match = props.id ? ITEM_BUTTON.exec(props.id) : null;
    const index = array && match && props.id ? itemIndexOf(array.id, props.id.slice(0, match.index)) : undefined;
    const label = array && index !== undefined ? words(array.fullItem(index)) : fallback;
    const onClick = (event: MouseEvent<HTMLButtonElement>) => {
      props.onClick?.(event);
      if (array && index !== undefined && match) keepFocusAfter(match[1] as 'moveUp' | 'moveDown' | 'remove' | 'copy', array.id, index);
    };
    return <IconButton {...props} onClick={onClick} {...(iconType ? { iconType } : {})} icon={icon} title={label} aria-label={label} />;
  };
}

export const NAMED_ARRAY_BUTTONS = {
  AddButton: NamedAddButton,
  RemoveButton: itemButton((item) => `Remove ${item}`, 'Remove', 'remove', 'danger'),
  MoveUpButton: itemButton((item) => `Move ${item} up`, 'Move up', 'arrow-up'),
  MoveDownButton: itemButton((item) => `Move ${item} down`, 'Move down', 'arrow-down'),
  CopyButton: itemButton((item) => `Copy ${item}`, 'Copy', 'copy'),
};

/** The title the items' own schema gives them, if any ("Tag"). */
function itemTitleOf(items: unknown): string | undefined {
  if (typeof items !== 'object' || items === null || Array.isArray(items)) return undefined;
  const title = (items as { title?: unknown }).title;
  return typeof title === 'string' && title.trim() !== '' ? title : undefined;
}
