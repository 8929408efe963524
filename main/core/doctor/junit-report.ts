import { XMLBuilder } from 'fast-xml-parser';
import type { DoctorReport } from '../../../shared/model';

/**
 * The report as JUnit XML for CI (the shape Jenkins, GitLab and GitHub test reporters read): one
 * `<testsuite>` for the endpoint (a group's reports: one per instance, under `<testsuites>`), one
 * `<testcase>` per layer with its time in seconds; a failed layer carries `<failure message
 * type>` (type: the error kind), a skipped one `<skipped message>`; a warning passes with its
 * finding in `<system-out>`. Built with fast-xml-parser's XMLBuilder, which escapes every text and
 * attribute. The report is already masked.
 */
export function doctorJunitXml(report: DoctorReport | DoctorReport[]): string {
  const reports = Array.isArray(report) ? report : [report];
  const suites = reports.map(testsuite);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    // A group's instances: one suite each under <testsuites>, as reporters read several suites.
    ...(Array.isArray(report) ? { testsuites: { '@_name': 'periscope doctor', testsuite: suites } } : { testsuite: suites[0] }),
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  return builder.build(xmlSafe(document)) as string;
}

function testsuite(report: DoctorReport): Record<string, unknown> {
  const count = (verdict: string) => report.layers.filter((l) => l.verdict === verdict).length;
  const testcases = report.layers.map((layer) => {
    const text = [layer.finding, layer.fix ? `fix: ${layer.fix}` : undefined].filter(Boolean).join('\n');
    const testcase: Record<string, unknown> = {
      '@_name': `${layer.layer}: ${layer.title}`,
      '@_classname': 'periscope.doctor',
      '@_time': seconds(layer.durationMs),
    };
    if (layer.verdict === 'fail') testcase.failure = { '@_message': layer.finding, '@_type': layer.errorKind ?? 'fail', '#text': text };
    else if (layer.verdict === 'skipped') testcase.skipped = { '@_message': layer.finding };
    else testcase['system-out'] = `${layer.verdict === 'warn' ? 'warning: ' : ''}${text}`;
    return testcase;
  });
  return {
    '@_name': `periscope doctor ${report.label}`,
    '@_tests': report.layers.length,
    '@_failures': count('fail'),
    '@_errors': 0,
    '@_skipped': count('skipped'),
    '@_time': seconds(report.durationMs),
    '@_timestamp': report.startedAt,
    properties: { property: [{ '@_name': 'url', '@_value': report.url }, ...(report.firstFailure ? [{ '@_name': 'firstFailure', '@_value': report.firstFailure }] : [])] },
    testcase: testcases,
  };
}

/** XML 1.0 forbids most control characters even escaped: a server-sent one becomes U+FFFD. */
function xmlSafe<T>(value: T): T {
  // eslint-disable-next-line no-control-regex -- the control characters are what is being removed
  if (typeof value === 'string') return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)])) as T;
  return value;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
