import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';

/**
 * The app's look for the editor. CodeMirror writes its styles at run time; in a shadow root it
 * uses a constructed style sheet, which the Content-Security-Policy (no inline <style>) allows,
 * while in the document it would add a <style> element the policy blocks. So the editor lives in
 * a shadow root (see JsonEditor), and the app's rules for it are here rather than in a .css file
 * that cannot reach inside. Colours come from the theme's custom properties, which do.
 */
const appTheme = EditorView.theme({
  '&': { maxHeight: '420px', fontSize: '13px', color: 'var(--text)', backgroundColor: 'var(--bg)' },
  '&.cm-focused': { outline: '2px solid var(--accent)' },
  '.cm-scroller': { fontFamily: 'var(--mono)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-soft)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent)',
  },
});

/** JSON's tokens in the theme's colours (each at least 4.5:1 on the background, light and dark). */
const jsonHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--in)' },
  { tag: tags.string, color: 'var(--ok)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--out)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

/**
 * CodeMirror 6 for JSON, in its own module so the editor (about 150 KB) loads only when the
 * raw JSON mode is first opened. Tab indents; Escape then Tab leaves the editor (CodeMirror's
 * own rule, so keyboard users are never trapped). `parent` should be inside a shadow root (see
 * appTheme).
 */
export function createJsonEditor(parent: HTMLElement, text: string, label: string, onText: (text: string) => void): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        appTheme,
        lineNumbers(),
        // Control characters and bidi overrides as placeholders: a U+202E reverses the rest of the line.
        highlightSpecialChars(),
        history(),
        bracketMatching(),
        json(),
        syntaxHighlighting(jsonHighlight),
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
