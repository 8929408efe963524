import { describe, expect, it } from 'vitest';
import { useBlankPage } from './support/browser';
import { layoutSettled } from './support/layout-checks';

/**
 * The wait every end-to-end layout check stands on, held to what it must do: a pane that is still
 * moving when the wait starts is measured where it stops, and a page that never stops is given up
 * on rather than waited for forever.
 */
const blank = useBlankPage();

/** A pane that moves 10 px a frame for `frames` frames (forever when Infinity), like a panel re-laid out. */
async function movingPane(frames: number): Promise<void> {
  await blank.page.setContent('<!doctype html><html lang="en"><head><title>panes</title></head><body><div data-testid="pane" style="position:absolute;left:0;top:0;width:50px;height:50px"></div></body></html>');
  await blank.page.evaluate(`(() => {
    const pane = document.querySelector('[data-testid="pane"]');
    let left = 0;
    const step = () => {
      if (left >= ${frames} * 10) return;
      left += 10;
      pane.style.left = left + 'px';
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })()`);
}

const paneLeft = () => blank.page.evaluate(`document.querySelector('[data-testid="pane"]').getBoundingClientRect().left`);

describe('layoutSettled', () => {
  it('returns once a moving pane has stopped, where it stopped', async () => {
    await movingPane(30);
    await layoutSettled(blank.page);
    expect(await paneLeft()).toBe(300);
  });

  it('gives up on a page that keeps moving, within a few seconds', async () => {
    await movingPane(Number.POSITIVE_INFINITY);
    const started = Date.now();
    await layoutSettled(blank.page);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await paneLeft()).toBeGreaterThan(300);
  });
});
