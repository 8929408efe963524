import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SendToAllResultView } from '../../../renderer/components/instances/send-to-all-result';
import { compareAnswers } from '../../../main/core/fanout/answer-diff';
import type { SendToAllOutcome } from '../../../shared/model/instance-group';

const ok = (instance: string, text: string): SendToAllOutcome => ({ instance, latencyMs: 3, result: { content: [{ type: 'text', text }] } });
const refused = (instance: string): SendToAllOutcome => ({ instance, error: { kind: 'refused', message: 'Connection refused', hint: 'Start it.' } });

function summaryOf(outcomes: SendToAllOutcome[]): string {
  render(<SendToAllResultView sent={{ tool: 'echo', outcomes, comparison: compareAnswers(outcomes) }} />);
  return screen.getByTestId('send-to-all-summary').textContent ?? '';
}

/** Send to all's line of words: an instance that failed is never counted as an answer. */
describe('Send to all: the summary', () => {
  it.each([
    [[ok('a', 'hi'), ok('b', 'hi'), ok('c', 'ho')], '⚠ 2 different answers to echo: 2 of 3 gave answer A; 1 differs.'],
    [[ok('a', 'hi'), ok('b', 'hi'), refused('c')], '⚠ 2 instances answered echo alike (answer A). 1 of 3 failed.'],
    [[ok('a', 'hi'), refused('b'), refused('c'), refused('d')], '⚠ One instance answered echo (answer A). 3 of 4 failed.'],
    [[ok('a', 'hi'), ok('b', 'ho'), refused('c')], '⚠ 2 different answers to echo: 1 of 3 gave answer A; 1 differs. 1 of 3 failed.'],
    [[refused('a'), refused('b')], '⚠ Every instance failed to answer echo.'],
    [[ok('a', 'hi'), ok('b', 'hi')], '✓ All 2 instances answered echo alike.'],
  ])('%#', (outcomes, words) => {
    expect(summaryOf(outcomes)).toBe(words);
  });
});
