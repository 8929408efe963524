import { useEffect, useRef, type ClipboardEvent } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import TextareaWidget from '@rjsf/core/lib/components/widgets/TextareaWidget.js';
import { AlternativeAwareSelectWidget } from './alternative-select-widget';

/**
 * The form's text field, for every string of a tool's arguments: a single-line input drops line
 * breaks (the browser strips them from its value, silently), so a value that holds one is shown
 * in a text area instead, and a multi-line paste goes in whole and turns the field into one.
 * Anything else (numbers, a value on one line) is rjsf's own input.
 */
export function LineAwareTextWidget(props: WidgetProps) {
  const { id, value, schema, registry, options, onChange } = props;
  const multiline = typeof value === 'string' && value.includes('\n');
  const focusArea = useRef(false);
  useEffect(() => {
    if (!multiline || !focusArea.current) return;
    focusArea.current = false;
    const area = document.getElementById(id) as HTMLTextAreaElement | null;
    area?.focus();
    area?.setSelectionRange(area.value.length, area.value.length);
  }, [multiline, id]);

  if (multiline) return <TextareaWidget {...props} options={{ ...options, rows: Math.min(12, value.split('\n').length + 1) }} />;
  const takesText = schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    const input = event.target as HTMLInputElement;
    if (!takesText || !pasted.includes('\n') || input.id !== id) return;
    event.preventDefault();
    const current = typeof value === 'string' ? value : '';
    const start = input.selectionStart ?? current.length;
    const end = input.selectionEnd ?? current.length;
    focusArea.current = true;
    onChange(current.slice(0, start) + pasted + current.slice(end));
  };
  return (
    <div className="line-aware-text" onPaste={onPaste}>
      <registry.templates.BaseInputTemplate {...props} />
    </div>
  );
}

/** The widgets every generated form here uses (tool arguments, the server's questions). */
export const FORM_WIDGETS = { TextWidget: LineAwareTextWidget, SelectWidget: AlternativeAwareSelectWidget };
