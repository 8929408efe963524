import { describe, expect, it } from 'vitest';
import { createJsonEditor } from '../../../renderer/components/tools/codemirror-setup';

/**
 * The JSON mode's editor shows a bidi override or a control character in the arguments as a
 * placeholder, as the result shows them as escapes: a U+202E pasted in reversed the rest of the line.
 */
describe('the arguments JSON editor', () => {
  it('draws a bidi override as a placeholder, not as an override', () => {
    const parent = document.createElement('div');
    document.body.append(parent);
    const view = createJsonEditor(parent, '{"message": "rtl\u202eevil"}', 'Arguments', () => {});
    try {
      const special = parent.querySelector('.cm-specialChar');
      expect(special).not.toBeNull();
      expect(parent.querySelector('.cm-content')?.textContent).not.toContain('\u202e');
      expect(view.state.doc.toString()).toBe('{"message": "rtl\u202eevil"}');
    } finally {
      view.destroy();
      parent.remove();
    }
  });
});
