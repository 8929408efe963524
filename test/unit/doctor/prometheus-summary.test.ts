import { describe, expect, it } from 'vitest';
import { summarizeMcpMetrics } from '../../../main/core/doctor/prometheus-summary';
import { parsePrometheusText } from '../../../main/core/doctor/prometheus-text';
import { seedMetrics } from '../../fixtures/doctor/ops-server';

describe('Prometheus text format', () => {
  it('parses escaped label values, +Inf, NaN, exponents and timestamps', () => {
    const families = parsePrometheusText([
      '# HELP msdos_file_access_time_seconds File times.',
      'msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9',
      'something_weird{problem="division by zero"} +Inf -3982045',
      'not_a_number NaN',
      '# a plain comment',
    ].join('\n'));
    expect(families.map((f) => f.name)).toEqual(['msdos_file_access_time_seconds', 'something_weird', 'not_a_number']);
    expect(families[0]!.samples[0]).toEqual({ name: 'msdos_file_access_time_seconds', labels: { path: 'C:\\DIR\\FILE.TXT', error: 'Cannot find file:\n"FILE.TXT"' }, value: 1.458255915e9 });
    expect(families[0]!.help).toBe('File times.');
    expect(families[1]!.samples[0]!.value).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(families[2]!.samples[0]!.value)).toBe(true);
  });

  it('names the line of a malformed sample', () => {
    expect(() => parsePrometheusText('ok 1\nbroken{label="x} 2')).toThrow(/line 2: the value of label label is not closed/);
    expect(() => parsePrometheusText('<html>')).toThrow(/line 1: a sample must start with a metric name/);
    expect(() => parsePrometheusText('x abc')).toThrow(/line 1: "abc" is not a sample value/);
  });

  it('summarises the seed\'s mcp_* series from a real prom-client registry, labelled histogram included', async () => {
    const { families, mcp } = summarizeMcpMetrics(await seedMetrics());
    expect(families).toBe(3);
    expect(mcp.map((m) => m.name)).toEqual(['mcp_requests_total', 'mcp_request_duration_seconds']);
    expect(mcp[0]).toMatchObject({ type: 'counter', total: 15, series: 3 });
    const duration = mcp[1]!;
    expect(duration).toMatchObject({ type: 'histogram', count: 10, series: 1, top: [{ labels: 'method=tools/call', value: 10 }] });
    expect(duration.meanMs).toBeCloseTo(64, 6);
    expect(duration.p50Ms).toBeCloseTo(3.5, 6);
    expect(duration.p99Ms).toBeCloseTo(480, 6);
  });

  it('reads a summary\'s own quantiles from its busiest series', () => {
    const { mcp } = summarizeMcpMetrics([
      '# TYPE mcp_call_seconds summary',
      'mcp_call_seconds{method="a",quantile="0.5"} 0.002',
      'mcp_call_seconds{method="a",quantile="0.99"} 0.04',
      'mcp_call_seconds_sum{method="a"} 0.5',
      'mcp_call_seconds_count{method="a"} 100',
      'mcp_call_seconds{method="b",quantile="0.5"} 9',
      'mcp_call_seconds_sum{method="b"} 9',
      'mcp_call_seconds_count{method="b"} 1',
    ].join('\n'));
    expect(mcp[0]).toMatchObject({ type: 'summary', count: 101, series: 2, p50Ms: 2, p99Ms: 40 });
  });
});
