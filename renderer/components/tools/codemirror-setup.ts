import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';

/**
 * CodeMirror 6 for JSON, in its own module so the editor (about 150 KB) loads only when the
 * raw JSON mode is first opened. Tab indents; Escape then Tab leaves the editor (CodeMirror's
 * own rule, so keyboard users are never trapped).
 */
export function createJsonEditor(parent: HTMLElement, text: string, label: string, onText: (text: string) => void): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        bracketMatching(),
        json(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'json-editor-content' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onText(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Puts `text` in the editor when it came from elsewhere (the form): one change, no echo back. */
export function replaceText(view: EditorView, text: string): void {
  const current = view.state.doc.toString();
  if (current !== text) view.dispatch({ changes: { from: 0, to: current.length, insert: text } });
}

export { EditorView };
