type ItemAction = 'moveUp' | 'moveDown' | 'remove' | 'copy';

/**
 * Puts the focus back where a keyboard user expects it after an item's button acted: on the same
 * button of the moved item (its other move button when it reached an end), on the Remove button
 * of the item that took a removed one's place (else the previous item's, else the array's Add),
 * on the copy's Copy button. rjsf reorders or removes the items' elements, and the browser takes
 * the focus off a moved or removed element, so the focus fell to the page and the next Tab started
 * from the top. Runs on the next frame, once the form shows the change. Ids are rjsf's
 * (`<array id>_<index>__<button>`, `<array id>__add`).
 */
export function keepFocusAfter(action: ItemAction, arrayId: string, index: number): void {
  const item = (at: number, button: string) => `${arrayId}_${at}__${button}`;
  const candidates: Record<ItemAction, string[]> = {
    moveUp: [item(index - 1, 'moveUp'), item(index - 1, 'moveDown')],
    moveDown: [item(index + 1, 'moveDown'), item(index + 1, 'moveUp')],
    remove: [item(index, 'remove'), item(index - 1, 'remove'), `${arrayId}__add`],
    copy: [item(index + 1, 'copy')],
  };
  requestAnimationFrame(() => {
    for (const id of candidates[action]) {
      const button = document.getElementById(id) as HTMLButtonElement | null;
      if (button && !button.disabled) {
        button.focus();
        return;
      }
    }
  });
}
