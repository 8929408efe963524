import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

/**
 * Presses Call in a tool workbench and waits for the result of *this* call. The result of the
 * previous call of the same tool stays on screen while the new one runs, so waiting for an
 * outcome alone can pass on the old result; the shown call's id must change too.
 */
export async function callToolAndWait(workbench: Locator, outcome = 'result', timeoutMs = 10_000): Promise<Locator> {
  const result = workbench.getByTestId('call-result');
  const previousId = (await result.count()) > 0 ? await result.getAttribute('data-call-id') : null;
  await workbench.getByTestId('call-tool').click();
  await expect
    .poll(async () => ((await result.count()) > 0 ? `${await result.getAttribute('data-call-id')} ${await result.getAttribute('data-outcome')}` : ''), { timeout: timeoutMs })
    .toMatch(new RegExp(`^(?!${escapeRegExp(previousId ?? '\u0000')} )\\S+ ${escapeRegExp(outcome)}$`));
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
