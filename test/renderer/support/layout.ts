import { afterAll, beforeAll } from 'vitest';

/**
 * happy-dom does no layout, so every element is 0 px tall and a virtual list would show nothing.
 * For one test file this gives elements a fixed client size, a scroll height taken from their
 * first child's inline height (the virtual list's sizer), and makes scrollTo fire a scroll event
 * as a browser does.
 */
export function installFakeLayout(height = 480, width = 900): void {
  const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
  const saved: Record<string, PropertyDescriptor | undefined> = {};
  const fakes: Record<string, PropertyDescriptor> = {
    clientHeight: { get: () => height },
    clientWidth: { get: () => width },
    offsetHeight: { get: () => height },
    offsetWidth: { get: () => width },
    scrollHeight: {
      get(this: HTMLElement) {
        const child = this.firstElementChild as HTMLElement | null;
        return Math.max(height, parseFloat(child?.style.height ?? '') || 0);
      },
    },
    scrollTo: {
      value(this: HTMLElement, options: ScrollToOptions) {
        if (options.top !== undefined) this.scrollTop = options.top;
        this.dispatchEvent(new Event('scroll'));
      },
    },
  };
  beforeAll(() => {
    for (const [prop, descriptor] of Object.entries(fakes)) {
      saved[prop] = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
      Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, ...descriptor });
    }
  });
  afterAll(() => {
    for (const [prop, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, prop, descriptor);
      else delete proto[prop];
    }
  });
}
