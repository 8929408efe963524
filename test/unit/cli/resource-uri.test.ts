import { describe, expect, it } from 'vitest';
import { resourceUri } from '../../../main/cli/resource-uri';
import { formatLogLine, logRecord } from '../../../main/cli/follow';

describe('periscope read with a resource template', () => {
  it('expands path variables (percent-encoded) and lets query variables be left out', () => {
    expect(resourceUri('weather://{city}', ['city=São Paulo'])).toBe('weather://S%C3%A3o%20Paulo');
    expect(resourceUri('search://items{?q,lang}', ['q=tea'])).toBe('search://items?q=tea');
    expect(resourceUri('playground://readme', [])).toBe('playground://readme');
  });

  it('refuses pairs after a plain URI, unknown names and missing path variables, naming them', () => {
    expect(() => resourceUri('playground://readme', ['a=1'])).toThrow(/plain URI, not a resource template/);
    expect(() => resourceUri('weather://{city}/{day}', ['town=x'])).toThrow(/has no variable "town"/);
    expect(() => resourceUri('weather://{city}/{day}', ['city=x'])).toThrow(/needs a value for day/);
  });
});

describe('log lines', () => {
  it('text data as is, other JSON compact, logger in brackets; the record keeps the data as JSON', () => {
    const at = Date.UTC(2026, 11, 1, 9, 0, 0, 5);
    expect(formatLogLine({ seq: 1, connectionId: 'c', at, level: 'error', logger: 'db', data: { free: 12 } })).toBe('2026-12-01T09:00:00.005Z error [db] {"free":12}');
    expect(formatLogLine({ seq: 2, connectionId: 'c', at, level: 'info', data: 'plain' })).toBe('2026-12-01T09:00:00.005Z info plain');
    expect(logRecord({ seq: 2, connectionId: 'c', at, level: 'info', data: { a: [1] } })).toEqual({ type: 'log', at: '2026-12-01T09:00:00.005Z', level: 'info', data: { a: [1] } });
  });
});
