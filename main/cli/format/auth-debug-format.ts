import type { AuthDebugRun, AuthDebugStepResult, AuthDebugVerdict } from '../../../shared/model/auth-debug';
import { AUTH_DEBUG_STEPS } from '../../../shared/model/auth-debug';
import { notSent } from '../../core/auth-debug/unanswered-request';

const VERDICT: Record<AuthDebugVerdict, string> = { info: 'INFO', pass: 'PASS', warn: 'WARN', fail: 'FAIL' };
const MARK: Record<AuthDebugVerdict, string> = { info: 'info', pass: 'ok  ', warn: 'warn', fail: 'FAIL' };

/**
 * One step of `periscope auth debug` in lines: a heading with its number, verdict and time; each
 * exchange as `METHOD URL -> status` (`-> failed: …` without one; `-> not sent: …` for a request
 * fetch refused to send); what the spec expects (with its sources); the findings; the facts
 * learned. Everything here is already masked by the debugger.
 */
export function formatAuthDebugStep(result: AuthDebugStepResult, index: number): string[] {
  const lines = [`Step ${index + 1}/${AUTH_DEBUG_STEPS.length}  ${result.title}  ${VERDICT[result.verdict]}  (${Math.round(result.durationMs)} ms)`];
  for (const exchange of result.exchanges) {
    const status = exchange.status !== undefined ? `${exchange.status}${exchange.statusText ? ` ${exchange.statusText}` : ''}` : exchange.error ? `${notSent(exchange.error) ? 'not sent' : 'failed'}: ${exchange.error.message}` : 'no answer';
    lines.push(`  ${exchange.method} ${exchange.url}  ->  ${status}`);
    const challenge = exchange.responseHeaders?.['www-authenticate'];
    if (challenge) lines.push(`      WWW-Authenticate: ${challenge}`);
    const location = exchange.responseHeaders?.location;
    if (location) lines.push(`      Location: ${location}`);
  }
  lines.push(`  expected: ${result.expectation.summary}`, `            (${result.expectation.sources.join('; ')})`);
  for (const finding of result.findings) lines.push(`  [${MARK[finding.verdict]}] ${finding.message}${finding.verdict !== 'pass' && finding.source ? ` (${finding.source})` : ''}`);
  const facts = Object.entries(result.facts);
  if (facts.length) {
    lines.push('  facts:');
    for (const [name, value] of facts) lines.push(`    ${name}: ${value}`);
  }
  if (result.stopped) lines.push(`  The run stops here: ${result.stopped}`);
  return lines;
}

/**
 * The closing line: the first failing step, warnings, all passed, or (nothing judged) why the run
 * ended. A run that stopped before the last step says why, so "2 of 8" never reads as broken off.
 */
export function authDebugSummary(run: AuthDebugRun): string {
  const failed = run.steps.find((s) => s.verdict === 'fail');
  const stopped = run.steps.at(-1)?.stopped?.replace(/\.$/, '');
  if (failed) return `Result: FAIL at step ${run.steps.indexOf(failed) + 1} (${failed.title})${stopped ? `; stopped: ${stopped}` : ''}; ${run.steps.length} of ${AUTH_DEBUG_STEPS.length} steps ran.`;
  // Only information (a server that asks for no authorization): no pass to claim, the reason instead.
  if (run.verdict === 'info' && stopped) return `Result: ${stopped} (${run.steps.length} of ${AUTH_DEBUG_STEPS.length} steps ran).`;
  const warned = run.steps.filter((s) => s.verdict === 'warn').length;
  return warned ? `Result: passed with ${warned} warning${warned > 1 ? 's' : ''}; ${run.steps.length} of ${AUTH_DEBUG_STEPS.length} steps ran.` : `Result: every step passed (${run.steps.length} of ${AUTH_DEBUG_STEPS.length}).`;
}
