import { createContext } from 'react';
import type { MultiSchemaFieldTemplateProps } from '@rjsf/utils';
import MultiSchemaFieldTemplate from '@rjsf/core/lib/components/templates/MultiSchemaFieldTemplate.js';
import { isNode } from '../../../shared/schema/local-ref';
import { ALTERNATIVE_NAME } from '../../workbench/named-alternatives';

/** The names of the alternatives the select under it picks from, by index (undefined: rjsf's own label). */
export const AlternativeNamesContext = createContext<ReadonlyArray<string | undefined> | undefined>(undefined);

/**
 * rjsf's layout for an anyOf/oneOf field, handing the select the names its alternatives carry
 * in the form's schema (see named-alternatives.ts): rjsf itself names an untitled one "Option N".
 * Only the select hears them; the chosen alternative's field below keeps its own label.
 */
export function AlternativesTemplate(props: MultiSchemaFieldTemplateProps) {
  const alternatives = props.schema.anyOf ?? props.schema.oneOf ?? [];
  const names = alternatives.map((alternative) => {
    const name = isNode(alternative) ? alternative[ALTERNATIVE_NAME] : undefined;
    return typeof name === 'string' ? name : undefined;
  });
  const selector = <AlternativeNamesContext.Provider value={names}>{props.selector}</AlternativeNamesContext.Provider>;
  return <MultiSchemaFieldTemplate {...props} selector={selector} />;
}
