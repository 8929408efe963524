import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../../shared/model';
import { doctorJunitXml } from '../../../main/core/doctor/junit-report';

const report: DoctorReport = {
  url: 'https://api.example.com/mcp?key=[redacted]',
  label: 'prod <api> & "friends"',
  startedAt: '2026-12-01T10:00:00.000Z',
  durationMs: 1234.6,
  ok: false,
  firstFailure: 'tls',
  layers: [
    { layer: 'url', title: 'URL', verdict: 'pass', durationMs: 0.4, finding: 'https:// host api.example.com', facts: {} },
    { layer: 'tcp', title: 'TCP', verdict: 'warn', durationMs: 12, finding: 'connected, after ::1 refused', fix: 'listen on both', facts: {} },
    { layer: 'tls', title: 'TLS', verdict: 'fail', durationMs: 30.25, finding: 'self-signed <cert> \u001b[31m', fix: 'add its CA', errorKind: 'tls', facts: {} },
    { layer: 'http', title: 'HTTP', verdict: 'skipped', durationMs: 0, finding: 'Not run: the TLS layer failed', facts: {} },
  ],
};

describe('JUnit XML of a doctor report', () => {
  it('is well-formed XML: one testsuite, a testcase per layer, failure and skipped as JUnit expects', () => {
    const xml = doctorJunitXml(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'property' }).parse(xml);
    const suite = parsed.testsuite;
    expect(suite).toMatchObject({ name: 'periscope doctor prod <api> & "friends"', tests: '4', failures: '1', errors: '0', skipped: '1', time: '1.235', timestamp: '2026-12-01T10:00:00.000Z' });
    expect(suite.properties.property).toEqual([{ name: 'url', value: 'https://api.example.com/mcp?key=[redacted]' }, { name: 'firstFailure', value: 'tls' }]);
    const cases = suite.testcase as Array<Record<string, unknown>>;
    expect(cases.map((c) => c.name)).toEqual(['url: URL', 'tcp: TCP', 'tls: TLS', 'http: HTTP']);
    expect(cases[2]).toMatchObject({ classname: 'periscope.doctor', time: '0.030', failure: { type: 'tls', message: 'self-signed <cert> \uFFFD[31m', '#text': 'self-signed <cert> \uFFFD[31m\nfix: add its CA' } });
    expect(cases[3]).toMatchObject({ skipped: { message: 'Not run: the TLS layer failed' } });
    expect(cases[1]!['system-out']).toBe('warning: connected, after ::1 refused\nfix: listen on both');
    expect(cases[0]!.failure).toBeUndefined();
  });
});
