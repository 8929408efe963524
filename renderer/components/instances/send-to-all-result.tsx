import type { SendToAllResult } from '../../../shared/model/instance-group';
import { formatLatency } from '../../trace/entry-fields';
import { SidewaysScroll } from '../sideways-scroll';
import { InstanceUrl } from './instance-url';

/**
 * The answers of every instance to the same tool call, compared: a line saying whether they
 * agree, each instance with its answer's label (A: the most common) and latency, and for every
 * odd one out (a stale deployment, say) the paths where its answer departs from answer A. The
 * odd ones stand out in words ("differs") and with a mark, not by colour alone.
 */
export function SendToAllResultView({ sent }: { sent: SendToAllResult }) {
  const { comparison, outcomes, tool } = sent;
  const summary = comparison.agree ? `All ${outcomes.length} instances answered ${tool} alike.` : disagreement(sent);
  return (
    <div className="send-to-all-result" data-testid="send-to-all-result" data-agree={comparison.agree || undefined}>
      <p role="status" className={comparison.agree ? 'instance-good' : 'instance-bad'} data-testid="send-to-all-summary">
        {comparison.agree ? '✓' : '⚠'} {summary}
      </p>
      <SidewaysScroll label={`Answers to ${tool}`} testId="answers">
        <table className="instances-table">
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">Answer</th>
              <th scope="col">Latency</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => {
              const odd = comparison.differing.some((d) => d.instance === o.instance);
              return (
                <tr key={o.instance} className={odd ? 'is-odd' : undefined} data-testid="answer-row" data-instance={o.instance} data-odd={odd || undefined}>
                  <th scope="row" className="instance-url">
                    <InstanceUrl url={o.instance} />
                  </th>
                  <td>
                    {o.error ? (
                      <span className="instance-bad">
                        ✗ answer {o.answer}: failed, {o.error.kind}: {o.error.message}
                      </span>
                    ) : odd ? (
                      <strong className="instance-bad">⚠ answer {o.answer}: differs from answer A</strong>
                    ) : (
                      <span>answer {o.answer}</span>
                    )}
                  </td>
                  <td>{o.latencyMs !== undefined ? formatLatency(o.latencyMs) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </SidewaysScroll>
      {comparison.differing
        .filter((d) => d.differences.length > 0)
        .map((d) => (
          <section key={d.instance} className="answer-differences" aria-label={`Where ${d.instance} differs`} data-testid="answer-differences">
            <h5>
              {d.instance} (answer {d.label}) differs from answer A at:
            </h5>
            <ul>
              {d.differences.map((difference) => (
                <li key={difference.path}>
                  <code>{difference.path}</code>: <code>{difference.expected}</code> → <code>{difference.actual}</code>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

/** "2 different answers to get_version: 2 of 3 gave answer A; 1 differs." A failure is never counted as an answer. */
function disagreement({ comparison, outcomes, tool }: SendToAllResult): string {
  const failed = outcomes.filter((o) => o.error).length;
  const answers = comparison.groups.filter((group) => group.errorKind === undefined);
  const failures = failed === 0 ? '' : ` ${failed} of ${outcomes.length} failed.`;
  if (answers.length === 0) return `Every instance failed to answer ${tool}.`;
  const mostCommon = answers[0]!.instances.length;
  const differing = outcomes.length - failed - mostCommon;
  if (answers.length === 1) return `${mostCommon === 1 ? 'One instance' : `${mostCommon} instances`} answered ${tool}${mostCommon === 1 ? '' : ' alike'} (answer A).${failures}`;
  return `${answers.length} different answers to ${tool}: ${mostCommon} of ${outcomes.length} gave answer A; ${differing} ${differing === 1 ? 'differs' : 'differ'}.${failures}`;
}
