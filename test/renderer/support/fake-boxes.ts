import { afterEach, beforeEach } from 'vitest';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * happy-dom lays nothing out: every box is 0 × 0, so nothing is ever cut or scrolled out of view.
 * For each test of a file, `boxOf` gives the elements it knows a box (in window coordinates,
 * read when measured, so it may follow the element's or its area's scrollLeft / scrollTop) and a
 * client size (a scroll area's visible part); the others keep happy-dom's zeros.
 */
export function installFakeBoxes(boxOf: (element: Element) => Box | undefined): void {
  const saved: Record<string, PropertyDescriptor | undefined> = {};
  const props = ['getBoundingClientRect', 'clientWidth', 'clientHeight'] as const;
  beforeEach(() => {
    const protoOf = (prop: string) => (prop === 'getBoundingClientRect' ? Element.prototype : HTMLElement.prototype);
    for (const prop of props) saved[prop] = Object.getOwnPropertyDescriptor(protoOf(prop), prop);
    const original = saved.getBoundingClientRect!.value as (this: Element) => DOMRect;
    Object.defineProperty(Element.prototype, 'getBoundingClientRect', {
      configurable: true,
      value(this: Element) {
        const box = boxOf(this);
        if (!box) return original.call(this);
        return { x: box.left, y: box.top, left: box.left, top: box.top, width: box.width, height: box.height, right: box.left + box.width, bottom: box.top + box.height, toJSON: () => box };
      },
    });
    for (const [prop, side] of [
      ['clientWidth', 'width'],
      ['clientHeight', 'height'],
    ] as const) {
      const get = saved[prop]?.get;
      Object.defineProperty(HTMLElement.prototype, prop, {
        configurable: true,
        get(this: HTMLElement) {
          const box = boxOf(this);
          return box ? box[side] : (get?.call(this) ?? 0);
        },
      });
    }
  });
  afterEach(() => {
    for (const prop of props) {
      const proto = prop === 'getBoundingClientRect' ? Element.prototype : HTMLElement.prototype;
      if (saved[prop]) Object.defineProperty(proto, prop, saved[prop]!);
    }
  });
}
